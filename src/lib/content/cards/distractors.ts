import { hashText } from '../hash';
import type { Term } from './extract';
import { contentWords, shapeLikeness } from './forms';
import type { Glossary, GlossaryTerm } from './glossary';
import { mentions } from './text';

export type DistractorResult =
	/** `spare`: further wrong options of the kind, next in rank, for when a set of the first three fails the gate. */
	| { distractors: string[]; spare?: string[] }
	/** `unique: false`: other members would be right too, so the term is not worth a blank at all. */
	| { reason: string; unique?: false };

/** How many wrong options beyond the first three a class offers when those three fail the gate. */
const MAX_SPARE = 5;

/**
 * Three wrong options of the same kind as the answer, none mentioned in the note.
 * Glossary terms draw from their class (or the classes it names), ranked by tag overlap;
 * versions and numbers draw from neighbouring values.
 */
export function distractorsFor(
	term: Term,
	glossary: Glossary,
	tags: string[],
	noteText: string,
	cardId: string,
	sentence: string,
	/** How the answer is shown among the options (as written in the note, unless told). */
	shownAs = term.surface
): DistractorResult {
	if (term.type === 'version') return versionDistractors(term, noteText, cardId, sentence);
	if (term.type === 'number') return numberDistractors(term, noteText, cardId);
	if (term.type === 'port') return portDistractors(term, noteText, cardId);
	const answer = term.glossary;
	if (!answer)
		return { reason: `no glossary class for ${term.value}, so no distractors of the same kind` };
	const cls = glossary.classes.get(answer.class);
	if (!cls) return { reason: `unknown class ${answer.class}` };
	if (!cls.ask)
		return {
			reason: `every ${cls.label} would be right here (class is never asked)`,
			unique: false
		};

	const pool: GlossaryTerm[] = [];
	for (const from of cls.distractorsFrom) pool.push(...glossary.members(from));
	const answerName = answer.term.toLowerCase();
	const eligible = pool.filter(
		(t) =>
			t !== answer &&
			t.term.toLowerCase() !== answerName &&
			!glossary.alsoRight(answer, t, sentence) &&
			!glossary.mentionedIn(t, noteText) &&
			!mentions(noteText, t.term)
	);
	if (eligible.length < 3) {
		// siblings left out because they are also right here: a blank would be ambiguous too
		const alsoRight = pool.some((t) => t !== answer && glossary.alsoRight(answer, t, sentence));
		return {
			reason: `only ${eligible.length} ${cls.label} distractor(s) not in the note and not also right`,
			...(alsoRight ? { unique: false as const } : {})
		};
	}
	const overlap = (t: GlossaryTerm) => t.tags.filter((tag) => tags.includes(tag)).length;
	// options of one form first ("RBAC" against "ABAC", not against "Node"); then those sharing
	// the stem's words with the answer, so the words point at no one; then shared tags
	const shown = (t: GlossaryTerm) => shapedLike(t, shownAs);
	const like = (t: GlossaryTerm) => shapeLikeness(shown(t), shownAs);
	const inStem = contentWords(sentence.replace(term.surface, ' '));
	const cues = [...contentWords(term.surface)].filter((w) => inStem.has(w));
	const covers = (t: GlossaryTerm) => cues.filter((w) => contentWords(t.term).has(w)).length;
	const ranked = eligible.sort(
		(a, b) =>
			like(b) - like(a) ||
			covers(b) - covers(a) ||
			overlap(b) - overlap(a) ||
			(hashText(`${cardId}|${a.term}`) < hashText(`${cardId}|${b.term}`) ? -1 : 1)
	);
	return {
		distractors: ranked.slice(0, 3).map(shown),
		spare: ranked.slice(3, 3 + MAX_SPARE).map(shown)
	};
}

/**
 * The spelling of a distractor closest in shape to the answer as written, so that options read
 * alike ("roles" against "clusterRoles", not against "ClusterRole").
 */
export function shapedLike(option: GlossaryTerm, answer: string): string {
	const shape = (s: string) => [
		/^\p{Lu}/u.test(s),
		/s$/.test(s),
		/\s/.test(s),
		/^\p{Lu}+$/u.test(s.replace(/[^\p{L}]/gu, ''))
	];
	const want = shape(answer);
	let best = option.term;
	let bestScore = -1;
	for (const spelling of [option.term, ...option.aliases]) {
		const score = shape(spelling).filter((v, i) => v === want[i]).length;
		if (score > bestScore) {
			best = spelling;
			bestScore = score;
		}
	}
	return best;
}

