/**
 * Everything the app keeps on the device. The only module that talks to IndexedDB.
 * @example import * as storage from '$lib/storage'; await storage.saveLastFilter(filter);
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

export { StorageFullError } from './errors';
export { NotStorableError } from './checked';
export * from './quiz';
export * from './class';
export type { ClassQuizRow, ClassResultRow } from './db';
export * from './study';
export * from './backup';
export * from './stats';
export * from './persist';
export * from './install';
