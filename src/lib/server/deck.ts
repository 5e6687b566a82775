import { readFileSync } from 'node:fs';
import type { Deck } from '$lib/deck';

let deck: Deck | undefined;

/** The deck the build wrote (static/deck.json), read once, for the pages prerendered from it. */
export function builtDeck(): Deck {
	deck ??= JSON.parse(readFileSync('static/deck.json', 'utf8')) as Deck;
	return deck;
}
