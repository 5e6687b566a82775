/**
 * The term family: typed terms in a sentence (a flag, a CVE, a version, a number, a port, a
 * glossary term) are scored; the best term of each testable sentence becomes an MCQ where three
 * wrong options of its kind exist, else a cloze. One card per stem, so a student never sees the
 * same sentence twice.
 */
import type { Card } from '../../schema';
import { distractorsFor, type DistractorResult } from '../distractors';
import { extractTerms, type Term } from '../extract';
import { answerForms, contentWords, formIn, singular, type AnswerForms } from '../forms';
import { blankedStem, clozeProblem, mcqProblem, stemProblem } from '../gate';
import type { Glossary } from '../glossary';
import {
	hedgeIn,
	isQuestion,
	mentions,
	openListRanges,
	slug,
	startsWithPronoun,
	wordPattern
} from '../text';
import { definedOptions, formsOfDefinition, siblingIn, type Definition } from './definitions';
import { mcqCard, type Proposal } from './proposal';

const MAX_CLOZE_PER_NOTE = 3;
const MAX_MCQ_PER_NOTE = 2;
/** Below this a term is filler: not worth a blank. */
const MIN_SCORE = 4;
/** A stem may blank its answer twice ("___ ... so ___ ..."); more is a sentence about the answer, not a fact. */
const MAX_BLANKS = 2;

