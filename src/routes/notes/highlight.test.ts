// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { searchWords } from '$lib/content/search';
import { renderNote } from '$lib/content/render';
import { nodeSanitizer } from '$lib/content/test-sanitizer';
import { highlight } from './highlight';

/** A note body as the page shows it: the build's sanitized HTML. */
function body(text: string): HTMLElement {
	const element = document.createElement('div');
	element.innerHTML = renderNote(text, nodeSanitizer);
	return element;
}

const tags = (element: Element) => [...element.querySelectorAll('*')].map((e) => e.localName);
const marks = (element: Element) => [...element.querySelectorAll('mark')].map((m) => m.textContent);

describe('search highlighting', () => {
	it('marks every match of every word, hyphen or space, and keeps the text as it was', () => {
		const element = body('Set `--anonymous-auth=false`: *anonymous auth* is on by default.');
		const text = element.textContent;
		highlight(searchWords('Anonymous-Auth'))(element);
		expect(marks(element)).toEqual(['anonymous', 'auth', 'anonymous', 'auth']);
		expect(element.textContent).toBe(text);
		// inside the code span and the emphasis, not around them
		expect(element.querySelector('code mark')).not.toBeNull();
		expect(element.querySelector('em mark')).not.toBeNull();
	});

	it('takes the marks out again, leaving the note as it was', () => {
		const element = body('etcd stores **all** cluster state in etcd.');
		const html = element.innerHTML;
		const clear = highlight(searchWords('etcd state'))(element);
		expect(marks(element)).toEqual(['etcd', 'state', 'etcd']);
		clear();
		expect(element.innerHTML).toBe(html);
	});

	it('never turns note text into markup: hostile notes gain only <mark> elements', () => {
		const hostile = readFileSync('tests/fixtures/hostile/notes.md', 'utf8').split(/\n\s*\n/);
		let marked = 0;
		for (const note of hostile) {
			const element = body(note);
			const before = tags(element);
			const text = element.textContent;
			for (const query of ['script', 'img onerror', 'javascript', 'pwned', '<', 'lt']) {
				const clear = highlight(searchWords(query))(element);
				expect(tags(element).filter((t) => t !== 'mark')).toEqual(before);
				expect(element.textContent).toBe(text);
				marked += element.querySelectorAll('mark').length;
				clear();
			}
		}
		// the payloads' own words were found and marked, as text
		expect(marked).toBeGreaterThan(20);
	});
});
