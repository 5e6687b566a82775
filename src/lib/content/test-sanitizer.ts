import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import type { Sanitizer } from './render';

/** DOMPurify on a jsdom window: the same sanitizer the deck build uses in Node. */
export const nodeSanitizer: Sanitizer = createDOMPurify(new JSDOM('').window);

const SAFE_TAGS = new Set([
	'P',
	'A',
	'EM',
	'STRONG',
	'DEL',
	'CODE',
	'PRE',
	'UL',
	'OL',
	'LI',
	'BLOCKQUOTE',
	'BR'
]);

/**
 * Problems found when the HTML is parsed as a browser would: elements outside the allowed set,
 * any attribute other than href, or an href that is not http(s), mailto or relative.
 */
export function unsafeParts(html: string): string[] {
	const { document } = new JSDOM(`<body>${html}</body>`).window;
	const problems: string[] = [];
	for (const element of document.body.querySelectorAll('*')) {
		if (!SAFE_TAGS.has(element.tagName))
			problems.push(`element <${element.tagName.toLowerCase()}>`);
		for (const attribute of element.attributes) {
			if (attribute.name !== 'href') problems.push(`attribute ${attribute.name}`);
			else if (!/^(https?:|mailto:|#|\/)/i.test(attribute.value))
				problems.push(`href ${attribute.value}`);
		}
	}
	return problems;
}
