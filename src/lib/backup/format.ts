/**
 * The backup file: everything the user made on this device, as one JSON document.
 * No zod here, so pages can name these types without loading the validator (see ./parse.ts).
 */
import type { BackupRow, CardRow, FlagRow, Preference, ReviewRow } from '$lib/storage/db';
import type { QuizRun } from '$lib/quiz/run';

export const BACKUP_FORMAT = 'kubesec-study-backup';
/** Version of the file's layout: bump when it changes, and add a step to `migrate` in ./parse.ts. */
export const BACKUP_VERSION = 1;
/** The app's version, written into each file for people reading it. */
export const APP_VERSION = '0.1.0';
/** A larger file is refused before it is read: 500k reviews take about 150 MB. */
export const MAX_BACKUP_BYTES = 200 * 1000 * 1000;

export interface BackupTables {
	preferences: Preference[];
	cards: CardRow[];
	reviews: ReviewRow[];
	flags: FlagRow[];
	quizRuns: QuizRun[];
}

export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: number;
	/** The database schema version (Dexie) the data was read from. */
	schemaVersion: number;
	appVersion: string;
	exportedAt: string;
	tables: BackupTables;
}

export type BackupCounts = { [K in keyof BackupTables]: number };

export const countsOf = (tables: BackupTables): BackupCounts => ({
	preferences: tables.preferences.length,
	cards: tables.cards.length,
	reviews: tables.reviews.length,
	flags: tables.flags.length,
	quizRuns: tables.quizRuns.length
});

/** "120 cards, 3,400 reviews, 2 flags, 5 quizzes, 6 settings" */
export function describeCounts(c: BackupCounts): string {
	const n = (x: number, one: string, many: string) =>
		`${x.toLocaleString('en')} ${x === 1 ? one : many}`;
	return [
		n(c.cards, 'card', 'cards'),
		n(c.reviews, 'review', 'reviews'),
		n(c.flags, 'flag', 'flags'),
		n(c.quizRuns, 'quiz', 'quizzes'),
		n(c.preferences, 'setting', 'settings')
	].join(', ');
}

export type { BackupRow };

/** The file's name for a download at `now`, e.g. kubesec-study-2026-11-27.json. */
export function backupFileName(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `kubesec-study-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** JSON text of a backup; Dates become ISO strings, which ./parse.ts turns back into Dates. */
export function serializeBackup(backup: Backup): string {
	return JSON.stringify(backup);
}
