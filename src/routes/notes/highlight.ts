import { matchRanges } from '$lib/content/search-marks';

/**
 * An attachment that wraps each match of the search words in the element's text in <mark>. It
 * splits text nodes and creates elements: the note's text is never parsed as HTML, so the
 * sanitized note stays as it was. The marks of the previous words are taken out first.
 */
export function highlight(words: readonly string[]) {
	return (element: HTMLElement) => {
		mark(element, words);
		return () => unmark(element);
	};
}

function unmark(element: HTMLElement) {
	for (const old of element.querySelectorAll('mark[data-match]')) {
		old.replaceWith(...old.childNodes);
	}
	element.normalize();
}

function mark(element: HTMLElement, words: readonly string[]) {
	if (!words.length) return;
	const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
	const texts: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
	for (const text of texts) {
		const value = text.data;
		const ranges = matchRanges(value, words);
		if (!ranges.length) continue;
		const parts: Node[] = [];
		let at = 0;
		for (const [start, end] of ranges) {
			if (start > at) parts.push(document.createTextNode(value.slice(at, start)));
			const match = document.createElement('mark');
			match.dataset.match = '';
			match.textContent = value.slice(start, end);
			parts.push(match);
			at = end;
		}
		if (at < value.length) parts.push(document.createTextNode(value.slice(at)));
		text.replaceWith(...parts);
	}
}