const BUILTIN_GENERIC = new Set([
	'i',
	'a',
	'ok',
	'todo',
	'btw',
	'etc',
	'eg',
	'ie',
	'us',
	'it',
	'vs',
	'no',
	'yes'
]);

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
			if (cls?.notBefore?.test(sentence.slice(term.end).trimStart())) {
				blocked.push({
					item: term.value,
					reason: `used as a modifier here, not named as a ${cls.label}`
				});
				continue;
			}
			const tag = term.glossary?.notInTags.find((t) => note.tags.includes(t));
			if (tag) {
				blocked.push({ item: term.value, reason: `never the answer in a note tagged #${tag}` });
				continue;
			}
			const scored = scoreTerm(term, glossary, counts.get(term.value) ?? 1);
			if (scored.blocked) {
				blocked.push({ item: term.value, reason: scored.blocked });
				if (scored.report) {
					// a sentence with a garbled term teaches nothing until the overlay fixes it
					tested[i] = { blocked: scored.blocked, reportable: true };
				}
				continue;
			}
			if (open.some(([s, e]) => term.start >= s && term.end <= e)) {
				blocked.push({
					item: term.value,
					reason: 'member of an open list: any other member would be right too'
				});
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
	const runnersUp = new Map<number, Candidate[]>();
	for (const c of candidates) {
		const best = perSentence.get(c.sentence);
		if (best === c && c.score < MIN_SCORE)
			blocked.push({ item: c.term.value, reason: `filler (score ${c.score} below ${MIN_SCORE})` });
		else if (best !== c && c.score >= MIN_SCORE)
			runnersUp.set(c.sentence, [...(runnersUp.get(c.sentence) ?? []), c]);
	}
	for (const list of runnersUp.values()) list.sort((a, b) => b.score - a.score);
	const tried = new Set<Candidate>();
	/** Sentences a card asks about. */
	const asked = new Set<number>();
	const ranked = [...perSentence.values()]
		.filter((c) => c.score >= MIN_SCORE && !tested[c.sentence]?.blocked)
		.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
	const seenAnswers = new Set(skip);
	const cards: Card[] = [];
	let clozes = 0;
	let mcqs = 0;
	const usedSentences = new Set<number>();
	const attempt = (c: Candidate): void => {
		const answer = c.term.value.toLowerCase();
		if (seenAnswers.has(answer) || seenAnswers.has(c.term.surface.toLowerCase())) {
			blocked.push({ item: c.term.value, reason: 'already asked in this note' });
			return;
		}
		seenAnswers.add(answer);
		const term = asAnswer(c.term);
		const forms = formsOf(term);
		const withPrevious = tested[c.sentence]!.withPrevious;
		const stem = stemFor(sentences, c.sentence, withPrevious, term, forms);
		const problem =
			stem.blanks > MAX_BLANKS
				? 'the answer appears too often in the sentence'
				: stem.otherForm
					? `the answer is also in the stem as "${stem.otherForm}", which the answer would not fill`
					: stemProblem(stem.text);
		if (problem) {
			blocked.push({ item: term.value, reason: problem });
			return;
		}
		const numberIssue =
			(term.type === 'number' || term.type === 'port') && numberProblem(stem.text, term, glossary);
		if (numberIssue) {
			blocked.push({ item: term.value, reason: numberIssue });
			return;
		}
		let full = sentenceText(sentences, c.sentence, withPrevious);
		// "Security Chaos Engineering is based on Chaos Engineering": a blank for the shorter name
		// would also cut the longer one in two
		const longer = p.definitions
			.namedIn(full)
			.find((d) => formIn(d.name, forms) && !formIn(term.surface, formsOfDefinition(d)));
		if (longer) {
			blocked.push({
				item: term.value,
				reason: `the answer is also part of a longer name in the sentence (${longer.name})`
			});
			return;
		}
		// "We can utilize an API called ___." says too little: the next sentence ("It will
		// tell us if it's valid") gives the context, when it leans on this one
		const next = sentences[c.sentence + 1];
		let context = '';
		if (
			stem.text.split(/\s+/).length < 8 &&
			next &&
			startsWithPronoun(next) &&
			!hedgeIn(next) &&
			!isQuestion(next)
		) {
			context = ` ${blankedStem(next, forms)}`;
			full += ` ${next}`;
		}
		// a sentence shown in one card's stem is not asked again: each would give the other away
		const shown = [
			c.sentence,
			...(withPrevious ? [c.sentence - 1] : []),
			...(context ? [c.sentence + 1] : [])
		];
		if (shown.some((i) => usedSentences.has(i))) {
			blocked.push({
				item: term.value,
				reason: 'its sentence is already shown in another card of this note'
			});
			return;
		}
		const front = withSubject(stem.text, note.tags, forms) + context;
		// "the field appArmorProfile ... ___ profiles": neither an MCQ nor a cloze may show the answer
		const leak = formIn(front, forms);
		if (leak) {
			blocked.push({ item: term.value, reason: `the answer is still in the stem as "${leak}"` });
			return;
		}
		// one card per stem: an MCQ where the term has distractors of its kind, else a cloze
		if (mcqs < MAX_MCQ_PER_NOTE) {
			const id = `${note.id}:mcq:${slug(term.value)}`;
			const defined = definedTerm(p, term);
			// a term the notes define is an option by its name ("Canary Deployment"), as its wrong
			// options are: "canary deployments" as written would be the only plural; a glossary term
			// written loosely ("tokenrequest") is shown as the glossary spells it, like its neighbours
			const option =
				defined || loosely(term.surface) === loosely(term.glossary?.term ?? '')
					? term.glossary!.term
					: term.surface;
			// "selfsubject review": the glossary's "SelfSubjectReview" is not the note's answer, and
			// the note's spelling would stand alone among well-spelt names
			const misspelt = !defined && option !== term.surface && !mentions(reading.everything, option);
			const drawn = defined
				? definedMade(p, defined, id, full)
				: distractorsFor(term, glossary, note.tags, reading.everything, id, full, option);
			// "for ___" answered by "kubelets" beside kube-proxy and kube-scheduler: the note's
			// plural of a glossary name would be the only plural option
			const name = term.glossary?.term.toLowerCase();
			const lonePlural =
				'distractors' in drawn &&
				name !== undefined &&
				option.toLowerCase() !== name &&
				singular(option.toLowerCase()) === name &&
				drawn.distractors.every((d) => singular(d.toLowerCase()) === d.toLowerCase());
			const made: DistractorResult =
				misspelt && 'distractors' in drawn
					? { reason: `the note writes "${term.surface}", not "${option}"` }
					: lonePlural
						? { reason: `the note's plural "${option}" would be the only plural option` }
						: drawn;
			const distractors =
				'distractors' in made ? made.distractors.map((d) => casedLike(d, option)) : [];
			const refused =
				'reason' in made ? made.reason : mcqProblem(front, [option, ...distractors], 0, forms);
			// the first three wrong options fail the gate (a cue word only the answer shares, mixed
			// case, the answer alone of its shape): another set of the same class may pass it
			const chosen = !refused
				? { option, distractors }
				: 'distractors' in made && !defined
					? firstPassing(
							front,
							forms,
							option,
							[...made.distractors, ...(made.spare ?? [])],
							refused
						)
					: undefined;
			if (chosen) {
				mcqs++;
				cards.push(
					mcqCard(
						p.idFor('mcq', term.value),
						front,
						chosen.option,
						chosen.distractors,
						full,
						p.base
					)
				);
				shown.forEach((i) => usedSentences.add(i));
				asked.add(c.sentence);
				return;
			}
			// an answer that is not the only right one makes no cloze either
			if ('reason' in made && made.unique === false) {
				blocked.push({ item: term.value, reason: made.reason });
				return;
			}
			blocked.push({ item: `MCQ on ${term.value}`, reason: `${refused}; a cloze instead` });
		}
		const giveaway = clozeProblem(front, term.surface);
		if (giveaway) {
			blocked.push({ item: term.value, reason: giveaway });
			return;
		}
		if (clozes < MAX_CLOZE_PER_NOTE) {
			clozes++;
			cards.push({
				id: p.idFor('cloze', term.value),
				kind: 'cloze',
				front,
				back: term.surface,
				...p.base
			});
			shown.forEach((i) => usedSentences.add(i));
			asked.add(c.sentence);
		}
	};
	for (const c of ranked) attempt(c);
	// a sentence whose best term made no card (its blank would be ambiguous, its class has too few
	// wrong options, the blank sits in a list) may still ask its next term: the same checks apply
	for (const c of ranked) {
		for (const next of runnersUp.get(c.sentence) ?? []) {
			if (asked.has(c.sentence)) break;
			tried.add(next);
			attempt(next);
		}
	}
	for (const c of candidates) {
		const best = perSentence.get(c.sentence);
		if (best !== c && !tried.has(c))
			blocked.push({
				item: c.term.value,
				reason: `a better term of the same sentence is asked (${best?.term.value})`
			});
	}
	return cards;
}

