/**
 * The one gate every generated card passes: a stem a student can answer, no form of the answer
 * left in it or in a wrong option, no cue word only the answer shares, options of one form.
 * Each check returns why a candidate is refused, for the review report, or undefined.
 */
import {
	answerForms,
	blankForms,
	contentWords,
	cueWord,
	formIn,
	formOutlier,
	type AnswerForms
} from './forms';
import { CLAUSE_WORD, escapeRegExp, startsWithPronoun } from './text';

/** Words a stem must have besides the blank to be a full clause. */
const MIN_STEM_WORDS = 5;

// openers of spoken or to-do text: "Yes, still:", "We had ___ and this was", "Add link to ..."
const TRANSCRIPT =
	/^(?:yes|no|ok(?:ay)?|well|right|anyway|btw|hmm|so yeah)\b[\s,:!.]|^(?:we|i) (?:had|saw|tried|did|were|was|got|ran|found|used|have|will|should)\b|^(?:add|todo|fixme|look into|link|see) |^(?:let's say|let us say|say|imagine|suppose|for example|for instance|e\.g\.)\b/i;
// a stem that points back at text it does not include ("Another endpoint", "these rules",
// "more sneaky that way")
const DANGLING =
	/^(?:another|the other|the main|the same|the former|the latter|the distinction|the difference|an example|examples?|for example|high-level|low-level|both|either|neither|here|also|again|then|otherwise|instead|similarly|likewise|options?|this)\b|\b(?:these|those|the former|the latter|the above|as mentioned|mentioned earlier|talked about|said before|(?:good|common|typical) examples?)\b|\b(?:more|less|better|worse)\b[^.]{0,30}\b(?:that|this) way\b/i;
// spoken filler copied from a talk ("create like policy bindings", "wanna", "they basically it
// checks"), or the teacher speaking of the class ("escapes worth naming in class")
const SPOKEN =
	/\b(?:wanna|gonna|kinda|sorta|basically|I mean|you know|kind of|sort of|ain'?t|yeah|pretty much|or something|to clarify|so to speak|mayhaps|pwnage|got|gotta|in class|in the course)\b|\b(?:can|could|create|do|use|have|add|define|specify) (?:like|say)\b/i;
// a checklist line where any member of the class would be right ("Ensure that ___ is set")
const CHECKLIST = /^(?:make sure|ensure|verify|check|remember|don't forget|confirm)\b/i;

// "this functionality", "such tools": a thing named before; not "this will", "this tricks", "this could"
const THIS_THING =
	/\b(?:this|such) (?!(?:is|was|are|were|will|would|can|could|may|might|should|must|has|had|have|does|did|means|meant|makes|made|allows|lets|gives|leads|requires|way|time|case)\b)\p{L}+(?<!ed)(?<![^s]s)\b/iu;

/** Why a cloze or MCQ stem cannot be answered as written, or undefined. */
export function stemProblem(stem: string): string | undefined {
	const text = stem.trim();
	if (!text.includes('___')) return 'the stem has no blank';
	const words = text
		.replace(/___/g, ' ')
		.split(/\s+/)
		.filter((w) => /[\p{L}\p{N}]/u.test(w));
	if (words.length < MIN_STEM_WORDS) return 'the stem is shorter than a full clause';
	// "At the moment, requires restart of ___": no subject after the opening adverbial either
	const opened = text.replace(
		/^(?:at the moment|currently|by default|today|nowadays|in practice|in general|generally),\s*/i,
		''
	);
	if (startsWithPronoun(opened))
		return 'the stem starts with a pronoun it does not resolve, or has no subject';
	if (TRANSCRIPT.test(text)) return 'the stem is spoken or to-do text, not a statement';
	if (CHECKLIST.test(text)) return 'a checklist line: any member of the class would be right';
	const unread = unreadable(text);
	if (unread) return unread;
	if (!balanced(text)) return 'the stem has an unbalanced quote or bracket';
	if (/\(\s*___\s*\)/.test(text)) return 'the blank is a parenthetical aside';
	// "a(n) ___ system such as Git": the answer's own example follows the blank
	if (/___(?:\s+[\p{L}-]+){0,3},?\s+(?:such as|e\.g\.|for example|for instance)\s/iu.test(text))
		return 'an example of the answer follows the blank';
	// "set with ___.seccompProfile.type": the answer is one part of a dotted path
	if (/___\.\p{L}|\p{L}\.___/u.test(text)) return 'the blank is one part of a dotted path';
	// "etcd ___.0": the answer blanked inside a longer version or number
	if (/___[.,]\d|\d[.,]___/.test(text)) return 'the blank is part of a longer number';
	// "A: any user, B: ___ but bound to NS": a list of pairs, not a sentence
	if ((text.match(/(?:^|\s)[\p{L}\p{N}_-]+:\s/gu) ?? []).length >= 2)
		return 'the stem is a list of label: text pairs';
	// "___ settings that matter: --anonymous-auth=false, ...", "___ ports: 2379 for clients": the
	// blank is in the note's label (not a key of code, "___: false sets no_new_privs")
	const label = /^([^:.!?]{0,60}___([^:.!?]{0,60})):\s(\S*)/.exec(text);
	const codeKey = label?.[2] === '' && /^(?:true|false|null|none|\d)/i.test(label[3] ?? '');
	// a label is a few words and says nothing happens; "___ exists because of CVE-2020-8554:
	// anyone could ..." explains
	const head = (label?.[1] ?? '').trim();
	const short = head.split(/\s+/).length <= 8 && !CLAUSE_WORD.test(head);
	if (label && short && !codeKey) return "the blank is in the note's label";
	// "approaches: ___, gVisor, WASM and ...": one member of a list, where any member would do
	if (
		/(?:___|[^,]+),\s*[^,]+,\s*[^,]+(?:,|\s(?:and|or)\s)/.test(text) &&
		/(?:,\s*___|___\s*,)/.test(text)
	)
		return 'the blank is one member of a list';
	// "___/CD": one half of a pair written with a slash gives the other away
	if (/[\p{L}\p{N}]\/___|___\/[\p{L}\p{N}]/u.test(text))
		return 'the blank is half of a pair written with a slash';
	// "container-___ bugs": the answer blanked out of a hyphenated word
	if (/[\p{L}\p{N}]-___|___-[\p{L}\p{N}]/u.test(text))
		return 'the blank is part of a hyphenated word';
	// "Site ___ Engineers": a word blanked out of a longer name
	if (/[\p{L}\p{N}][\s-]\p{Lu}[\p{L}\p{N}]*[\s-]___|___[\s-]\p{Lu}\p{Ll}/u.test(text))
		return 'the blank is part of a longer name';
	return undefined;
}

/**
 * Why a text cannot be read on its own, or undefined: it points at text it does not include
 * ("the above mentioned problems", "this functionality"), ends in a scrap ("…run by sig-auth,
 * operator/addon.") or is spoken filler ("basically", "kind of"). For a stem, and for the answer
 * on the back of a flashcard.
 */
export function unreadable(text: string): string | undefined {
	// "this", "the term", "such" early in a stem point at text before it
	const own = withoutOwnReferences(text);
	const first = own.split(/\s+/).slice(0, 6).join(' ');
	if (
		DANGLING.test(own) ||
		/\b(?:and|but|so) (?:this|that|it) (?:is|was)\b/i.test(own) ||
		/\b(?:this|the term|such)\b/i.test(first) ||
		// "reducing the need for this functionality", "___ also allows", "This pattern is slower
		// than ___" after a sentence that never names the pattern: what it means is before
		THIS_THING.test(own) ||
		/\balso\b/i.test(own.split(/\s+/).slice(0, 3).join(' '))
	)
		return 'the stem refers to something it does not include';
	// "…authorization configuration, provide." / "…run by sig-auth, operator/addon.": a trailing scrap
	const tail = /,\s*([^,]*?)[.!]?\s*$/.exec(text)?.[1] ?? '';
	if (tail && tail.split(/\s+/).filter(Boolean).length <= 1 && !tail.includes('___'))
		return 'the stem ends in a fragment';
	if (SPOKEN.test(text)) return 'the stem is spoken filler, not a written statement';
	return undefined;
}

/**
 * The stem without what points inside itself: quoted words ("who is this token?") and "these
 * IPs" or "this flag" after the stem has named them ("set externalIPs and intercept traffic
 * meant for those IPs").
 */
function withoutOwnReferences(text: string): string {
	const unquoted = text.replace(/“[^”]*”|"[^"]*"/g, ' ');
	return unquoted.replace(
		/\b(?:this|these|those)\s+(\p{L}{3,})\b/giu,
		(all, noun: string, at: number) => {
			// named before: as a word, or as the last part of a CamelCase word ("externalIPs" for
			// "those IPs"), not as the end of another word ("support" for "this port")
			const head = escapeRegExp(noun.replace(/(?<=[^s])s$/i, ''));
			const before = unquoted.slice(0, at);
			const named =
				new RegExp(`\\b${head}s?\\b`, 'iu').test(before) ||
				(/^\p{Lu}/u.test(noun) && new RegExp(`(?<=\\p{Ll})${head}s?\\b`, 'u').test(before));
			return named ? ' ' : all;
		}
	);
}

/**
 * Why a cloze gives its answer away, or undefined: "Except KMS version 1 and ___" (the other half
 * of a pair spells the answer out but for one word), "horizontal and ___" for "vertical scaling".
 */
export function clozeProblem(stem: string, answer: string): string | undefined {
	const match = /((?:[\p{L}\p{N}.-]+\s+){0,2}[\p{L}\p{N}.-]+)\s+(and|or)\s+___/u.exec(stem);
	const pair = match?.[1] ?? '';
	const and = match?.[2] ?? 'and';
	const own = contentWords(answer);
	if ([...contentWords(pair)].some((w) => own.has(w)))
		return `the other half of the pair ("${pair} ${and} ___") spells the answer out`;
	// "horizontal and ___" for "vertical scaling": one word paired with the answer's first word,
	// the head they share said once, names the answer's sibling and so the answer
	const partner = pair.split(/\s+/).at(-1) ?? '';
	if (/^\p{Ll}+$/u.test(partner) && /\s/.test(answer.trim()))
		return `"${partner} ${and} ___" pairs the answer with its sibling`;
	return undefined;
}

/** Why an MCQ would give itself away or have two right answers, or undefined. */
export function mcqProblem(
	stem: string,
	options: string[],
	answerIndex: number,
	forms: AnswerForms = answerForms(options[answerIndex] ?? '')
): string | undefined {
	const leak = formIn(stem, forms);
	if (leak) return `the answer is still in the stem as "${leak}"`;
	for (const [i, option] of options.entries()) {
		if (i === answerIndex) continue;
		const inOption = formIn(option, forms);
		if (inOption) return `the wrong option "${option}" holds the answer ("${inOption}")`;
		const back = formIn(options[answerIndex] ?? '', answerForms(option));
		if (back) return `the answer holds the wrong option "${option}"`;
	}
	const cue = cueWord(stem, options, answerIndex) ?? fullNameCue(stem, options, answerIndex, forms);
	if (cue) return `only the answer shares the word "${cue}" with the stem`;
	// "horizontal and ___", "SRE and ___ practices": the other half of a pair is given, and a
	// sibling of the answer may pair with it as well
	if (/\p{L} (?:and|or) ___/u.test(stem)) return 'the blank is one of a pair ("x and ___")';
	// "There are similarities with ___": what is like the answer may be like a sibling as well
	if (/\b(?:similar(?:ities)?|akin|comparable|analogous) (?:to|with) ___/i.test(stem))
		return 'the stem compares with the answer, and its siblings compare too';
	// "A(n) ___ is" with "Nodes" among the options; "___ are" with one plural answer
	// (not a CamelCase name that ends in "s": GitOps, DevOps; nor "... as a Service")
	const plural = (o: string) =>
		/[^s]s$/.test(o) && !/\bas a service$/i.test(o) && !/[\p{L}\p{N}]\p{Lu}\p{Ll}*s$/u.test(o);
	const after = /___\s+(is|was|has|are|were|have)\b/i.exec(stem)?.[1]?.toLowerCase();
	if (/\ba\(n\) ___/i.test(stem) && options.some(plural)) return 'a plural option after "a(n)"';
	// every option agrees with the verb after the blank: "___ are lightweight" with "Container
	// Image" (the note's plural shown by its singular name), or one plural among singulars
	const disagrees = (o: string) => after && plural(o) !== /^(?:are|were|have)$/.test(after);
	if (disagrees(options[answerIndex] ?? '')) return `the answer does not agree with "${after}"`;
	if (options.some(disagrees)) return `the options do not all agree with "${after}"`;
	const cased = new Set(options.map((o) => /^\p{Lu}/u.test(o)));
	if (cased.size > 1 && !options.some((o) => /^[\p{Lu}\p{N}]{2,}s?$/u.test(o)))
		return 'the options mix capitalised and lower-case names';
	const outlier = formOutlier(options, answerIndex);
	if (outlier) return `the answer ${outlier}`;
	return undefined;
}

/**
 * A cue in the answer's other names: "assigning or removing a role" where the answer is RBAC
 * (role-based access control) and no wrong option's name has "role".
 */
function fullNameCue(
	stem: string,
	options: string[],
	answerIndex: number,
	forms: AnswerForms
): string | undefined {
	const inStem = contentWords(stem);
	const others = new Set(
		options.flatMap((o, i) => (i === answerIndex ? [] : [...contentWords(o)]))
	);
	const own = contentWords(options[answerIndex] ?? '');
	return [...contentWords(forms.words.map((w) => w.join(' ')).join(' . '))].find(
		(w) => !own.has(w) && inStem.has(w) && !others.has(w)
	);
}

/**
 * Text with the answer blanked in every form, its abbreviation after the blank dropped
 * ("___ (CaaS)") and the article before it written "a(n)", so neither points at the answer.
 */
export function blankedStem(text: string, forms: AnswerForms, found: string[] = []): string {
	return (
		blankForms(text, forms, found)
			// "___ (CaaS)", "___ (___)", "___, often abbreviated as ___,", "___ or ___ is": one name
			.replace(
				/___\s*\(\s*(?:or |also |aka |a\.k\.a\.? )?(?:an? )?(?:___|[\p{L}\p{N}-]{2,10})\s*\)/gu,
				'___'
			)
			.replace(
				/___\s*\((?:often |also |commonly )?(?:abbreviated|shortened|known) as [^)]{1,30}\)/g,
				'___'
			)
			.replace(
				/___,? (?:often |also |commonly )?(?:abbreviated|shortened|known|referred to) as [^,.;]{1,30}(?:,|(?=[.;]))/g,
				'___'
			)
			.replace(/___, or ___,/g, '___')
			.replace(/___ or ___/g, '___')
			.replace(/\b([Aa])n? ___/g, '$1(n) ___')
	);
}

/** Whether quotes and brackets in a stem pair up (a stray `")` is a scrap of the note). */
function balanced(text: string): boolean {
	const quotes = (text.match(/"/g) ?? []).length;
	if (quotes % 2 !== 0) return false;
	let depth = 0;
	for (const ch of text) {
		if (ch === '(') depth++;
		else if (ch === ')' && --depth < 0) return false;
	}
	return depth === 0;
}
