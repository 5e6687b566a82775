/**
 * The forms an answer takes in running text (plural, CamelCase joined or split, hyphen or space,
 * a flag without its dashes, initials, glossary aliases), so that a stem can be blanked in every
 * form and an item refused when a form, or a cue word only the answer shares, survives.
 */
import { escapeRegExp } from './text';

/** Lower-case words of a term: "NodeRestriction" -> [node, restriction], "--anonymous-auth" -> [anonymous, auth]. */
export function termWords(term: string): string[] {
	return (
		term
			.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
			.replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+/gu) ?? []
	);
}

/** "Horizontal Pod Autoscaler" -> "HPA"; undefined for one word. */
export function initials(term: string): string | undefined {
	const words = termWords(term).filter((w) => !MINOR.has(w));
	if (words.length < 2 || words.length > 6) return undefined;
	return words.map((w) => w[0]!.toUpperCase()).join('');
}

const MINOR = new Set(['of', 'the', 'a', 'an', 'and', 'for', 'to', 'in', 'on', 'as']);

/** A word's singular, crudely: enough to see "Pods" in "Pod" and "policies" in "policy". */
export function singular(word: string): string {
	if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
	if (/(?:ss|us|is)$/.test(word)) return word;
	if (/(?:ches|shes|xes|ses)$/.test(word)) return word.slice(0, -2);
	if (/s$/.test(word) && word.length > 3) return word.slice(0, -1);
	return word;
}

/** One pattern for a form: its words with any of "", " ", "-", "_" between, an optional plural. */
function formSource(words: string[]): string {
	const last = words.length - 1;
	return words
		.map((w, i) => {
			if (i !== last) return escapeRegExp(w);
			const one = singular(w);
			const stem = one.endsWith('y')
				? `${escapeRegExp(one.slice(0, -1))}(?:y|ies)`
				: escapeRegExp(one);
			return `${stem}(?:e?s)?`;
		})
		.join('[\\s_-]?');
}

export interface AnswerForms {
	/** Every spelling, as word lists (case-insensitive). */
	words: string[][];
	/** Initials such as HPA, matched with their case. */
	initials: string[];
}

/** The answer's forms, from the answer itself and any other names it has (glossary aliases). */
export function answerForms(answer: string, otherNames: readonly string[] = []): AnswerForms {
	const words: string[][] = [];
	const seen = new Set<string>();
	const caps = new Set<string>();
	for (const name of [answer, ...otherNames]) {
		// a version or decimal is one word: "3.4" is found in "3.4.0" too
		const dotted = /^\d+(?:\.\d+)+$/.test(name);
		const w = dotted ? [name] : termWords(name);
		if (w.length === 0) continue;
		const key = w.join(' ');
		if (!seen.has(key)) {
			seen.add(key);
			words.push(w);
		}
		const i = dotted ? undefined : initials(name);
		if (i && i.length >= 2) caps.add(i);
		// a name written in capitals is itself the initials of its other names
		if (/^\p{Lu}{2,6}$/u.test(name)) caps.add(name);
	}
	return { words, initials: [...caps] };
}

const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/** The forms as one regexp (global, case-insensitive for words; initials with their case). */
type FormsPattern = { words?: RegExp; initials?: RegExp };
/** Built once per answer: an MCQ's options are checked against the same forms many times. */
const patterns = new WeakMap<AnswerForms, FormsPattern>();

function formsPattern(forms: AnswerForms): FormsPattern {
	let pattern = patterns.get(forms);
	if (!pattern) {
		pattern = buildPattern(forms);
		patterns.set(forms, pattern);
	}
	return pattern;
}

function buildPattern(forms: AnswerForms): FormsPattern {
	const sources = forms.words
		.filter((w) => w.join('').length >= 2)
		.sort((a, b) => b.join(' ').length - a.join(' ').length)
		.map(formSource);
	return {
		words:
			sources.length > 0
				? new RegExp(`${BEFORE}(?:--)?(?:${sources.join('|')})${AFTER}`, 'giu')
				: undefined,
		initials:
			forms.initials.length > 0
				? new RegExp(`${BEFORE}(?:${forms.initials.map(escapeRegExp).join('|')})s?${AFTER}`, 'gu')
				: undefined
	};
}

/** The text with every form of the answer replaced by `___`; `found` collects what was blanked. */
export function blankForms(text: string, forms: AnswerForms, found: string[] = []): string {
	const { words, initials } = formsPattern(forms);
	const blank = (match: string) => {
		found.push(match);
		return '___';
	};
	let out = text;
	if (words) out = out.replace(words, blank);
	if (initials) out = out.replace(initials, blank);
	return out;
}