/**
 * The first set of three wrong options, in rank order (the first three, then the class's spare
 * ones), that passes the same gate as the first set: "kube-scheduler" beside "etcd" where three
 * kube-* components left it alone of its shape. The answer stays as the note writes it.
 */
function firstPassing(
	front: string,
	forms: AnswerForms,
	option: string,
	pool: string[],
	refused: string
): { option: string; distractors: string[] } | undefined {
	// the stem itself is at fault: no other set lifts it (a leak is refused before any option is drawn)
	if (/one of a pair/.test(refused)) return undefined;
	const cased = pool.map((d) => casedLike(d, option));
	// a cue word only the answer shares: some wrong option must share it too
	const cue = /only the answer shares the word "([^"]+)"/.exec(refused)?.[1];
	if (cue && !cased.some((d) => contentWords(d).has(cue))) return undefined;
	// mixed case: three wrong options in the answer's case, or an acronym among them
	const upper = (o: string) => /^\p{Lu}/u.test(o);
	if (
		/mix capitalised/.test(refused) &&
		cased.filter((d) => upper(d) === upper(option)).length < 3 &&
		!cased.some((d) => /^[\p{Lu}\p{N}]{2,}s?$/u.test(d))
	)
		return undefined;
	for (let i = 0; i < cased.length; i++)
		for (let j = i + 1; j < cased.length; j++)
			for (let k = j + 1; k < cased.length; k++) {
				const distractors = [cased[i]!, cased[j]!, cased[k]!];
				if (!mcqProblem(front, [option, ...distractors], 0, forms)) return { option, distractors };
			}
	return undefined;
}

/** Where a note's topic is not named in its stem, the stem says it: "In etcd, the peer interface …". */
const SUBJECTS: [tag: string, name: string, prefix: string][] = [['etcd', 'etcd', 'In etcd, ']];
const LEADING_WORD =
	/^(?:The|A|An|As|There|When|If|By|To|Without|With|Even|For|In|On|Only|All|Any|No|Each|Every|Since|Although|Because|Many|Some|Most|You|We|Users|Members|Its|Their|Both|Once|After|Before|Unless|While|Two|One)\b/;