function pick(cardId: string, candidates: string[], noteText: string, answer: string): string[] {
	const seen = new Set([answer]);
	const out: string[] = [];
	for (const c of candidates) {
		if (seen.has(c) || mentions(noteText, c)) continue;
		seen.add(c);
		out.push(c);
		if (out.length === 3) break;
	}
	void cardId;
	return out;
}

function versionDistractors(
	term: Term,
	noteText: string,
	cardId: string,
	sentence: string
): DistractorResult {
	const [majorText, minorText] = term.value.split('.');
	const major = Number(majorText);
	const minor = Number(minorText);
	const before = sentence.slice(0, Math.max(0, sentence.indexOf(term.surface)));
	// "as of X it still works" is also true of earlier versions: no neighbours are wrong for sure
	const own = sentence.slice(Math.max(0, before.lastIndexOf('. ') + 1));
	if (/\bas of\s+(?:version\s+)?$/i.test(before) || /\b(?:still|yet)\b/i.test(own)) {
		return { reason: `"as of ${term.value}" is true of neighbouring versions too`, unique: false };
	}
	// A feature that exists in X also exists later ("since X", "X offers"): offer earlier versions
	// only, unless the sentence names a one-off event (became GA in, removed in, introduced in).
	const event =
		/\b(?:became|become|went|graduated|introduced|added|removed|deprecated|released|GA)\b[^.]*$/i.test(
			before
		) && !/\bsince\s+(?:version\s+|v)?$/i.test(before);
	const offsets = !event
		? [-1, -2, -3, -4]
		: ([
				[-1, 1, 2],
				[-2, -1, 1],
				[1, 2, 3],
				[-3, -2, -1],
				[-1, 1, -2]
			][parseInt(hashText(cardId).slice(-2), 16) % 5] ?? [-1, 1, 2]);
	const candidates = [...offsets, ...(event ? [-4, 4, -5, 5] : [-5, -6, -7])]
		.map((o) => minor + o)
		.filter((m) => m >= 0)
		.map((m) => `${major}.${m}`);
	const out = pick(cardId, candidates, noteText, term.value);
	if (out.length < 3) return { reason: `not enough neighbouring versions of ${term.value}` };
	return { distractors: out.map((v) => term.surface.replace(term.value, v)) };
}

const SCALES: Record<string, number[]> = {
	'%': [10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 95],
	minute: [1, 2, 5, 10, 15, 30, 60],
	second: [1, 5, 10, 15, 30, 60, 90],
	hour: [1, 2, 6, 12, 24, 48],
	day: [1, 7, 14, 30, 90, 365],
	year: [1, 2, 3, 5, 10]
};

function numberDistractors(term: Term, noteText: string, cardId: string): DistractorResult {
	const match = /(\d+(?:\.\d+)?)/.exec(term.surface);
	if (!match) return { reason: 'no number' };
	const value = Number(match[1]);
	const unit = (term.unit ?? '').toLowerCase().replace(/s$/, '');
	const scale = SCALES[unit === 'percent' ? '%' : unit === 'min' ? 'minute' : unit];
	let candidates: number[];
	if (scale) {
		candidates = scale
			.filter((v) => v !== value)
			.sort((a, b) => Math.abs(a - value) - Math.abs(b - value) || a - b);
	} else {
		const factors = [0.5, 2, 1.5, 4, 0.25, 3, 0.8, 1.2];
		candidates = factors.map((f) => Math.round(value * f)).filter((v) => v > 0 && v !== value);
		if (Number.isInteger(value) && value <= 20) candidates.unshift(value - 2, value + 2, value + 4);
	}
	const texts = candidates
		.filter((v) => v > 0)
		.map((v) => term.surface.replace(match[1] ?? '', String(v)));
	const out = pick(cardId, texts, noteText, term.surface);
	if (out.length < 3) return { reason: `not enough neighbouring numbers for ${term.surface}` };
	return { distractors: out };
}

/** Ports a Kubernetes cluster listens on: the wrong options for a port fact. */
const KUBERNETES_PORTS = [
	443, 2379, 2380, 6443, 8080, 8443, 10249, 10250, 10255, 10256, 10257, 10259
];

/** Other well-known cluster ports, the nearest in value first, none written in the note. */
function portDistractors(term: Term, noteText: string, cardId: string): DistractorResult {
	const value = Number(term.value);
	const candidates = KUBERNETES_PORTS.filter((p) => p !== value)
		.sort((a, b) => Math.abs(a - value) - Math.abs(b - value) || a - b)
		.map(String);
	const out = pick(cardId, candidates, noteText, term.value);
	if (out.length < 3) return { reason: `not enough other cluster ports for ${term.value}` };
	return { distractors: out };
}
