/**
 * Plain-text helpers for card generation: markup stripping, sentence splitting and the
 * sentence-level signals (hedges, questions, pronoun starts, open lists) that QUESTIONS.md
 * says decide whether a sentence may be tested.
 */

/** Note markdown/HTML to plain text that is safe to put in a card field. */
export function plainText(text: string): string {
	return (
		text
			.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
			.replace(/<\/?[a-z!][^>]*>/gi, ' ')
			// [label](url) -> label; the url never reaches a card
			.replace(/\[([^\]]*)\]\([^)]*\)?/g, '$1')
			// struck-through text is not part of what the note says (C~~R~~UD is "CUD")
			.replace(/~~[^~]*~~/g, '')
			.replace(/\*\*|__|`/g, '')
			.replace(/[<>]/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

export interface Sentence {
	text: string;
	index: number;
}

const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|approx|cf|ca|Dr|Mr|Ms)\.$/i;

/** Splits plain text into sentences; a version number or an abbreviation does not end one. */
export function splitSentences(text: string): Sentence[] {
	const sentences: Sentence[] = [];
	let start = 0;
	const boundary = /([.!?])(["')\]]*)\s+(?=["'(\p{Lu}\p{N}/-])/gu;
	for (const match of text.matchAll(boundary)) {
		const end = (match.index ?? 0) + match[1]!.length + (match[2]?.length ?? 0);
		const candidate = text.slice(start, end).trim();
		if (ABBREVIATION.test(candidate)) continue;
		if (candidate) sentences.push({ text: candidate, index: sentences.length });
		start = end;
	}
	const rest = text.slice(start).trim();
	if (rest) sentences.push({ text: rest, index: sentences.length });
	return sentences;
}

const HEDGES: [RegExp, string][] = [
	[/\bI think\b/i, '"I think"'],
	[/\bI guess\b/i, '"I guess"'],
	[/\bI(?:'m| am) not sure\b/i, '"I\'m not sure"'],
	[/\bI don'?t know\b/i, '"I don\'t know"'],
	[/\bdon'?t quote me\b/i, '"don\'t quote me"'],
	[/\bas far as I understood\b/i, '"as far as I understood"'],
	[/\(\?\)/, '"(?)"'],
	[/\bright\?/i, '"right?"'],
	[/\b(?:maybe|mayhaps|perhaps|probably|possibly|apparently|seems?)\b/i, 'a hedge word'],
	[/\bI suppose\b/i, '"I suppose"'],
	[/\?\s*$/, 'a question'],
	[/\bStill true\?/i, '"still true?"'],
	[/\b(?:verify|check) (?:that|if)\b/i, 'a note to verify']
];

/** Why a sentence must not be tested as a fact, or undefined when it states something plainly. */
export function hedgeIn(sentence: string): string | undefined {
	for (const [pattern, name] of HEDGES) if (pattern.test(sentence)) return name;
	return undefined;
}

export function isQuestion(sentence: string): boolean {
	return /\?["')\]]*$/.test(sentence.trim());
}

/** A sentence that only makes sense with the one before it ("It ...", "This ...", "These ..."). */
export function startsWithPronoun(sentence: string): boolean {
	return /^(?:it|its|it's|this|these|that|those|they|them|their|both|such|so|and|but|also|furthermore|then)\b/i.test(
		sentence.trim()
	);
}

const OPEN_LIST_CUE =
	/\b(?:like|such as|e\.g\.?|for example|for instance|including|examples?(?: of [\w -]+)?:|tools like|options are|options:)\s+/gi;

/**
 * Character ranges of list members that are only examples ("tools like strace, Falco2seccomp
 * or tracee"; "containerd, cri-o and probably others"): any other member would be right too.
 */
export function openListRanges(sentence: string): [number, number][] {
	const ranges: [number, number][] = [];
	for (const match of sentence.matchAll(OPEN_LIST_CUE)) {
		const from = (match.index ?? 0) + match[0].length;
		const tail = sentence.slice(from);
		const stop = tail.search(/[.;:!?]\s|[.;!?]$|\s[-–]\s|\bwhich\b|\bthat\b|\bto\b/);
		ranges.push([from, from + (stop < 0 ? tail.length : stop)]);
	}
	// "A, B and probably others" / "A, B, etc"
	const trailing =
		/((?:[\w"'./-]+(?:\s[\w"'./-]+)?,\s*)+[\w"'./-]+(?:\s[\w"'./-]+)?,?\s*(?:and|or)\s+(?:probably |many |some )?(?:others|more|similar)|(?:[\w"'./-]+,\s*)+(?:[\w"'./-]+,?\s*)etc\.?)/gi;
	for (const match of sentence.matchAll(trailing)) {
		ranges.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
	}
	if (/\/etc\b|\betc\b/i.test(sentence)) {
		// "runc/crun/etc" and "/healthz, /logs etc": the whole slash or comma run is open
		for (const match of sentence.matchAll(/(?:[\w"'./-]+(?:,\s*|\/))+etc\b/gi)) {
			ranges.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
		}
	}
	return ranges;
}

/** Lower-case words joined by single dashes: a card id key. */
export function slug(text: string): string {
	return (
		text
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^\p{L}\p{N}.]+/gu, '-')
			.replace(/^[-.]+|[-.]+$/g, '')
			.slice(0, 60) || 'x'
	);
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regexp matching `term` as a whole word (a term starting or ending in punctuation too). */
export function wordPattern(term: string, flags = 'giu'): RegExp {
	const before = /^[\p{L}\p{N}]/u.test(term) ? '(?<![\\p{L}\\p{N}_-])' : '(?<![\\p{L}\\p{N}_])';
	const after = /[\p{L}\p{N}]$/u.test(term) ? '(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])' : '';
	return new RegExp(`${before}${escapeRegExp(term)}${after}`, flags);
}

/** Whether `term` occurs as a word in `text`, ignoring case. */
export function mentions(text: string, term: string): boolean {
	return wordPattern(term, 'iu').test(text);
}
