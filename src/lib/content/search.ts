/**
 * Note search: a query is words, all of which must appear in the text, ignoring case and accents,
 * with a hyphen the same as a space ("anonymous-auth" finds "anonymous auth" and the reverse).
 */

const HYPHENS = /[-\u2010-\u2015\u2212]/g;

/** The form both the query and the text are compared in. */
export function fold(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(HYPHENS, ' ');
}

/** The words of a query, folded. */
export function searchWords(query: string): string[] {
	return fold(query).split(/\s+/).filter(Boolean);
}

/** True when every word occurs in the text. */
export function matchesWords(text: string, words: readonly string[]): boolean {
	const folded = fold(text);
	return words.every((word) => folded.includes(word));
}

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
