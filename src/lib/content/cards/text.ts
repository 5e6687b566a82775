/**
 * Plain-text helpers for card generation: markup stripping, sentence splitting and the
 * sentence-level signals (hedges, questions, pronoun starts, open lists) that QUESTIONS.md
 * says decide whether a sentence may be tested.
 */

/** Note markdown/HTML to plain text that is safe to put in a card field. */
export function plainText(text: string): string {
	return (
		text
			// a placeholder in code (`system:serviceaccount:<ns>:<name>`) is text, not a tag
			.replace(/`[^`\n]*`/g, (code) => code.replace(/<([\w.-]+)>/g, '⟨$1⟩'))
			.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
			// a link to anything but http(s)/mailto is dropped whole; others keep their label
			.replace(/\[[^\]]*\]\(<?\s*(?!https?:|mailto:)[a-z][\w+.-]*:[^)>]*(?:\)[^)>]*)*>?\)/gi, ' ')
			.replace(/\[([^\]]*)\]\((?:<[^>]*>|[^)]*)\)/g, '$1')
			.replace(/<\/?[a-z!][^>]*>/gi, ' ')
			// struck-through text is not part of what the note says (C~~R~~UD is "CUD")
			.replace(/~~[^~]*~~/g, '')
			.replace(/\*\*|__|`/g, '')
			// a tag left inside the text (`variable #authn. Furthermore`) is not part of a sentence
			.replace(/(?<![\p{L}\p{N}_/#&:;=?%-])#\p{L}[\p{L}\p{N}_-]*/gu, '')
			.replace(/[<>]/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

export interface Sentence {
	text: string;
	index: number;
}

const ABBREVIATION =
	/\b(?:e\.g|i\.e|a\.k\.a|w\.r\.t|et al|etc|vs|approx|cf|ca|incl|U\.S|U\.K|Dr|Mr|Ms)\.$/i;

// "… runc/crun/etc. The runtime …": a sentence that ends in "etc." before one that starts plainly
const PLAIN_START =
	/^(?:The|This|These|Those|That|There|It|Its|In|On|A|An|But|So|And|When|If|We|You|They)\b/;

/**
 * Splits plain text into sentences; a version number or an abbreviation does not end one. A
 * sentence may start in lower case, as a name written in code does ("… by default. kubeadm
 * sets …", "in-toto attestations …").
 */
export function splitSentences(text: string): Sentence[] {
	const sentences: Sentence[] = [];
	let start = 0;
	const boundary = /([.!?])(["')\]]*)\s+(?=["'(\p{L}\p{N}/-])/gu;
	for (const match of text.matchAll(boundary)) {
		const end = (match.index ?? 0) + match[1]!.length + (match[2]?.length ?? 0);
		const candidate = text.slice(start, end).trim();
		const next = text.slice(end, end + 40).trimStart();
		if (ABBREVIATION.test(candidate) && !(/\betc\.$/i.test(candidate) && PLAIN_START.test(next)))
			continue;
		// "image@sha256:... and let", "(floppy disks?) and shared": an ellipsis, or a question
		// inside brackets or quotes, goes on in lower case; only a plain full stop ends a sentence
		// before it
		const ellipsis = text[(match.index ?? 0) - 1] === '.';
		// a name in lower case is a word of four letters or more ("kubeadm", "mTLS") or one with a
		// digit ("v2"), not "node. js"
		const lower = /^\p{Ll}/u.test(next);
		const name = /^\p{Ll}(?:[\p{L}\p{N}-]{3,}|[\p{L}-]*\p{N})/u.test(next);
		if ((ellipsis && !/^\p{Lu}/u.test(next)) || (lower && (match[1] !== '.' || match[2] || !name)))
			continue;
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
	[
		/\b(?:maybe|mayhaps|perhaps|probably|possibly|apparently|seems?|likely|unlikely)\b/i,
		'a hedge word'
	],
	[/\bI suppose\b/i, '"I suppose"'],
	[/\bI would say\b|\bI'?ve\b|\bI had\b|\bI took\b|\bI find\b/i, 'a personal opinion'],
	[
		/\b(?:feels? (?:like|bad|iffy)|ain'?t so bad|a(?:n)?necdotally|tempting to say)\b/i,
		'a personal opinion'
	],
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

/**
 * A word that makes the words around it a clause, not a name or a label: a finite verb or a
 * conjunction that opens one ("Swedish text should survive", "___ exists because of ...",
 * "used to"). A label ("Kubelet ports"), a term ("Pod Security Admission") or a noun phrase
 * ("pods the kubelet runs") has none.
 */
export const CLAUSE_WORD =
	/\b(?:is|are|was|were|be|exists?|has|have|had|can|could|will|would|should|must|may|might|do|does|did|means?|used to|because|since)\b/i;

const LEADING_CONJUNCTION = /^(?:and then|and|so|but|also|furthermore|then|however),?\s+/i;

/** The sentence without a leading "And", "So", "But" that ties it to spoken context. */
export function withoutLeadingConjunction(sentence: string): string {
	const trimmed = sentence.trim();
	const rest = trimmed.replace(LEADING_CONJUNCTION, '');
	if (rest === trimmed) return trimmed;
	// "And then we had CVE-..." -> "We had CVE-...", but never "etcd" -> "Etcd"
	return /^\p{Ll}+\b/u.test(rest) &&
		/^(?:we|there|the|a|an|this|these|that|it|they|you|i|with|when|if|in|on|for|as|to|by|after|before|since)\b/i.test(
			rest
		)
		? rest.charAt(0).toUpperCase() + rest.slice(1)
		: rest;
}

/**
 * The sentence without a spoken "basically" that adds nothing to what it says ("which basically
 * makes static pods visible" -> "which makes static pods visible"). Not where it sits between two
 * subjects ("they basically it checks"): that sentence is garbled, and stays spoken filler.
 */
export function withoutFiller(sentence: string): string {
	if (/\b(?:they|it|we|you|he|she)\s+basically\s+(?:it|they|we|you|he|she)\b/i.test(sentence))
		return sentence;
	return sentence.replace(/(^|\s)basically,?\s+(?=\S)/gi, '$1');
}

/**
 * A sentence that only makes sense with the one before it: a pronoun subject ("It ...",
 * "This ...", "These ...", "By doing so, it ...", "To fix that, ...") or no subject at all ("Uses
 * AES GCM, ...", "Deprecated in 1.21, ...").
 */
export function startsWithPronoun(sentence: string): boolean {
	const s = withoutLeadingConjunction(sentence);
	if (/^(?:these days|this way|that way|this time)\b/i.test(s)) return false;
	// "It used to be the case that ...", "It is possible to ...": an "it" that points at nothing
	if (
		/^it (?:used to be|is|was|has been|is not|isn't|was not) (?:the case|possible|not possible|common|recommended|important)\b/i.test(
			s
		)
	)
		return false;
	return (
		/^(?:it|its|it's|this|these|that|those|they|them|their|both|such|he|she)\b/i.test(s) ||
		// "By representing resources as code, it allows ...": an opening phrase, then the pronoun
		/^(?:by|after|before|when|while|through|on)\s+\w+ing\b.{0,200}?,\s+(?:it|this|they|these)\s/i.test(
			s
		) ||
		/^(?:uses|relies|enables|discloses|describes|supports|requires|allows|is|are|was|can|could|works|includes|provides|means)\b/i.test(
			s
		) ||
		// "Deprecated in 1.21, removed in 1.25", "To fix that, ...": what it is about is before
		/^(?:deprecated|removed|introduced|added|replaced|disabled|enabled|graduated|released|renamed|superseded)\b/i.test(
			s
		) ||
		/^to \w+ (?:this|that|it|them|these|those)\b/i.test(s)
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
		/((?:[\w"'./-]+(?:\s[\w"'./-]+)?,\s*)+[\w"'./-]+(?:\s[\w"'./-]+)?,?\s*(?:and|or)\s+(?:probably |many |some )?(?:others|more|similar|so on)|(?:[\w"'./-]+,\s*)+(?:[\w"'./-]+,?\s*)etc\.?)/gi;
	for (const match of sentence.matchAll(trailing)) {
		ranges.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
	}
	// "Dockers/containerd/runc": a slash run of three or more is a list of examples
	for (const match of sentence.matchAll(/(?<![\w/.-])[\w.'-]+(?:\/[\w.'-]+){2,}/g)) {
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

const MINOR_WORDS = /^(?:a|an|and|as|at|by|for|in|of|on|or|the|to)$/;

/**
 * A name as an option beside others: a name written in sentence case is shown in title case, so
 * that "Continuous integration" reads like "Continuous Delivery" beside it.
 */
export function asOptionName(name: string): string {
	if (!/^\p{Lu}[\p{Ll}\p{N}-]*(?: [\p{Ll}\p{N}-]+)+$/u.test(name)) return name;
	return name.replace(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}]*/gu, (w: string, at: number) =>
		at > 0 && MINOR_WORDS.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)
	);
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

// compiled patterns are reused: the same terms are looked up in every note
const patterns = new Map<string, RegExp>();

/** A regexp matching `term` as a whole word (a term starting or ending in punctuation too). */
export function wordPattern(term: string, flags = 'giu'): RegExp {
	const key = `${flags}\u0000${term}`;
	const cached = patterns.get(key);
	if (cached) {
		cached.lastIndex = 0;
		return cached;
	}
	const before = /^[\p{L}\p{N}]/u.test(term) ? '(?<![\\p{L}\\p{N}_-])' : '(?<![\\p{L}\\p{N}_])';
	const after = /[\p{L}\p{N}]$/u.test(term) ? '(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])' : '';
	const pattern = new RegExp(`${before}${escapeRegExp(term)}${after}`, flags);
	if (patterns.size < 50_000) patterns.set(key, pattern);
	return pattern;
}

/** Whether `term` occurs as a word in `text`, ignoring case. */
export function mentions(text: string, term: string): boolean {
	if (!text.toLowerCase().includes(term.toLowerCase())) return false;
	return wordPattern(term, 'iu').test(text);
}
