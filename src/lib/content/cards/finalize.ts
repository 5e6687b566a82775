/**
 * The one place where a deck's cards are settled after every family has proposed its own:
 * a front asked twice is kept once, and every MCQ's options are put in their final order, the
 * answer's position spread evenly over the deck and independent of how its options were chosen.
 */
import { hashText } from '../hash';
import type { Card, McqCard } from '../schema';

export interface Dropped {
	card: Card;
	reason: string;
}

/** The words a student reads first: an MCQ's question or a flashcard's front. */
export function frontOf(card: Card): string {
	return card.kind === 'mcq' ? card.question : card.front;
}

/** A front as compared for repeats: case and spacing do not make two fronts different. */
export function frontKey(card: Card): string {
	return frontOf(card).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Cards whose front repeats an earlier card's front (of any note) are dropped. */
export function dropRepeatedFronts(cards: Card[]): { kept: Card[]; dropped: Dropped[] } {
	const seen = new Map<string, string>();
	const kept: Card[] = [];
	const dropped: Dropped[] = [];
	for (const card of cards) {
		const front = frontKey(card);
		const first = seen.get(front);
		if (first) dropped.push({ card, reason: `same front as ${first}` });
		else {
			seen.set(front, card.id);
			kept.push(card);
		}
	}
	return { kept, dropped };
}

const byHash = <T>(key: (t: T) => string) => {
	return (a: T, b: T) => {
		const ha = hashText(key(a));
		const hb = hashText(key(b));
		return ha < hb ? -1 : ha > hb ? 1 : 0;
	};
};

/**
 * Every MCQ with its options in final order: MCQs ranked by a hash of their id take the answer
 * positions 0, 1, 2, 3 in turn (each position a quarter of the deck, within one card); the wrong
 * options fill the other places in an order of their own hash.
 */
export function orderOptions(cards: Card[]): Card[] {
	const mcqs = cards.filter((c): c is McqCard => c.kind === 'mcq');
	const position = new Map(
		[...mcqs].sort(byHash((c) => `position|${c.id}`)).map((c, rank) => [c.id, rank % 4])
	);
	return cards.map((card) => {
		if (card.kind !== 'mcq') return card;
		const answer = card.options[card.answerIndex] ?? '';
		const wrong = card.options
			.filter((_, i) => i !== card.answerIndex)
			.sort(byHash((o) => `${card.id}|${o}`));
		const at = position.get(card.id) ?? 0;
		const options = [...wrong.slice(0, at), answer, ...wrong.slice(at)];
		return { ...card, options, answerIndex: at };
	});
}