function withSubject(stem: string, tags: string[], forms: AnswerForms): string {
	for (const [tag, name, prefix] of SUBJECTS) {
		if (!tags.includes(tag) || mentions(stem, name) || formIn(name, forms)) continue;
		const rest = LEADING_WORD.test(stem) ? stem.charAt(0).toLowerCase() + stem.slice(1) : stem;
		return prefix + rest;
	}
	return stem;
}

/** The definition of a term the notes define themselves (not one of the glossary file's). */
function definedTerm(p: Proposal, term: Term): Definition | undefined {
	const g = term.glossary;
	return g && p.glossary.classes.get(g.class)?.fromNotes ? p.definitions.named(g.term) : undefined;
}

/** Wrong options of a defined term: the defined terms related to it. */
function definedMade(
	p: Proposal,
	def: Definition,
	cardId: string,
	sentence: string
): DistractorResult {
	const sibling = siblingIn(sentence, def, p.definitions);
	if (sibling) return { reason: sibling };
	const options = definedOptions(def, p.definitions, p.reading.everything, cardId, sentence);
	return options
		? { distractors: options }
		: { reason: `fewer than three defined terms related to ${def.name}` };
}

/** A wrong option in the answer's case: "certificateSigningRequest" beside "subjectAccessReview". */
function casedLike(option: string, answer: string): string {
	return /^\p{Ll}+\p{Lu}/u.test(answer) && /^\p{Lu}\p{Ll}+\p{Lu}/u.test(option)
		? option.charAt(0).toLowerCase() + option.slice(1)
		: option;
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
	if (glossary.generic.has(lower) || BUILTIN_GENERIC.has(lower))
		return { score: 0, blocked: 'generic word' };
	let score = TYPE_SCORE[term.type];
	if (term.type === 'flag' && !term.glossary)
		return {
			score: 0,
			blocked: `unknown flag ${term.value} (not in the glossary: check its spelling)`,
			report: true
		};
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
	for (const t of terms)
		counts.set(t.value, (body.match(wordPattern(t.surface, 'giu')) ?? []).length);
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
): { text: string; blanks: number; otherForm?: string } {
	const sentence = sentences[i] ?? '';
	const found: string[] = [];
	const own = blankedStem(
		sentence.slice(0, term.start) + '___' + sentence.slice(term.end),
		forms,
		found
	);
	const previous = withPrevious ? blankedStem(sentences[i - 1] ?? '', forms, found) : '';
	const text = (previous ? `${previous} ${own}` : own).trim();
	// a second blank the answer as written would not fill ("ephemeralContainers" for "ephemeral containers")
	const otherForm = found.find((f) => f.toLowerCase() !== term.surface.toLowerCase());
	return { text, blanks: text.split('___').length - 1, otherForm };
}

/** Why a number or port is not a figure worth learning from its stem, or undefined. */
function numberProblem(stem: string, term: Term, glossary: Glossary): string | undefined {
	const terms = extractTerms(stem, glossary);
	// "___ for clients, 2380 for peer traffic": the other port points at its neighbour
	if (term.type === 'port')
		return terms.some((t) => t.type === 'port') || /(?<![\d.])\d{3,5}(?!\d|%|\.\d)/.test(stem)
			? 'one of several ports in the sentence: the other points at it'
			: undefined;
	if (/^100\s*(?:%|percent)$/i.test(term.surface)) return '100% says "all": a word, not a figure';
	const unit = (u: string | undefined) => (u ?? '').toLowerCase().replace(/s$/, '');
	// "moving ___ of live traffic, then 10%, 25%": where the stem shows other values of the
	// answer's unit, the order gives the answer away and a value between would fit as well
	if (terms.some((t) => t.type === 'number' && unit(t.unit) === unit(term.unit)))
		return 'one of several values of its unit in the sentence: their order gives it away';
	// "Data centers only use 1% of their capacity": a figure of nothing the notes name is an
	// illustration; "the kubelet refreshes a token at ___ of its lifespan" is a fact
	if (!terms.some((t) => t.type === 'glossary' && !glossary.generic.has(t.value.toLowerCase())))
		return 'a number said of nothing the glossary or the notes name: an illustration, not a fact';
	return undefined;
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

/** A name without case, spaces or hyphens: "tokenrequest", "Token Request" and "TokenRequest" match. */
function loosely(name: string): string {
	return name.toLowerCase().replace(/[\s_-]+/g, '');
}
