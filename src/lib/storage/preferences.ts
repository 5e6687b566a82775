/**
 * Every preference the app keeps, in one registry: its key (as stored in IndexedDB and in backup
 * files, so a key never changes), and how a stored value is read back. A reader takes whatever is
 * stored (or undefined) and returns a value the app can use, falling back to the default when the
 * value is missing or malformed, so `PREFERENCES[key](undefined)` is the key's default. Zod-free:
 * the home page loads this module. The backup import checks each key with its zod schema
 * (preferenceSchemas in $lib/backup/schema), which the type checker holds to this list.
 * @example const filters = await preference('decks'); await setPreference('nickname', 'Ana');
 */
import type { TagFilter } from '$lib/content/tag-filter';
import type { SavedSession } from '$lib/study/session';
import { normalizeSettings, type SchedulerSettings } from '$lib/scheduler/settings';
import { loadRules, preferenceRow } from './checked';
import { db } from './db';

/** A tag filter the student saved under a name (shown in the deck list). */
export interface SavedFilter {
	name: string;
	tags: string[];
	exclude: string[];
}

/** Where a study session stands, so closing the app and reopening it continues there. */
export type StudySession = SavedSession;

/** What the user did with the offer to install: the browser's prompt outcome, or "Not now". */
export type InstallOutcome = 'accepted' | 'dismissed' | 'not-now';

/** A moment something happened, in ms. */
export interface Moment {
	at: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((s) => typeof s === 'string');
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optional = (v: unknown, test: (v: unknown) => boolean) => v === undefined || test(v);

const moment = (v: unknown): Moment | undefined =>
	isObject(v) && typeof v.at === 'number' ? { at: v.at } : undefined;

function tagFilter(v: unknown): TagFilter | undefined {
	return isObject(v) && isStrings(v.tags) && isStrings(v.exclude) && typeof v.query === 'string'
		? (v as unknown as TagFilter)
		: undefined;
}

const isSavedFilter = (v: unknown): v is SavedFilter =>
	isObject(v) && typeof v.name === 'string' && isStrings(v.tags) && isStrings(v.exclude);

function studySession(v: unknown): StudySession | undefined {
	if (!isObject(v) || typeof v.deck !== 'string' || typeof v.practice !== 'boolean') return;
	if (typeof v.revealed !== 'boolean' || !optional(v.cardId, (x) => typeof x === 'string')) return;
	if (!optional(v.picked, isCount) || !optional(v.lastReviewId, isCount)) return;
	if (!optional(v.remaining, isStrings)) return;
	const tally = (t: unknown) =>
		isObject(t) && ['again', 'hard', 'good', 'easy', 'ms'].every((k) => isCount(t[k]));
	if (!optional(v.tally, tally)) return;
	return v as unknown as StudySession;
}

const OUTCOMES: readonly string[] = ['accepted', 'dismissed', 'not-now'] satisfies InstallOutcome[];

export const PREFERENCES = {
	/** The last tag filter used on /notes, offered on the home page as "Continue". */
	lastFilter: tagFilter,
	/** The deck.json version the card table was last synced with. */
	deckHash: (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined),
	/** The saved tag filters. The key says "decks" from before they had their name: kept. */
	decks: (v: unknown): SavedFilter[] => (Array.isArray(v) ? v.filter(isSavedFilter) : []),
	session: studySession,
	/** Scheduler settings (/settings); missing or out-of-range fields take their defaults. */
	scheduler: (v: unknown): SchedulerSettings => normalizeSettings(v),
	lastExport: moment,
	exportReminderSnoozed: moment,
	/** The answer to the offer to install: the offer is not made again. */
	installChoice: (v: unknown): { outcome: InstallOutcome; at: number } | undefined =>
		isObject(v) && typeof v.outcome === 'string' && OUTCOMES.includes(v.outcome) && isCount(v.at)
			? { outcome: v.outcome as InstallOutcome, at: v.at }
			: undefined,
	/** When the browser was asked to keep the data (persist()), after the first answer. */
	persistAsked: moment,
	/** This device's random id for class quiz result codes. */
	deviceId: (v: unknown): number | undefined => (isCount(v) && v <= 0xffffffff ? v : undefined),
	/** The nickname used last in a class quiz. */
	nickname: (v: unknown): string => (typeof v === 'string' ? v : '')
};

export type PreferenceKey = keyof typeof PREFERENCES;
/** A preference as the app reads it (undefined where it has no default). */
export type PreferenceValue<K extends PreferenceKey> = ReturnType<(typeof PREFERENCES)[K]>;
/** A preference as the app writes it. */
export type StoredPreference<K extends PreferenceKey> = NonNullable<PreferenceValue<K>>;

export const isPreferenceKey = (key: string): key is PreferenceKey =>
	Object.hasOwn(PREFERENCES, key);

/** A stored value read through its key's reader. */
export const readPreference = <K extends PreferenceKey>(key: K, value: unknown) =>
	PREFERENCES[key](value) as PreferenceValue<K>;

/** Reads one preference (its default when it is not stored or not sound); also inside a transaction. */
export async function preference<K extends PreferenceKey>(key: K): Promise<PreferenceValue<K>> {
	return readPreference(key, (await db.preferences.get(key))?.value);
}

export async function setPreference<K extends PreferenceKey>(
	key: K,
	value: StoredPreference<K>
): Promise<void> {
	await db.preferences.put(preferenceRow(await loadRules(), key, value));
}

export const settings = () => preference('scheduler');

export async function saveSettings(value: SchedulerSettings): Promise<void> {
	await setPreference('scheduler', normalizeSettings(value));
}
