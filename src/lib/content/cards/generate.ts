import { hashText } from '../hash';
import type { Card, McqCard } from '../schema';
import { distractorsFor } from './distractors';
import { extractTerms, type Term } from './extract';
import type { Glossary } from './glossary';
import type { Overlay, OverlayEntry } from './overlay';
import {
	hedgeIn,
	isQuestion,
	mentions,
	openListRanges,
	plainText,
	slug,
	splitSentences,
	startsWithPronoun,
	wordPattern
} from './text';

/** What the generator needs to know about a note. */
export interface NoteInput {
	id: string;
	text: string;
	tags: string[];
	source: { file: string; line: number };
}

export type NoteClass = 'fact' | 'advice' | 'open' | 'answered' | 'fragment';

export interface BlockedItem {
	/** The term or card that was not made. */
	item: string;
	reason: string;
}

export interface NoteCards {
	noteId: string;
	source: { file: string; line: number };
	noteClass: NoteClass;
	cardIds: string[];
	blocked: BlockedItem[];
	/** Overlay fixes applied to this note, as shown to the learner. */
	corrections: string[];
}

export interface StaleEntry {
	file: string;
	/** Index in the overlay's entries array. */
	index: number;
	type: OverlayEntry['type'];
	note: string;
	quote: string;
	reason: string;
}

export interface CardBuild {
	cards: Card[];
	notes: NoteCards[];
	stale: StaleEntry[];
}

export interface GeneratorOptions {
	glossary: Glossary;
	overlay: Overlay;
}

const MAX_CLOZE_PER_NOTE = 3;
const MAX_MCQ_PER_NOTE = 2;
/** Below this a term is filler: not worth a blank. */
const MIN_SCORE = 4;

const BUILTIN_GENERIC = new Set(
	['i', 'a', 'ok', 'todo', 'btw', 'etc', 'eg', 'ie', 'us', 'it', 'vs', 'no', 'yes'].map((w) => w)
);

const TYPE_SCORE: Record<Term['type'], number> = {
	cve: 10,
	flag: 9,
	kep: 8,
	version: 8,
	number: 7,
	glossary: 0, // from the class weight
	path: 5,
	camel: 4,
	quoted: 4,
	acronym: 3
};

