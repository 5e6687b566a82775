import { db } from './db';
import { persistStorage, type StorageStatus } from './persist';

const INSTALL_CHOICE = 'installChoice';
const PERSIST_ASKED = 'persistAsked';

/** What the user did with the offer to install: the browser's prompt outcome, or "Not now". */
export type InstallOutcome = 'accepted' | 'dismissed' | 'not-now';

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
	const value = (await db.preferences.get(INSTALL_CHOICE))?.value as
		{ outcome?: InstallOutcome } | undefined;
	return value?.outcome;
}

export async function saveInstallChoice(outcome: InstallOutcome, now: Date): Promise<void> {
	await db.preferences.put({ key: INSTALL_CHOICE, value: { outcome, at: now.getTime() } });
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
	const first = await db.transaction('rw', db.preferences, async () => {
		if (await db.preferences.get(PERSIST_ASKED)) return false;
		await db.preferences.put({ key: PERSIST_ASKED, value: { at: now.getTime() } });
		return true;
	});
	return first ? persistStorage(true) : undefined;
}
