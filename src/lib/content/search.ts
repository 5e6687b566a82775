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
