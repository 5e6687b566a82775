import type { TagFilter } from '$lib/content/tag-filter';

/** A tag filter's card ids and their share of all cards (how many index keys to read per match). */
export interface FilterMembers {
	ids: ReadonlySet<string>;
	share: number;
}

type TaggedCard = { id: string; tags: string[] };

interface TagIndex {
	all: string[];
	byTag: Map<string, string[]>;
}

// one index per card list: the deck list asks for some thirty tag filters of the same cards
const indexes = new WeakMap<readonly TaggedCard[], TagIndex>();

function tagIndex(cards: readonly TaggedCard[]): TagIndex {
	let index = indexes.get(cards);
	if (!index) {
		index = { all: cards.map((c) => c.id), byTag: new Map() };
		for (const card of cards) {
			for (const tag of card.tags) {
				const ids = index.byTag.get(tag);
				if (ids) ids.push(card.id);
				else index.byTag.set(tag, [card.id]);
			}
		}
		indexes.set(cards, index);
	}
	return index;
}

/**
 * A tag filter's cards (any of its tags, none of its excluded tags), worked out from the card list
 * in memory, once per session: storage's queries keep the ids they read that are members.
 * Undefined for "All" (every card).
 */
export function filterMembers(
	cards: readonly TaggedCard[],
	filter: Pick<TagFilter, 'tags' | 'exclude'>
): FilterMembers | undefined {
	if (!filter.tags.length && !filter.exclude.length) return undefined;
	const { all, byTag } = tagIndex(cards);
	const ids = new Set(filter.tags.length ? filter.tags.flatMap((t) => byTag.get(t) ?? []) : all);
	for (const tag of filter.exclude) for (const id of byTag.get(tag) ?? []) ids.delete(id);
	return { ids, share: cards.length ? ids.size / cards.length : 1 };
}
