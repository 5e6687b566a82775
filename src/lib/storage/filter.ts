/**
 * The last tag filter used on /notes, offered on the home page as "Continue". A module of its own
 * so the home page loads it without the rest of storage (FSRS, quizzes, exports).
 */
import { normalizeFilter, type TagFilter } from '$lib/content/tag-filter';
import { loadRules, preferenceRow } from './checked';
import { db } from './db';

const LAST_FILTER = 'lastFilter';

export async function saveLastFilter(filter: TagFilter): Promise<void> {
	const row = preferenceRow(await loadRules(), LAST_FILTER, normalizeFilter(filter));
	await db.preferences.put(row);
}

export async function lastFilter(): Promise<TagFilter | undefined> {
	const row = await db.preferences.get(LAST_FILTER);
	return isTagFilter(row?.value) ? row.value : undefined;
}

function isTagFilter(value: unknown): value is TagFilter {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
	return strings(v.tags) && strings(v.exclude) && typeof v.query === 'string';
}
