import { builtDeck } from '$lib/server/deck';

/** Prerendered at build time from the deck, so the topic list shows before any script runs. */
export function load() {
	const deck = builtDeck();
	return { noteCount: deck.notes.length, tags: deck.tags, deckHash: deck.hash };
}
