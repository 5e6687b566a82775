/**
 * The last tag filter used on /notes, offered on the home page as "Continue". A module of its own
 * so the home page loads it without the rest of storage (FSRS, quizzes, exports).
 */
import { normalizeFilter, type TagFilter } from '$lib/content/tag-filter';
import { preference, setPreference } from './preferences';

export async function saveLastFilter(filter: TagFilter): Promise<void> {
	await setPreference('lastFilter', normalizeFilter(filter));
}

export const lastFilter = () => preference('lastFilter');
