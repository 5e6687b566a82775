import { Marked } from 'marked';
import { escapeHtml } from './escape';
import type { Config } from 'dompurify';

/** What the renderer needs from DOMPurify: the browser's, or one bound to a jsdom window. */
export interface Sanitizer {
	sanitize(html: string, config: Config & { RETURN_TRUSTED_TYPE?: false }): string;
}

/** Only plain inline and block formatting survives; no images (they would be third-party requests). */
export const SANITIZE_CONFIG = {
	ALLOWED_TAGS: [
		'p',
		'a',
		'em',
		'strong',
		'del',
		'code',
		'pre',
		'ul',
		'ol',
		'li',
		'blockquote',
		'br'
	],
	ALLOWED_ATTR: ['href'],
	// a path on this site, never `//host` or `/\host` (which browsers read as another site)
	ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/(?![/\\]))/i,
	ALLOW_DATA_ATTR: false
} satisfies Config;

const markdown = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	renderer: {
		// raw HTML in a note is shown as text, never interpreted
		html: ({ text }) => escapeHtml(text),
		image: ({ text }) => escapeHtml(text),
		heading: ({ text }) => `<p>${escapeHtml(text)}</p>\n`
	}
});

/** Renders a note's markdown to sanitized HTML. */
export function renderNote(text: string, sanitizer: Sanitizer): string {
	const html = markdown.parse(text) as string;
	return sanitizer.sanitize(html, SANITIZE_CONFIG).trim();
}
