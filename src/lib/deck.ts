import type { TagResolver } from '$lib/content/tag-filter';
import type { Card, Deck } from '$lib/content/schema';

export type { Card, Deck, DeckTag, Flashcard, McqCard, Note } from '$lib/content/schema';

let deckPromise: Promise<Deck> | undefined;

/** The deck the build wrote to static/deck.json; the service worker serves it offline. */
export function loadDeck(fetcher: typeof fetch = fetch): Promise<Deck> {
	deckPromise ??= fetcher('/deck.json').then(async (response) => {
		if (!response.ok) throw new Error(`Could not load the course deck (HTTP ${response.status}).`);
		return (await response.json()) as Deck;
	});
	deckPromise.catch(() => (deckPromise = undefined));
	return deckPromise;
}

/** Maps any spelling of a tag in a URL (alias, case) to the deck's canonical tag. */
export function tagResolver(deck: Deck): TagResolver {
	const canonical = new Map<string, string>();
	for (const tag of deck.tags) {
		for (const spelling of [tag.name, ...tag.aliases]) canonical.set(spelling, tag.name);
	}
	return (written) => canonical.get(written.toLowerCase()) ?? written.toLowerCase();
}

/** The side of a card that asks: a flashcard's front, an MCQ's question. */
export function cardPrompt(card: Card): string {
	return card.kind === 'mcq' ? card.question : card.front;
}
