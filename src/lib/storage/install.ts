import { loadRules, preferenceRow } from './checked';
import { db } from './db';
import { persistStorage, type StorageStatus } from './persist';
import { preference, setPreference, type InstallOutcome } from './preferences';

export type { InstallOutcome };

/** Whether anything was learnt on this device yet: an answered card or a finished quiz. */
export async function hasProgress(): Promise<boolean> {
	const [reviews, quizzes] = await Promise.all([
		db.reviews.limit(1).count(),
		db.quizRuns.where('finishedAt').above(0).limit(1).count()
	]);
	return reviews > 0 || quizzes > 0;
}

/** The user's answer to the offer to install, once given: the offer is not made again. */
export async function installChoice(): Promise<InstallOutcome | undefined> {
	return (await preference('installChoice'))?.outcome;
}

export async function saveInstallChoice(outcome: InstallOutcome, now: Date): Promise<void> {
	await setPreference('installChoice', { outcome, at: now.getTime() });
}

// asked, or found asked, in this page: no database read on every later answer
let persistAsked = false;

/**
 * Asks the browser to keep the data after the first answer (not on first load, when a prompt
 * would mean nothing to the user), once: the user can ask again in Settings. Returns what the
 * browser said, or undefined when it was asked before.
 */
export async function persistAfterFirstAnswer(now: Date): Promise<StorageStatus | undefined> {
	if (persistAsked) return undefined;
	persistAsked = true;
	const row = preferenceRow(await loadRules(), 'persistAsked', { at: now.getTime() });
	const first = await db.transaction('rw', db.preferences, async () => {
		if (await preference('persistAsked')) return false;
		await db.preferences.put(row);
		return true;
	});
	return first ? persistStorage(true) : undefined;
}
