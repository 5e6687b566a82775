/**
 * The first stage of card generation: a note read as the generator sees it. The overlay's fixes
 * and answers are applied, the text is split into sentences, each sentence is checked for what
 * would make it untestable (a question, a hedge, a to-do, an unresolved pronoun), and the note
 * is classed: fact, advice, open question (answered or not) or fragment.
 */
import type { NoteClass, NoteInput } from './generate';
import type { Glossary } from './glossary';
import type { OverlayEntry } from './overlay';
import type { Definition } from './families/definitions';
import { hasKeyTerm } from './families/terms';
import {
	hedgeIn,
	isQuestion,
	plainText,
	splitSentences,
	startsWithPronoun,
	withoutFiller,
	withoutLeadingConjunction
} from './text';

export interface SentenceCheck {
	blocked?: string;
	/** Worth listing in the report (a hedge in a fact note, not every question of a to-do). */
	reportable?: boolean;
	withPrevious?: boolean;
}

type AnswerEntry = Extract<OverlayEntry, { type: 'answer' }>;

export interface NoteReading {
	answers: AnswerEntry[];
	/** Overlay fixes and answers, as shown to the learner. */
	corrections: string[];
	correction?: string;
	/** The plain text cards are made from: the note after its fixes, plus overlay answers. */
	body: string;
	/** Everything the learner sees for this note: no wrong option may occur in it. */
	everything: string;
	/** The sentences asked about (a definition's "Term:" label made their subject, or left out). */
	sentences: string[];
	tested: SentenceCheck[];
	noteClass: NoteClass;
}

