import { readFileSync } from 'node:fs';
import type { Deck } from '../../src/lib/content/schema';

/** The deck the app under test was built with. */
export function builtDeck(): Deck {
	return JSON.parse(readFileSync('build/deck.json', 'utf8')) as Deck;
}

export function notesWith(deck: Deck, tags: string[], exclude: string[] = []): Deck['notes'] {
	return deck.notes.filter(
		(n) => n.tags.some((t) => tags.includes(t)) && !n.tags.some((t) => exclude.includes(t))
	);
}
