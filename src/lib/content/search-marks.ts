import { fold } from './search';

// apart from search.ts: only the notes page marks matches, and every page that filters by a
// search (the quiz too) would otherwise carry this in its JavaScript

/**
 * Where the words occur in the text, as [start, end) offsets into the text as written (not its
 * folded form), sorted, overlaps merged.
 * @example matchRanges('Anonymous-Auth is on', ['anonymous', 'auth']) // [[0, 9], [10, 14]]
 */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
	if (!words.length) return [];
	// fold character by character, remembering where each folded character came from
	let folded = '';
	const from: number[] = [];
	const to: number[] = [];
	let offset = 0;
	for (const char of text) {
		const form = fold(char);
		for (let i = 0; i < form.length; i++) {
			from.push(offset);
			to.push(offset + char.length);
		}
		folded += form;
		offset += char.length;
	}
	const ranges: [number, number][] = [];
	for (const word of words) {
		for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
			ranges.push([from[at]!, to[at + word.length - 1]!]);
		}
	}
	ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const merged: [number, number][] = [];
	for (const range of ranges) {
		const last = merged.at(-1);
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else merged.push([...range]);
	}
	return merged;
}
