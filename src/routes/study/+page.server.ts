import { builtDeck } from '$lib/server/deck';

/** The deck list is prerendered: its topics show before any script runs, counts come after. */
export function load() {
	const deck = builtDeck();
	const tagNames = deck.tags
		.filter((t) => deck.cards.some((c) => c.tags.includes(t.name)))
		.map((t) => t.name);
	return { tagNames };
}
