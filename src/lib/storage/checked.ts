import type { QuizRun } from '$lib/quiz/run';
import type { FlagRow, Preference } from './db';
import type { PreferenceKey, StoredPreference } from './preferences';

/**
 * What the verbs write is first brought within the backup's limits (./limits.ts, normalizeTag):
 * that is what keeps every export importable. In development and in the unit tests (the
 * property test in ./roundtrip.test.ts) each preference, quiz run and flag is also checked with
 * the import's own schema before it is written, so a verb that breaks the rules fails loudly.
 * Production builds leave the schema out: it is 10 kB of zod/mini, over the pages' budgets.
 */
export type Rules = typeof import('$lib/backup/schema');

let rules: Promise<Rules> | undefined;
export const loadRules = (): Promise<Rules | undefined> =>
	import.meta.env.DEV ? (rules ??= import('$lib/backup/schema')) : Promise.resolve(undefined);

/** A value the app was about to store broke its own rules: a bug, said plainly, nothing written. */
export class NotStorableError extends Error {
	constructor(what: string, problem: string) {
		super(`${what} was not saved: ${problem}`);
		this.name = 'NotStorableError';
	}
}

/** The preference row to store. Synchronous, so it can run inside a transaction. */
export function preferenceRow<K extends PreferenceKey>(
	r: Rules | undefined,
	key: K,
	value: StoredPreference<K>
): Preference {
	const checked = r?.checkPreference(key, value);
	if (checked && !checked.ok) throw new NotStorableError(`The setting "${key}"`, checked.message);
	return { key, value };
}

export function quizRunRow(r: Rules | undefined, run: QuizRun): QuizRun {
	const checked = r?.checkRow(r.QuizRunSchema, run);
	if (checked && !checked.ok) throw new NotStorableError('The quiz', checked.message);
	return run;
}

export function flagRow(r: Rules | undefined, flag: Omit<FlagRow, 'id'>): Omit<FlagRow, 'id'> {
	const checked = r?.checkRow(r.NewFlagSchema, flag);
	if (checked && !checked.ok) throw new NotStorableError('The flag', checked.message);
	return flag;
}