const ADVICE =
	/\b(?:should(?:n't)?|must|avoid|make sure|ensure|do not|don't|never|recommend(?:ed)?|beware|remember|(?:is )?a good idea|preferabl[ye]|monitor|alert on|rotate|consider|weigh|it's best|best to|wanna|need to)\b/i;
const ADVICE_START =
	/^(?:avoid|ensure|make sure|monitor|remember|beware|disable|enable|block|use|prefer|rotate|consider|do not|don't|never|put|setup|set up|could have|when (?:performing|recovering|enabling))\b/i;
const TODO_START =
	/^(?:look into|document|checkout|check out|cover|compare|find|verify|add |copy|exercise|wondering|should we|does|do we|is there|can we|have there|provide some)\b/i;
const OPINION = /^(?:I (?:find|would|think|had|took|should)|I've)\b/i;
/** Notes with these tags give no generated card unless the overlay answers or classifies them. */
const UNANSWERED_TAGS = new Set(['todo', 'demo', 'labs']);

export function readNote(
	note: NoteInput,
	entries: OverlayEntry[],
	/** The note's definition, when it is a `Term: definition` note. */
	definition: Definition | undefined,
	glossary: Glossary
): NoteReading {
	const corrections: string[] = [];
	let fixed = note.text;
	for (const entry of entries) {
		if (entry.type !== 'fix') continue;
		fixed = fixed.replace(entry.quote, entry.replace);
		corrections.push(
			`“${entry.quote}” should read “${entry.replace}”${entry.why ? ` (${entry.why})` : ''}.`
		);
	}
	const answers = entries.filter((e): e is AnswerEntry => e.type === 'answer');
	let body = plainText(fixed);
	for (const answer of answers) {
		body += ` ${answer.statement}`;
		corrections.push(`Answer to the open question: ${answer.statement}`);
	}
	const asked = definition ? withItsTerm(body, definition) : body;
	const sentences = splitSentences(asked).map((s) =>
		withoutFiller(withoutLeadingConjunction(s.text))
	);
	const ownSentences = splitSentences(definition ? asked : plainText(fixed)).length;
	const tested = sentences.map((s, i) => testable(s, i === 0 ? undefined : sentences[i - 1]));
	const override = entries.find((e) => e.type === 'classify');
	const noteClass: NoteClass =
		override && 'as' in override
			? override.as === 'open' && answers.length > 0
				? 'answered'
				: override.as
			: classify(
					note,
					// the note as written decides its class; an overlay answer only marks it answered
					sentences.slice(0, ownSentences),
					tested.slice(0, ownSentences),
					answers.length > 0,
					glossary
				);
	return {
		answers,
		corrections,
		correction: corrections.length > 0 ? corrections.join(' ') : undefined,
		body,
		everything: `${note.text}\n${fixed}\n${body}`,
		sentences,
		tested,
		noteClass
	};
}

/**
 * A `Term: definition` note as the sentences to ask about, its term kept as their subject: the
 * label goes where the definition names its term itself ("Debugging: Debugging is ...") or is a
 * sentence of its own; a predicate or a noun phrase gets the term as its subject
 * ("kube-apiserver: the front door of the control plane" reads "kube-apiserver is the front
 * door ...", "Pod Security Admission: enforces ..." "Pod Security Admission enforces ...").
 */
function withItsTerm(body: string, definition: Definition): string {
	const label = /^([^:]{1,60}):\s+/.exec(body);
	if (!label) return body;
	const term = (label[1] ?? '').trim();
	const rest = body.slice(label[0].length);
	const { form } = definition;
	if (form === 'predicate') return `${term} ${rest}`;
	if (form === 'names-itself' || form === 'sentence') return rest;
	if (form !== 'noun-phrase') return body;
	const plural = /[^s]s$/.test(definition.name) && !/\bas a service$/i.test(definition.name);
	const article = /^(?:An?|The)\s/.test(rest);
	return `${term} ${plural ? 'are' : 'is'} ${article ? rest.charAt(0).toLowerCase() + rest.slice(1) : rest}`;
}

const VERDICT =
	/^(?:[\p{L}-]+\s){0,2}(?:change|news|upshot|lesson|takeaway|result|downside|upside|catch|gotcha|caveat|bonus|consequence|effect|fix)s?:\s/iu;

/** A sentence that leans on the one before: asked with it, unless there is none to say it plainly. */
function withTheOneBefore(what: string, previous: string | undefined): SentenceCheck {
	if (!previous) return { blocked: `${what} and has no sentence before it`, reportable: true };
	if (isQuestion(previous) || hedgeIn(previous))
		return {
			blocked: `${what} and the sentence before it is a question or hedged`,
			reportable: true
		};
	return { withPrevious: true };
}

function testable(sentence: string, previous: string | undefined): SentenceCheck {
	if (isQuestion(sentence)) return { blocked: 'a question, not a statement' };
	const hedge = hedgeIn(sentence);
	if (hedge) return { blocked: `hedged sentence (${hedge})`, reportable: true };
	if (TODO_START.test(sentence)) return { blocked: 'a to-do for the author' };
	// "For example, Yahoo! Finance's API ...": an example, not a fact worth asking
	if (
		/^(?:for example|for instance|e\.g\.|let's say|let us say|say|imagine|suppose|take)\b/i.test(
			sentence
		)
	)
		return { blocked: 'an example, not a fact' };
	const words = sentence.split(/\s+/).length;
	if (words < 4) return { blocked: 'too short to be a statement' };
	if (startsWithPronoun(sentence)) return withTheOneBefore('starts with a pronoun', previous);
	// "Good change: the everyday admin credential can now be revoked": a verdict on the sentence
	// before, which says what changed
	if (VERDICT.test(sentence)) return withTheOneBefore('opens with a verdict', previous);
	// "Documentation claims this will be removed in 3.6": the sentence before says what "this" is
	if (
		previous &&
		/\b(?:this|these|those|it|they|them)\b/i.test(sentence) &&
		!isQuestion(previous) &&
		!hedgeIn(previous)
	) {
		return { withPrevious: true };
	}
	return {};
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
	if (sentences.length > 0 && sentences.every((s) => isQuestion(s)))
		return answered ? 'answered' : 'open';
	if (words < 4 || (words < 6 && !sentences.some((s) => hasKeyTerm(s, glossary))))
		return 'fragment';
	const statements = sentences.filter((_, i) => !tested[i]?.blocked || tested[i]?.reportable);
	const asks = (s: string) => isQuestion(s) || TODO_START.test(s);
	const plainFacts = sentences.filter(
		(s, i) => !tested[i]?.blocked && !ADVICE.test(s) && hasKeyTerm(s, glossary)
	);
	// "Open question for the course: ...? VAP is built in, ...": what follows the question
	// argues it, and is not a settled fact
	const labelled = /^(?:open question|question|todo|to do)\b/i.test(sentences[0] ?? '');
	const openish =
		labelled || sentences.every(asks) || (asks(sentences[0] ?? '') && plainFacts.length === 0);
	if (openish || (note.tags.includes('todo') && plainFacts.length === 0)) {
		return answered ? 'answered' : 'open';
	}
	if (
		note.tags.length === 0 &&
		/^\p{Ll}/u.test(sentences[0] ?? '') &&
		!/[.!?]$/.test(sentences.at(-1) ?? '')
	) {
		if (!sentences.some((s) => hasKeyTerm(s, glossary))) return 'fragment';
	}
	const advice = statements.filter(
		(s) => ADVICE.test(s) || ADVICE_START.test(s) || OPINION.test(s)
	).length;
	const facts = statements.filter(
		(s) => !(ADVICE.test(s) || ADVICE_START.test(s) || OPINION.test(s))
	).length;
	if (
		advice > 0 &&
		(advice >= facts || ADVICE_START.test(sentences[0] ?? '') || OPINION.test(sentences[0] ?? ''))
	)
		return 'advice';
	// every statement hedged ("seems", "I think", "probably"): an opinion, not a fact to test
	const hedged = sentences.filter(
		(s, i) => !isQuestion(s) && tested[i]?.blocked?.startsWith('hedged')
	);
	if (
		hedged.length > 0 &&
		hedged.length >=
			sentences.filter((s) => !isQuestion(s)).length - (plainFacts.length > 0 ? 1 : 0) &&
		plainFacts.length === 0
	)
		return 'advice';
	return 'fact';
}
