import type { Card, McqCard } from '../schema';
import { definitionFlashcard, definitionMcq, definitionOf, type Definition } from './definitions';
import { distractorsFor } from './distractors';
import { dropRepeatedFronts, orderOptions } from './finalize';
import { answerForms, blankForms, type AnswerForms } from './forms';
import { mcqProblem, stemProblem } from './gate';
import { extractTerms, type Term } from './extract';
import type { Glossary } from './glossary';
import type { Overlay, OverlayEntry } from './overlay';
import {
	hedgeIn,
	isQuestion,
	openListRanges,
	plainText,
	slug,
	splitSentences,
	startsWithPronoun,
	withoutLeadingConjunction,
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
	/** The plain text cards were made from: the note after its fixes, plus overlay answers. */
	studied: string;
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
	port: 8,
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
	/^(?:look into|document|checkout|check out|cover|compare|find|verify|add |copy|exercise|wondering|should we|does|do we|is there|can we|have there|provide some)\b/i;
/** Notes with these tags give no generated card unless the overlay answers or classifies them. */
const UNANSWERED_TAGS = new Set(['todo', 'demo', 'labs']);
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

	const definitions = new Map<string, Definition>();
	for (const note of notes) {
		const definition = definitionOf(plainText(note.text), note.tags);
		if (definition) definitions.set(note.id, definition);
	}

	// terms the notes define are answers, and each other's wrong options, in every note
	const known = glossary.withDefinedTerms([...definitions.values()]);
	const proposed: Card[] = [];
	const reports: NoteCards[] = [];
	for (const note of notes) {
		const context = { glossary: known, definitions };
		const result = cardsForNote(note, context, (byNote.get(note.id) ?? []).map((e) => e.entry));
		proposed.push(...result.cards);
		reports.push(result.report);
	}
	const { kept, dropped } = dropRepeatedFronts(proposed);
	const reportOf = new Map(reports.map((r) => [r.noteId, r]));
	for (const { card, reason } of dropped) {
		const report = reportOf.get(card.noteId);
		if (!report) continue;
		report.cardIds = report.cardIds.filter((id) => id !== card.id);
		report.blocked.push({ item: card.id, reason });
	}
	return { cards: orderOptions(kept), notes: reports, stale };
}

