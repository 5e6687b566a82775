/** Tag filters the student saved under a name, listed with the topics in the deck list. */
import { normalizeTags } from '$lib/content/tag-filter';
import { loadRules, preferenceRow } from './checked';
import { db } from './db';
import { cut, MAX_NAME } from './limits';
import { preference, type SavedFilter } from './preferences';

export type { SavedFilter };

export const savedFilters = () => preference('decks');

/** A saved filter's name as it is saved: trimmed, at most MAX_NAME characters. */
export const savedFilterName = (name: string) => cut(name.trim(), MAX_NAME).trim();

/** Saves (or replaces, by name) a tag filter; its name is cut to MAX_NAME characters. */
export async function saveFilter(filter: SavedFilter): Promise<void> {
	const saved = storable(filter);
	await changeFilters((all) => [...all.filter((f) => f.name !== saved.name), saved]);
}

export async function deleteFilter(name: string): Promise<void> {
	await changeFilters((all) => all.filter((f) => f.name !== name));
}

function storable(filter: SavedFilter): SavedFilter {
	return {
		name: savedFilterName(filter.name),
		tags: normalizeTags(filter.tags),
		exclude: normalizeTags(filter.exclude)
	};
}

/** Filters saved before these limits existed are brought within them on the next change. */
async function changeFilters(change: (all: SavedFilter[]) => SavedFilter[]): Promise<void> {
	const rules = await loadRules();
	await db.transaction('rw', db.preferences, async () => {
		const stored = await preference('decks');
		const all = stored.map(storable).filter((f) => f.name);
		await db.preferences.put(preferenceRow(rules, 'decks', change(all)));
	});
}