/** The first form of the answer found in `text`, or undefined; inside CamelCase words too. */
export function formIn(text: string, forms: AnswerForms): string | undefined {
	const { words, initials } = formsPattern(forms);
	// "ClusterRoleBinding" holds "RoleBinding": look at the words of CamelCase names too
	const split = text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
	for (const t of split === text ? [text] : [text, split]) {
		const found = (words && t.match(words)?.[0]) || (initials && t.match(initials)?.[0]);
		if (found) return found;
	}
	return undefined;
}

const STOP = new Set(
	(
		'the a an and or but of to in on for with by as at from into onto over under via per is are was were be been ' +
		'being it its this that these those there their they them can could should would will may might must not no ' +
		'do does did has have had than then also only just more most some any all each every other such which what ' +
		'when where who whom how why if else so very you your we our us i use used uses using set sets make makes ' +
		'one two new default like same way ways thing things called name names'
	).split(' ')
);

/**
 * A word's root, crudely but on the safe side: "restricts" and "NodeRestriction" share "restri",
 * "unencrypted" and "EncryptionConfiguration" share "encryp", "debug" and "Debugging" "debug",
 * "policies" and "Policy" "policy".
 */
export function root(word: string): string {
	const bare = word
		.toLowerCase()
		.replace(/^un(?=[a-z]{5})/, '')
		// "policies" and "Policy" alike
		.replace(/(?<=[a-z]{3})ies$/, 'y')
		.replace(/(?:ations?|itions?|tions?|ions?|ments?|ness|ings?|ers?|ed|ies|es|s|ive|ly)$/, '')
		// "debugging" -> "debugg" -> "debug", as the verb: a doubled last consonant is one
		.replace(/([b-df-hj-np-tv-z])\1$/, '$1');
	return bare.slice(0, 6);
}

/**
 * Content words of a text, as roots ("Pods are scheduled" -> pod, schedu), with each pair of
 * neighbouring words also joined ("run times" -> runtim), so a compound written apart is seen.
 */
export function contentWords(text: string): Set<string> {
	const words = termWords(text.replace(/___/g, ' . '));
	const out = new Set(
		words.filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w)).map(root)
	);
	for (let i = 0; i + 1 < words.length; i++) {
		const [a, b] = [words[i]!, words[i + 1]!];
		if (a.length >= 3 && b.length >= 3 && !STOP.has(a) && !STOP.has(b)) out.add(root(a + b));
	}
	return out;
}

/**
 * A cue: a content word the answer shares with the stem and no wrong option does, so the stem's
 * words single out the answer ("Which plugin restricts what a node ...?" NodeRestriction;
 * "super_admin.conf" for admin.conf against other .conf files).
 */
export function cueWord(stem: string, options: string[], answerIndex: number): string | undefined {
	const inStem = contentWords(stem);
	const shared = options.map((o) => new Set([...contentWords(o)].filter((w) => inStem.has(w))));
	const others = new Set(shared.flatMap((s, i) => (i === answerIndex ? [] : [...s])));
	const cue = [...(shared[answerIndex] ?? [])].find((w) => !others.has(w));
	if (cue) return cue;
	// "development ... operations, hence ___": the answer's words are the stem's, shortened; "to
	// restrict nodes" for NodeRestriction: its name spelled out, whatever words the others share
	const parts = termWords(options[answerIndex] ?? '').filter((w) => w.length >= 3 && !STOP.has(w));
	// ("Ops" for operational: a short plural part by its first two letters)
	const head = (w: string) => (w.length <= 4 && w.endsWith('s') ? w.slice(0, 2) : w.slice(0, 3));
	const shortened = (w: string) =>
		!inStem.has(root(w)) && [...inStem].some((r) => r.startsWith(head(w)));
	if (parts.length > 1 && parts.every((w) => inStem.has(root(w)) || shortened(w)))
		return parts.join('+');
	const otherText = options
		.filter((_, i) => i !== answerIndex)
		.join(' ')
		.toLowerCase();
	// "secure, automated workflows" for DevSecOps: a three-letter part of its name starts a word
	const part =
		parts.length > 1 &&
		parts.find(
			(w) =>
				w.length === 3 &&
				!otherText.includes(w) &&
				[...inStem].some((r) => r.length >= 5 && r.startsWith(w))
		);
	if (part) return part;
	// "Without ___, each tenant ...": a stem word inside a longer word of the answer (Multitenancy)
	return [...inStem].find((r) => {
		const start = r.slice(0, 5);
		return (
			r.length >= 5 &&
			!otherText.includes(start) &&
			parts.some((w) => w.length >= r.length + 3 && w.slice(1).includes(start))
		);
	});
}

