// relative imports (not $lib): the e2e tests import this module outside Vite to know the answers
import type { Deck, McqCard } from '../content/schema';
import { matchesFilter } from '../content/tag-filter';
import type { QuizParams } from './params';
import { seededRandom, shuffled } from './random';

/** One question as every device shows it: options already in the quiz's order. */
export interface QuizQuestion {
	cardId: string;
	noteId: string;
	tags: string[];
	question: string;
	options: string[];
	/** Index of the right option in `options` (after shuffling). */
	answerIndex: number;
	explanation: string;
	correction?: string;
}

export interface Quiz {
	params: QuizParams;
	/** Hash of the deck the questions came from (this device's deck). */
	deckHash: string;
	questions: QuizQuestion[];
	/** How many questions matched the tags; fewer than `params.count` means a shorter quiz. */
	available: number;
}

/** The multiple-choice cards a quiz with these tags can ask, in a stable (id) order. */
export function eligibleCards(deck: Deck, params: Pick<QuizParams, 'tags' | 'exclude'>): McqCard[] {
	const filter = { tags: params.tags, exclude: params.exclude, query: '' };
	return deck.cards
		.filter((card): card is McqCard => card.kind === 'mcq')
		.filter((card) => matchesFilter({ tags: card.tags, text: card.question }, filter))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The quiz a link describes: same deck and same params give the same questions in the same order
 * with the same option order, on any device. One question per note first, so a short quiz covers
 * more notes; other cards of the same notes only fill up when there are too few notes.
 * @example buildQuiz(deck, { tags: ['etcd'], exclude: [], count: 10, seconds: 20, seed: 'k3x9', deckHash: null })
 */
export function buildQuiz(deck: Deck, params: QuizParams): Quiz {
	const cards = shuffled(eligibleCards(deck, params), seededRandom(`${params.seed}|questions`));
	const seenNotes = new Set<string>();
	const first: McqCard[] = [];
	const rest: McqCard[] = [];
	for (const card of cards) {
		if (seenNotes.has(card.noteId)) rest.push(card);
		else {
			seenNotes.add(card.noteId);
			first.push(card);
		}
	}
	const chosen = [...first, ...rest].slice(0, params.count);
	return {
		params,
		deckHash: deck.hash,
		available: cards.length,
		questions: chosen.map((card) => toQuestion(card, params.seed))
	};
}

/** Options shuffled by seed and card id, so a question's option order does not depend on the others. */
function toQuestion(card: McqCard, seed: string): QuizQuestion {
	const order = shuffled([0, 1, 2, 3], seededRandom(`${seed}|${card.id}`));
	const question: QuizQuestion = {
		cardId: card.id,
		noteId: card.noteId,
		tags: card.tags,
		question: card.question,
		options: order.map((i) => card.options[i] as string),
		answerIndex: order.indexOf(card.answerIndex),
		explanation: card.explanation
	};
	if (card.correction) question.correction = card.correction;
	return question;
}

/** Whether this device's deck is the one the link was made with (null: the link does not say). */
export function deckMatches(deck: Deck, params: QuizParams): boolean | null {
	return params.deckHash === null ? null : params.deckHash === deck.hash;
}