const ADVICE =
	/\b(?:should(?:n't)?|must|avoid|make sure|ensure|do not|don't|never|recommend(?:ed)?|beware|remember|(?:is )?a good idea|preferabl[ye]|monitor|alert on|rotate|consider|weigh|it's best|best to|wanna|need to)\b/i;
const ADVICE_START =
	/^(?:avoid|ensure|make sure|monitor|remember|beware|disable|enable|block|use|prefer|rotate|consider|do not|don't|never|put|setup|set up|could have|when (?:performing|recovering|enabling))\b/i;
const TODO_START =
	/^(?:look into|document|checkout|check out|cover|compare|find|verify|add |copy|exercise|wondering|should we|does|do we|is there|can we|what|when|how|why|which|have there)\b/i;
const OPINION = /^(?:I (?:find|would|think|had|took|should)|I've)\b/i;

interface Candidate {
	term: Term;
	score: number;
	/** Sentence index the term was found in. */
	sentence: number;
}

/**
 * Turns notes into cloze and recall flashcards and MCQs, applying the editorial overlay.
 * Pure and deterministic: the same notes, glossary and overlay give the same cards in the same order.
 *
 * @example
 * generateCards(deck.notes, { glossary, overlay }).cards
 * // [{ id: 'n1a2b3c4d5e:cloze:noderestriction', kind: 'cloze', front: '"___" is an admission ...', ... }]
 */
export function generateCards(notes: NoteInput[], options: GeneratorOptions): CardBuild {
	const { glossary, overlay } = options;
	const byNote = new Map<string, { entry: OverlayEntry; index: number }[]>();
	const stale: StaleEntry[] = [];
	const noteById = new Map(notes.map((n) => [n.id, n]));
	overlay.entries.forEach((entry, index) => {
		const note = noteById.get(entry.note);
		const staleAs = (reason: string) =>
			stale.push({ file: overlay.file, index, type: entry.type, note: entry.note, quote: entry.quote, reason });
		if (!note) return staleAs('no note has this id (deleted, or the lock file changed)');
		if (!note.text.includes(entry.quote)) return staleAs('the quote is no longer in the note text');
		const list = byNote.get(note.id) ?? [];
		list.push({ entry, index });
		byNote.set(note.id, list);
	});

	const cards: Card[] = [];
	const reports: NoteCards[] = [];
	for (const note of notes) {
		const result = cardsForNote(note, glossary, (byNote.get(note.id) ?? []).map((e) => e.entry));
		cards.push(...result.cards);
		reports.push(result.report);
	}
	return { cards, notes: reports, stale };
}

function cardsForNote(
	note: NoteInput,
	glossary: Glossary,
	entries: OverlayEntry[]
): { cards: Card[]; report: NoteCards } {
	const blocked: BlockedItem[] = [];
	const corrections: string[] = [];
	let fixed = note.text;
	for (const entry of entries) {
		if (entry.type !== 'fix') continue;
		fixed = fixed.replace(entry.quote, entry.replace);
		corrections.push(`“${entry.quote}” should read “${entry.replace}”${entry.why ? ` (${entry.why})` : ''}.`);
	}
	const answers = entries.filter((e) => e.type === 'answer');
	let body = plainText(fixed);
	for (const answer of answers) {
		body += ` ${answer.statement}`;
		corrections.push(`Answer to the open question: ${answer.statement}`);
	}
	const correction = corrections.length > 0 ? corrections.join(' ') : undefined;
	// a distractor must not occur in anything the learner sees for this note
	const everything = `${note.text}\n${fixed}\n${body}`;

	const sentences = splitSentences(body);
	const tested = sentences.map((s, i) => testable(s.text, i === 0 ? undefined : sentences[i - 1]?.text));
	const noteClass = classify(note, sentences.map((s) => s.text), tested, answers.length > 0, glossary);

	const cards: Card[] = [];
	const base = { noteId: note.id, tags: note.tags, ...(correction ? { correction } : {}) };
	const usedKeys = new Set<string>();
	const idFor = (kind: string, key: string) => {
		let k = slug(key);
		for (let n = 2; usedKeys.has(`${kind}:${k}`); n++) k = `${slug(key)}-${n}`;
		usedKeys.add(`${kind}:${k}`);
		return `${note.id}:${kind}:${k}`;
	};

	if (noteClass !== 'open' && noteClass !== 'fragment') {
		const candidates: Candidate[] = [];
		sentences.forEach((sentence, i) => {
			const check = tested[i]!;
			if (check.blocked) {
				if (check.reportable) blocked.push({ item: `sentence ${i + 1}`, reason: check.blocked });
				return;
			}
			const open = openListRanges(sentence.text);
			const terms = extractTerms(sentence.text, glossary);
			const counts = countMentions(body, terms);
			for (const term of terms) {
				const scored = scoreTerm(term, glossary, counts.get(term.value) ?? 1);
				if (scored.blocked) {
					if (scored.report) blocked.push({ item: term.value, reason: scored.blocked });
					continue;
				}
				if (open.some(([s, e]) => term.start >= s && term.end <= e)) {
					blocked.push({ item: term.value, reason: 'member of an open list: any other member would be right too' });
					continue;
				}
				candidates.push({ term, score: scored.score, sentence: i });
			}
		});

		// best term per sentence, best sentences first
		const perSentence = new Map<number, Candidate>();
		for (const c of candidates) {
			const best = perSentence.get(c.sentence);
			if (!best || c.score > best.score) perSentence.set(c.sentence, c);
		}
		const ranked = [...perSentence.values()]
			.filter((c) => c.score >= MIN_SCORE)
			.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
		const seenAnswers = new Set<string>();
		let clozes = 0;
		let mcqs = 0;
		for (const c of ranked) {
			const answer = c.term.value.toLowerCase();
			if (seenAnswers.has(answer)) continue;
			seenAnswers.add(answer);
			const stem = stemFor(sentences.map((s) => s.text), c.sentence, tested[c.sentence]!.withPrevious, c.term);
			if (!stem) {
				blocked.push({ item: c.term.value, reason: 'the answer also appears elsewhere in the sentence' });
				continue;
			}
			const full = sentenceText(sentences.map((s) => s.text), c.sentence, tested[c.sentence]!.withPrevious);
			if (clozes < MAX_CLOZE_PER_NOTE) {
				clozes++;
				cards.push({ id: idFor('cloze', c.term.value), kind: 'cloze', front: stem, back: c.term.surface, ...base });
			}
			if (mcqs < MAX_MCQ_PER_NOTE) {
				const id = `${note.id}:mcq:${slug(c.term.value)}`;
				const made = distractorsFor(c.term, glossary, note.tags, everything, id, full);
				if ('reason' in made) {
					blocked.push({ item: `MCQ on ${c.term.value}`, reason: made.reason });
					continue;
				}
				mcqs++;
				cards.push(mcq(idFor('mcq', c.term.value), stem, c.term.surface, made.distractors, full, base));
			}
		}
		if (noteClass === 'advice') {
			const recall = recallFor(sentences.map((s) => s.text), tested, glossary);
			if (recall) cards.push({ id: idFor('recall', recall.key), kind: 'recall', front: recall.front, back: recall.back, ...base });
		}
	}

	for (const answer of answers) {
		const front = answer.question ?? answer.quote;
		cards.push({ id: idFor('recall', `answer-${front}`), kind: 'recall', front: plainText(front), back: answer.statement, ...base });
	}
	for (const entry of entries) {
		if (entry.type !== 'question') continue;
		const card = entry.card;
		if (usedKeys.has(`${card.kind}:${card.key}`)) {
			blocked.push({ item: `overlay question ${card.kind}:${card.key}`, reason: 'its key is already used by a generated card' });
			continue;
		}
		usedKeys.add(`${card.kind}:${card.key}`);
		const id = `${note.id}:${card.kind}:${card.key}`;
		if (card.kind === 'mcq') {
			const problem = invalidMcq(card.options, card.answerIndex);
			if (problem) {
				blocked.push({ item: `overlay question ${card.kind}:${card.key}`, reason: problem });
				continue;
			}
			cards.push({ id, kind: 'mcq', question: card.question, options: card.options, answerIndex: card.answerIndex, explanation: card.explanation, ...base });
		} else cards.push({ id, kind: card.kind, front: card.front, back: card.back, ...base });
	}

	const suppressed = new Set(entries.filter((e) => e.type === 'suppress').map((e) => `${note.id}:${e.card}`));
	const kept = cards.filter((card) => {
		if (!suppressed.has(card.id)) return true;
		const why = entries.find((e) => e.type === 'suppress' && `${note.id}:${e.card}` === card.id);
		blocked.push({ item: card.id, reason: `suppressed by the overlay${why && 'why' in why ? `: ${why.why}` : ''}` });
		return false;
	});
	for (const s of suppressed) {
		if (!cards.some((c) => c.id === s)) blocked.push({ item: s, reason: 'overlay suppresses a card that is not generated (stale suppression)' });
	}

	return {
		cards: kept,
		report: { noteId: note.id, source: note.source, noteClass, cardIds: kept.map((c) => c.id), blocked, corrections }
	};
}

interface SentenceCheck {
	blocked?: string;
	/** Worth listing in the report (a hedge in a fact note, not every question of a to-do). */
	reportable?: boolean;
	withPrevious?: boolean;
}

function testable(sentence: string, previous: string | undefined): SentenceCheck {
	if (isQuestion(sentence)) return { blocked: 'a question, not a statement' };
	const hedge = hedgeIn(sentence);
	if (hedge) return { blocked: `hedged sentence (${hedge})`, reportable: true };
	if (TODO_START.test(sentence)) return { blocked: 'a to-do for the author' };
	const words = sentence.split(/\s+/).length;
	if (words < 4) return { blocked: 'too short to be a statement' };
	if (startsWithPronoun(sentence)) {
		if (!previous) return { blocked: 'starts with a pronoun and has no sentence before it', reportable: true };
		if (isQuestion(previous) || hedgeIn(previous))
			return { blocked: 'starts with a pronoun and the sentence before it is a question or hedged', reportable: true };
		return { withPrevious: true };
	}
	return {};
}

function scoreTerm(
	term: Term,
	glossary: Glossary,
	mentionsInNote: number
): { score: number; blocked?: string; report?: boolean } {
	const lower = term.value.toLowerCase();
	if (glossary.generic.has(lower) || BUILTIN_GENERIC.has(lower)) return { score: 0, blocked: 'generic word' };
	let score = TYPE_SCORE[term.type];
	if (term.type === 'flag' && !term.glossary)
		return { score: 0, blocked: `unknown flag ${term.value} (not in the glossary: check its spelling)`, report: true };
	const cls = term.glossary ? glossary.classes.get(term.glossary.class) : undefined;
	if (term.glossary && cls) score = Math.max(score, cls.weight * 2);
	if (term.type === 'glossary' && !cls) score = 2;
	if (mentionsInNote > 3) score -= 3;
	if (term.surface.length <= 2) score -= 2;
	return { score };
}

function countMentions(body: string, terms: Term[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const t of terms) counts.set(t.value, (body.match(wordPattern(t.surface, 'giu')) ?? []).length);
	return counts;
}

function sentenceText(sentences: string[], i: number, withPrevious: boolean | undefined): string {
	return withPrevious ? `${sentences[i - 1]} ${sentences[i]}` : (sentences[i] ?? '');
}

/** The sentence with every mention of the answer blanked; undefined when a mention would remain. */
function stemFor(sentences: string[], i: number, withPrevious: boolean | undefined, term: Term): string | undefined {
	const sentence = sentences[i] ?? '';
	const blanked = sentence.slice(0, term.start) + '___' + sentence.slice(term.end);
	const rest = blanked.replace(wordPattern(term.surface, 'giu'), '___');
	const previous = withPrevious ? (sentences[i - 1] ?? '').replace(wordPattern(term.surface, 'giu'), '___') : '';
	const stem = (previous ? `${previous} ${rest}` : rest).trim();
	if (term.value !== term.surface && mentions(stem, term.value)) return undefined;
	if (term.glossary && glossaryMentioned(stem, term)) return undefined;
	return stem;
}

function glossaryMentioned(stem: string, term: Term): boolean {
	const g = term.glossary;
	if (!g) return false;
	return [g.term, ...g.aliases].some((s) => s.toLowerCase() !== term.surface.toLowerCase() && mentions(stem, s));
}

function mcq(
	id: string,
	question: string,
	answer: string,
	distractors: string[],
	explanation: string,
	base: { noteId: string; tags: string[]; correction?: string }
): McqCard {
	const options = [answer, ...distractors].sort((a, b) => {
		const ha = hashText(`${id}|${a}`);
		const hb = hashText(`${id}|${b}`);
		return ha < hb ? -1 : ha > hb ? 1 : 0;
	});
	return { id, kind: 'mcq', question, options, answerIndex: options.indexOf(answer), explanation, ...base };
}

/** Why a hand-written MCQ is not valid, or undefined. */
export function invalidMcq(options: string[], answerIndex: number): string | undefined {
	if (options.length !== 4) return 'an MCQ needs exactly four options';
	if (new Set(options.map((o) => o.trim().toLowerCase())).size !== 4) return 'two options are the same';
	if (answerIndex < 0 || answerIndex > 3) return 'answerIndex must be 0 to 3';
	return undefined;
}

function recallFor(
	sentences: string[],
	tested: SentenceCheck[],
	glossary: Glossary
): { key: string; front: string; back: string } | undefined {
	const index = sentences.findIndex((s) => ADVICE.test(s) || ADVICE_START.test(s));
	const i = index < 0 ? 0 : index;
	const sentence = sentences[i];
	if (!sentence) return undefined;
	const back = sentences
		.filter((s, j) => j >= i && !isQuestion(s) && !tested[j]?.blocked?.startsWith('a to-do'))
		.join(' ');
	const terms = extractTerms(sentence, glossary)
		.filter((t) => !glossary.generic.has(t.value.toLowerCase()) && !BUILTIN_GENERIC.has(t.value.toLowerCase()))
		.sort((a, b) => (b.glossary ? 1 : 0) - (a.glossary ? 1 : 0) || a.start - b.start);
	const topic = terms[0];
	if (topic) {
		const name = topic.glossary?.term ?? topic.surface;
		return { key: `advice-${name}`, front: `What does the course advise about ${name}?`, back: back || sentence };
	}
	const lead = sentence.split(/\s+/).slice(0, 6).join(' ').replace(/[,;:.]+$/, '');
	return { key: `advice-${lead}`, front: `Complete the advice: “${lead} …”`, back: back || sentence };
}

function classify(
	note: NoteInput,
	sentences: string[],
	tested: SentenceCheck[],
	answered: boolean,
	glossary: Glossary
): NoteClass {
	const words = sentences.join(' ').split(/\s+/).filter(Boolean).length;
	if (words < 4) return 'fragment';
	const statements = sentences.filter((_, i) => !tested[i]?.blocked || tested[i]?.reportable);
	const todo = note.tags.includes('todo');
	const openish = sentences.every((s, i) => isQuestion(s) || TODO_START.test(s) || tested[i]?.blocked === 'a question, not a statement');
	if (todo || openish) {
		const facts = sentences.filter((s, i) => !tested[i]?.blocked && !ADVICE.test(s) && hasKeyTerm(s, glossary));
		if (facts.length === 0 || openish) return answered ? 'answered' : 'open';
	}
	if (note.tags.length === 0 && /^\p{Ll}/u.test(sentences[0] ?? '') && !/[.!?]$/.test(sentences.at(-1) ?? '')) {
		if (!sentences.some((s) => hasKeyTerm(s, glossary))) return 'fragment';
	}
	const advice = statements.filter((s) => ADVICE.test(s) || ADVICE_START.test(s) || OPINION.test(s)).length;
	const facts = statements.filter((s) => !(ADVICE.test(s) || ADVICE_START.test(s) || OPINION.test(s))).length;
	if (advice > 0 && (advice >= facts || ADVICE_START.test(sentences[0] ?? '') || OPINION.test(sentences[0] ?? '')))
		return 'advice';
	return 'fact';
}

function hasKeyTerm(sentence: string, glossary: Glossary): boolean {
	return extractTerms(sentence, glossary).some((t) => scoreTerm(t, glossary, 1).score >= MIN_SCORE);
}
