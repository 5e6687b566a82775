import type { QuizRun } from '$lib/quiz/run';
import type { FlagRow, Preference } from './db';

/**
 * The backup's schema, loaded on the first write (it brings zod/mini, which no page needs to
 * paint). Every preference, quiz run and flag is checked with it before it is written, so
 * nothing the app stores can be refused by its own import.
 */
export type Rules = typeof import('$lib/backup/schema');

let rules: Promise<Rules> | undefined;
export const loadRules = (): Promise<Rules> => (rules ??= import('$lib/backup/schema'));

/** A value the app was about to store broke its own rules: a bug, said plainly, nothing written. */
export class NotStorableError extends Error {
	constructor(what: string, problem: string) {
		super(`${what} was not saved: ${problem}`);
		this.name = 'NotStorableError';
	}
}

/** The preference as it is to be stored, or a NotStorableError. Synchronous: use in a transaction. */
export function preferenceRow(r: Rules, key: string, value: unknown): Preference {
	const checked = r.checkPreference(key, value);
	if (!checked.ok) throw new NotStorableError(`The setting "${key}"`, checked.message);
	return { key, value: checked.value };
}

export function quizRunRow(r: Rules, run: QuizRun): QuizRun {
	const checked = r.checkRow(r.QuizRunSchema, run);
	if (!checked.ok) throw new NotStorableError('The quiz', checked.message);
	return checked.value as QuizRun;
}

export function flagRow(r: Rules, flag: Omit<FlagRow, 'id'>): Omit<FlagRow, 'id'> {
	const checked = r.checkRow(r.NewFlagSchema, flag);
	if (!checked.ok) throw new NotStorableError('The flag', checked.message);
	return checked.value;
}
