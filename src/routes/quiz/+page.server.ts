import { eligibleCards } from '$lib/quiz/build';
import { builtDeck } from '$lib/server/deck';

/** The quiz form is prerendered: its topics show before any script runs. */
export function load() {
	const deck = builtDeck();
	const quizTags = deck.tags
		.map((tag) => ({
			name: tag.name,
			questions: eligibleCards(deck, { tags: [tag.name], exclude: [] }).length
		}))
		.filter((tag) => tag.questions > 0)
		.sort((a, b) => b.questions - a.questions || a.name.localeCompare(b.name));
	return { quizTags, deckHash: deck.hash };
}
