import { readFileSync } from 'node:fs';
import type { Deck } from '../../src/lib/content/schema';
import { buildQuiz, eligibleCards } from '../../src/lib/quiz/build';
import { paramsToSearch, type QuizParams } from '../../src/lib/quiz/params';

/** The deck the app under test was built with. */
export function builtDeck(): Deck {
	return JSON.parse(readFileSync('build/deck.json', 'utf8')) as Deck;
}

export function notesWith(deck: Deck, tags: string[], exclude: string[] = []): Deck['notes'] {
	return deck.notes.filter(
		(n) => n.tags.some((t) => tags.includes(t)) && !n.tags.some((t) => exclude.includes(t))
	);
}

/** The two topics with the most quiz questions, so a quiz is full whatever the deck holds. */
export function topQuizTags(deck: Deck): string[] {
	return deck.tags
		.map((t) => ({ name: t.name, n: eligibleCards(deck, { tags: [t.name], exclude: [] }).length }))
		.sort((a, b) => b.n - a.n)
		.slice(0, 2)
		.map((t) => t.name)
		.sort();
}

/**
 * A paced class quiz of 5 questions, 20 s each, on the top two topics, starting at `start` (ms):
 * question i opens at start + i * 30 s (20 s to answer, 10 s to reveal).
 */
export function pacedQuiz(deck: Deck, seed: string, start: number) {
	const params: QuizParams = {
		tags: topQuizTags(deck),
		exclude: [],
		count: 5,
		seconds: 20,
		seed,
		deckHash: deck.hash,
		start: start / 1000
	};
	return {
		params,
		search: paramsToSearch(params),
		quiz: buildQuiz(deck, params),
		opens: (i: number) => start + i * 30_000
	};
}