type Shape = [name: string, test: (option: string) => boolean];
const SHAPES: Shape[] = [
	['a flag', (o) => /^--/.test(o)],
	['a flag with a value', (o) => /=/.test(o)],
	['an acronym', (o) => /^[\p{Lu}\p{N}]{2,8}s?$/u.test(o)],
	// IaaS, mTLS, gRPC: short, with two capitals or more
	['an abbreviation', (o) => /^(?=(?:.*\p{Lu}){2})[\p{L}\p{N}]{2,6}$/u.test(o)],
	['capitalised', (o) => /^\p{Lu}/u.test(o)],
	// "tokenrequest" against tokenReview, selfSubjectReview, certificateSigningRequest
	['in camelCase', (o) => /^\p{Ll}+\p{Lu}\S*$/u.test(o)],
	['a number', (o) => /^\D*\d/.test(o)]
];

/** How many of the form features two options share (flag, =value, acronym, capital, number). */
export function shapeLikeness(a: string, b: string): number {
	return SHAPES.filter(([, test]) => test(a) === test(b)).length;
}

/** How the answer alone differs in form from the three wrong options ("alone is an acronym"). */
export function formOutlier(options: string[], answerIndex: number): string | undefined {
	for (const [name, test] of SHAPES) {
		const answer = test(options[answerIndex] ?? '');
		const others = options.filter((_, i) => i !== answerIndex).map(test);
		if (others.every((o) => o !== answer)) return `alone ${answer ? 'is' : 'is not'} ${name}`;
	}
	// "etcd" against kube-scheduler, kube-proxy, kube-controller-manager
	const prefix = (o: string) => /^([^\s:-]+)[\s:-]/.exec(o.toLowerCase())?.[1];
	const others = options.filter((_, i) => i !== answerIndex).map(prefix);
	const shared = others[0];
	if (shared && others.every((p) => p === shared) && prefix(options[answerIndex] ?? '') !== shared)
		return `alone does not start with "${shared}"`;
	return undefined;
}

/**
 * Whether a wrong option's own definition fits the stem as well as the answer's does, so that it
 * may be right too: Containers ("a running process ... isolated") for a stem on running more
 * apps on one machine, isolated from each other, where Virtualization is meant.
 */
export function fitsAsWell(
	stem: string,
	optionDefinition: string | undefined,
	answerDefinition: string | undefined
): boolean {
	if (!optionDefinition) return false;
	const words = contentWords(stem);
	const fit = (d: string) => [...contentWords(d)].filter((w) => words.has(w)).length;
	const option = fit(optionDefinition);
	return option >= 2 && option >= fit(answerDefinition ?? '');
}

function trigrams(text: string): Set<string> {
	const t = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')} `;
	const grams = new Set<string>();
	for (let i = 0; i + 3 <= t.length; i++) grams.add(t.slice(i, i + 3));
	return grams;
}

const SUFFIX = /(?:ability|ibility|ization|isation|ation|ment|ness|ity)$/;

/**
 * Names so alike that one may pass for the other: DevOps and DevSecOps, container and
 * containerization (character trigrams), Chaos Engineering inside Security Chaos
 * Engineering. Neither is a fair wrong option for the other. Names that share a word are told
 * apart by the words they do not share: Canary Deployment and Blue Green Deployment differ; and
 * by what comes before an English ending they share: Scalability and Reliability differ.
 */
export function tooSimilar(a: string, b: string): boolean {
	const wa = termWords(a);
	const wb = termWords(b);
	const onlyA = wa.filter((w) => !wb.includes(w));
	const onlyB = wb.filter((w) => !wa.includes(w));
	if (onlyA.length === 0 || onlyB.length === 0) return true;
	const [x, y] = (onlyA.length < wa.length ? [onlyA.join(' '), onlyB.join(' ')] : [a, b]).map((t) =>
		t.toLowerCase()
	) as [string, string];
	// a shared ending of English words says nothing of the names: Scalability and Reliability,
	// Scalability and Visibility ("bility")
	let common = 0;
	while (common < Math.min(x.length, y.length) && x.at(-1 - common) === y.at(-1 - common)) common++;
	const ending = x.slice(x.length - common);
	const [sx, sy] =
		common > 0 && SUFFIX.test(ending) ? [x.slice(0, -common), y.slice(0, -common)] : [x, y];
	const ga = trigrams(sx);
	const gb = trigrams(sy);
	const shared = [...ga].filter((g) => gb.has(g)).length;
	return (2 * shared) / Math.max(1, ga.size + gb.size) >= 0.4;
}