function cardsForNote(
	note: NoteInput,
	context: { glossary: Glossary; definitions: Map<string, Definition> },
	entries: OverlayEntry[]
): { cards: Card[]; report: NoteCards } {
	const { glossary } = context;
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

	const definition = context.definitions.get(note.id);
	// a definition's "Term:" label is not part of its first sentence
	const asked = definition ? body.replace(/^[^:]{1,60}:\s+/, '') : body;
	const sentences = splitSentences(asked).map((s) => ({ ...s, text: withoutLeadingConjunction(s.text) }));
	const ownSentences = splitSentences(definition ? asked : plainText(fixed)).length;
	const tested = sentences.map((s, i) => testable(s.text, i === 0 ? undefined : sentences[i - 1]?.text));
	const override = entries.find((e) => e.type === 'classify');
	const noteClass: NoteClass =
		override && 'as' in override
			? override.as === 'open' && answers.length > 0
				? 'answered'
				: override.as
			: classify(
					note,
					// the note as written decides its class; an overlay answer only marks it answered
					sentences.slice(0, ownSentences).map((s) => s.text),
					tested.slice(0, ownSentences),
					answers.length > 0,
					glossary
				);

	const cards: Card[] = [];
	const base = { noteId: note.id, tags: note.tags, ...(correction ? { correction } : {}) };
	const usedKeys = new Set<string>();
	const idFor = (kind: string, key: string) => {
		let k = slug(key);
		for (let n = 2; usedKeys.has(`${kind}:${k}`); n++) k = `${slug(key)}-${n}`;
		usedKeys.add(`${kind}:${k}`);
		return `${note.id}:${kind}:${k}`;
	};

	if (definition && corrections.length === 0 && noteClass !== 'open') {
		const flashcard = definitionFlashcard(definition);
		cards.push({ id: idFor('recall', `define-${definition.name}`), kind: 'recall', ...flashcard, ...base });
		const id = `${note.id}:mcq:${slug(`define-${definition.name}`)}`;
		// a term the curated glossary knows draws its wrong options from its class
		const g = glossary.lookup(definition.name);
		const curated =
			g && !glossary.classes.get(g.class)?.sameTags
				? distractorsFor({ type: 'glossary', value: g.term, surface: definition.name, start: 0, end: 0, glossary: g }, glossary, note.tags, everything, id, definition.lead)
				: undefined;
		const made = definitionMcq(definition, [...context.definitions.values()], everything, id, curated && 'distractors' in curated ? curated.distractors : undefined);
		if ('reason' in made) blocked.push({ item: `MCQ on ${definition.name}`, reason: made.reason });
		else cards.push(mcq(idFor('mcq', `define-${definition.name}`), made.question, made.answer, made.distractors, `${definition.name}: ${definition.lead}`, base));
	}

	if (noteClass !== 'open' && noteClass !== 'fragment') {
		const candidates: Candidate[] = [];
		sentences.forEach((sentence, i) => {
			const check = tested[i]!;
			if (!check.blocked && /\bCVE-?\d{2,4}-\d{1,3}-/i.test(sentence.text)) {
				tested[i] = { blocked: 'a garbled CVE id (add an overlay fix)', reportable: true };
				blocked.push({ item: `sentence ${i + 1}`, reason: tested[i]!.blocked! });
				return;
			}
			if (check.blocked) {
				if (check.reportable) blocked.push({ item: `sentence ${i + 1}`, reason: check.blocked });
				return;
			}
			const open = openListRanges(sentence.text);
			const terms = extractTerms(sentence.text, glossary);
			const counts = countMentions(body, terms);
			for (const term of terms) {
				const cls = term.glossary ? glossary.classes.get(term.glossary.class) : undefined;
				if (cls?.notBefore?.test(sentence.text.slice(term.end).trimStart())) continue;
				if (term.glossary?.notInTags.some((t) => note.tags.includes(t))) continue;
				const scored = scoreTerm(term, glossary, counts.get(term.value) ?? 1);
				if (scored.blocked) {
					if (scored.report) {
						blocked.push({ item: term.value, reason: scored.blocked });
						// a sentence with a garbled term teaches nothing until the overlay fixes it
						tested[i] = { blocked: scored.blocked, reportable: true };
					}
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
			.filter((c) => c.score >= MIN_SCORE && !tested[c.sentence]?.blocked)
			.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
		// a defined term already has its own MCQ and recall card
		const seenAnswers = new Set<string>(definition ? definition.names.map((n) => n.toLowerCase()) : []);
		let clozes = 0;
		let mcqs = 0;
		const texts = sentences.map((s) => s.text);
		for (const c of ranked) {
			const answer = c.term.value.toLowerCase();
			if (seenAnswers.has(answer) || seenAnswers.has(c.term.surface.toLowerCase())) continue;
			seenAnswers.add(answer);
			const term = asAnswer(c.term);
			const forms = formsOf(term);
			const withPrevious = tested[c.sentence]!.withPrevious;
			const stem = stemFor(texts, c.sentence, withPrevious, term, forms);
			const problem = stem.blanks > MAX_BLANKS ? 'the answer appears too often in the sentence' : stemProblem(stem.text);
			if (problem) {
				blocked.push({ item: term.value, reason: problem });
				continue;
			}
			let full = sentenceText(texts, c.sentence, withPrevious);
			// "We can utilize an API called ___." says too little: the next sentence ("It will
			// tell us if it's valid") gives the context, when it leans on this one
			const next = texts[c.sentence + 1];
			let context = '';
			if (stem.text.split(/\s+/).length < 8 && next && startsWithPronoun(next) && !hedgeIn(next) && !isQuestion(next)) {
				context = ` ${blankForms(next, forms)}`;
				full += ` ${next}`;
			}
			const front = stem.text + context;
			// one card per stem: an MCQ where the term has distractors of its kind, else a cloze
			if (mcqs < MAX_MCQ_PER_NOTE) {
				const id = `${note.id}:mcq:${slug(term.value)}`;
				const made = distractorsFor(term, glossary, note.tags, everything, id, full);
				const refused =
					'reason' in made ? made.reason : mcqProblem(front, [term.surface, ...made.distractors], 0, forms);
				if (!refused && 'distractors' in made) {
					mcqs++;
					cards.push(mcq(idFor('mcq', term.value), front, term.surface, made.distractors, full, base));
					continue;
				}
				blocked.push({ item: `MCQ on ${term.value}`, reason: `${refused}; a cloze instead` });
			}
			if (clozes < MAX_CLOZE_PER_NOTE) {
				clozes++;
				cards.push({ id: idFor('cloze', term.value), kind: 'cloze', front, back: term.surface, ...base });
			}
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
			// without an editor's explanation, the note itself (with its fixes) explains the answer
			const explanation = card.explanation || body;
			cards.push({ id, kind: 'mcq', question: card.question, options: card.options, answerIndex: card.answerIndex, explanation, ...base });
		} else cards.push({ id, kind: card.kind, front: card.front, back: card.back, ...base });
	}

	if ((noteClass === 'fact' || noteClass === 'advice' || noteClass === 'answered') && cards.length === 0) {
		blocked.push({ item: 'card', reason: 'no statement a card can ask about well (add a `question` to the overlay)' });
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
		report: {
			noteId: note.id,
			source: note.source,
			noteClass,
			cardIds: kept.map((c) => c.id),
			blocked,
			corrections,
			studied: body
		}
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
	// "Documentation claims this will be removed in 3.6": the sentence before says what "this" is
	if (previous && /\b(?:this|these|those|it|they|them)\b/i.test(sentence) && !isQuestion(previous) && !hedgeIn(previous)) {
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
	// a quoted lower-case phrase ("online", "critical path") is usually emphasis, not a name
	if (term.type === 'quoted' && !term.glossary && !/[\p{Lu}\d_:/-]/u.test(term.value)) score = 3;
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

/** A stem may blank its answer twice ("___ ... so ___ ..."); more is a sentence about the answer, not a fact. */
const MAX_BLANKS = 2;

/** The sentence with the answer blanked in every form it takes there. */
function stemFor(
	sentences: string[],
	i: number,
	withPrevious: boolean | undefined,
	term: Term,
	forms: AnswerForms
): { text: string; blanks: number } {
	const sentence = sentences[i] ?? '';
	const own = blankForms(sentence.slice(0, term.start) + '___' + sentence.slice(term.end), forms);
	const previous = withPrevious ? blankForms(sentences[i - 1] ?? '', forms) : '';
	const text = (previous ? `${previous} ${own}` : own).trim();
	return { text, blanks: text.split('___').length - 1 };
}

/** What a term is asked as: a flag's name without its value (`--anonymous-auth` of `--anonymous-auth=false`). */
function asAnswer(term: Term): Term {
	if (term.type !== 'flag' || !term.surface.includes('=')) return term;
	const name = term.surface.split('=')[0] ?? term.surface;
	return { ...term, surface: name, value: name, end: term.start + name.length };
}

/** Every form of a term: as written, normalised, and the glossary's other names for it. */
function formsOf(term: Term): AnswerForms {
	const names = term.glossary ? [term.glossary.term, ...term.glossary.aliases] : [];
	return answerForms(term.surface, [term.value, ...names]);
}

function mcq(
	id: string,
	question: string,
	answer: string,
	distractors: string[],
	explanation: string,
	base: { noteId: string; tags: string[]; correction?: string }
): McqCard {
	// the final order is set for the whole deck at once (finalize.ts)
	return { id, kind: 'mcq', question, options: [answer, ...distractors], answerIndex: 0, explanation, ...base };
}

/** Why a hand-written MCQ is not valid, or undefined. */
export function invalidMcq(options: string[], answerIndex: number): string | undefined {
	if (options.length !== 4) return 'an MCQ needs exactly four options';
	if (new Set(options.map((o) => o.trim().toLowerCase())).size !== 4) return 'two options are the same';
	if (answerIndex < 0 || answerIndex > 3) return 'answerIndex must be 0 to 3';
	return undefined;
}

function classify(
	note: NoteInput,
	sentences: string[],
	tested: SentenceCheck[],
	answered: boolean,
	glossary: Glossary
): NoteClass {
	// the author's to-dos, demo scripts and lab steps are not course facts until the overlay answers them
	if (note.tags.some((t) => UNANSWERED_TAGS.has(t))) return answered ? 'answered' : 'open';
	const words = sentences.join(' ').split(/\s+/).filter(Boolean).length;
	if (sentences.length > 0 && sentences.every((s) => isQuestion(s))) return answered ? 'answered' : 'open';
	if (words < 4 || (words < 6 && !sentences.some((s) => hasKeyTerm(s, glossary)))) return 'fragment';
	const statements = sentences.filter((_, i) => !tested[i]?.blocked || tested[i]?.reportable);
	const asks = (s: string) => isQuestion(s) || TODO_START.test(s);
	const plainFacts = sentences.filter(
		(s, i) => !tested[i]?.blocked && !ADVICE.test(s) && hasKeyTerm(s, glossary)
	);
	const openish = sentences.every(asks) || (asks(sentences[0] ?? '') && plainFacts.length === 0);
	if (openish || (note.tags.includes('todo') && plainFacts.length === 0)) {
		return answered ? 'answered' : 'open';
	}
	if (note.tags.length === 0 && /^\p{Ll}/u.test(sentences[0] ?? '') && !/[.!?]$/.test(sentences.at(-1) ?? '')) {
		if (!sentences.some((s) => hasKeyTerm(s, glossary))) return 'fragment';
	}
	const advice = statements.filter((s) => ADVICE.test(s) || ADVICE_START.test(s) || OPINION.test(s)).length;
	const facts = statements.filter((s) => !(ADVICE.test(s) || ADVICE_START.test(s) || OPINION.test(s))).length;
	if (advice > 0 && (advice >= facts || ADVICE_START.test(sentences[0] ?? '') || OPINION.test(sentences[0] ?? '')))
		return 'advice';
	// every statement hedged ("seems", "I think", "probably"): an opinion, not a fact to test
	const hedged = sentences.filter((s, i) => !isQuestion(s) && tested[i]?.blocked?.startsWith('hedged'));
	if (hedged.length > 0 && hedged.length >= sentences.filter((s) => !isQuestion(s)).length - (plainFacts.length > 0 ? 1 : 0) && plainFacts.length === 0)
		return 'advice';
	return 'fact';
}

function hasKeyTerm(sentence: string, glossary: Glossary): boolean {
	return extractTerms(sentence, glossary).some((t) => scoreTerm(t, glossary, 1).score >= MIN_SCORE);
}
