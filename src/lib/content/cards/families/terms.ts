/**
 * The term family: typed terms in a sentence (a flag, a CVE, a version, a number, a port, a
 * glossary term) are scored; the best term of each testable sentence becomes an MCQ where three
 * wrong options of its kind exist, else a cloze. One card per stem, so a student never sees the
 * same sentence twice.
 */
import type { Card } from '../../schema';
import { distractorsFor } from '../distractors';
import { extractTerms, type Term } from '../extract';
import { answerForms, blankForms, type AnswerForms } from '../forms';
import { mcqProblem, stemProblem } from '../gate';
import type { Glossary } from '../glossary';
import { hedgeIn, isQuestion, openListRanges, slug, startsWithPronoun, wordPattern } from '../text';
import { mcqCard, type Proposal } from './proposal';

const MAX_CLOZE_PER_NOTE = 3;
const MAX_MCQ_PER_NOTE = 2;
/** Below this a term is filler: not worth a blank. */
const MIN_SCORE = 4;
/** A stem may blank its answer twice ("___ ... so ___ ..."); more is a sentence about the answer, not a fact. */
const MAX_BLANKS = 2;

const BUILTIN_GENERIC = new Set(['i', 'a', 'ok', 'todo', 'btw', 'etc', 'eg', 'ie', 'us', 'it', 'vs', 'no', 'yes']);

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

interface Candidate {
	term: Term;
	score: number;
	/** Sentence index the term was found in. */
	sentence: number;
}

/** The MCQs and clozes of a note's typed terms; `skip` holds answers another family asked already. */
export function termCards(p: Proposal, skip: ReadonlySet<string>): Card[] {
	const { note, reading, glossary, blocked } = p;
	const { sentences, tested } = reading;
	const candidates: Candidate[] = [];
	sentences.forEach((sentence, i) => {
		const check = tested[i]!;
		if (!check.blocked && /\bCVE-?\d{2,4}-\d{1,3}-/i.test(sentence)) {
			tested[i] = { blocked: 'a garbled CVE id (add an overlay fix)', reportable: true };
			blocked.push({ item: `sentence ${i + 1}`, reason: tested[i]!.blocked! });
			return;
		}
		if (check.blocked) {
			if (check.reportable) blocked.push({ item: `sentence ${i + 1}`, reason: check.blocked });
			return;
		}
		const open = openListRanges(sentence);
		const terms = extractTerms(sentence, glossary);
		const counts = countMentions(reading.body, terms);
		for (const term of terms) {
			const cls = term.glossary ? glossary.classes.get(term.glossary.class) : undefined;
			if (cls?.notBefore?.test(sentence.slice(term.end).trimStart())) continue;
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
	const seenAnswers = new Set(skip);
	const cards: Card[] = [];
	let clozes = 0;
	let mcqs = 0;
	for (const c of ranked) {
		const answer = c.term.value.toLowerCase();
		if (seenAnswers.has(answer) || seenAnswers.has(c.term.surface.toLowerCase())) continue;
		seenAnswers.add(answer);
		const term = asAnswer(c.term);
		const forms = formsOf(term);
		const withPrevious = tested[c.sentence]!.withPrevious;
		const stem = stemFor(sentences, c.sentence, withPrevious, term, forms);
		const problem = stem.blanks > MAX_BLANKS ? 'the answer appears too often in the sentence' : stemProblem(stem.text);
		if (problem) {
			blocked.push({ item: term.value, reason: problem });
			continue;
		}
		let full = sentenceText(sentences, c.sentence, withPrevious);
		// "We can utilize an API called ___." says too little: the next sentence ("It will
		// tell us if it's valid") gives the context, when it leans on this one
		const next = sentences[c.sentence + 1];
		let context = '';
		if (stem.text.split(/\s+/).length < 8 && next && startsWithPronoun(next) && !hedgeIn(next) && !isQuestion(next)) {
			context = ` ${blankForms(next, forms)}`;
			full += ` ${next}`;
		}
		const front = stem.text + context;
		// one card per stem: an MCQ where the term has distractors of its kind, else a cloze
		if (mcqs < MAX_MCQ_PER_NOTE) {
			const id = `${note.id}:mcq:${slug(term.value)}`;
			const made = distractorsFor(term, glossary, note.tags, reading.everything, id, full);
			const refused = 'reason' in made ? made.reason : mcqProblem(front, [term.surface, ...made.distractors], 0, forms);
			if (!refused && 'distractors' in made) {
				mcqs++;
				cards.push(mcqCard(p.idFor('mcq', term.value), front, term.surface, made.distractors, full, p.base));
				continue;
			}
			blocked.push({ item: `MCQ on ${term.value}`, reason: `${refused}; a cloze instead` });
		}
		if (clozes < MAX_CLOZE_PER_NOTE) {
			clozes++;
			cards.push({ id: p.idFor('cloze', term.value), kind: 'cloze', front, back: term.surface, ...p.base });
		}
	}
	return cards;
}

/** Whether a sentence names a term worth a blank: what makes a note a fact rather than prose. */
export function hasKeyTerm(sentence: string, glossary: Glossary): boolean {
	return extractTerms(sentence, glossary).some((t) => scoreTerm(t, glossary, 1).score >= MIN_SCORE);
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
