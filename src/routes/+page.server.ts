import { readFileSync } from 'node:fs';
import type { Deck } from '$lib/deck';

/** Prerendered at build time from the deck, so the topic list shows before any script runs. */
export function load() {
	const deck = JSON.parse(readFileSync('static/deck.json', 'utf8')) as Deck;
	return { noteCount: deck.notes.length, tags: deck.tags, deckHash: deck.hash };
}
