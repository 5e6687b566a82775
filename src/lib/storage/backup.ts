import {
	APP_VERSION,
	BACKUP_FORMAT,
	BACKUP_VERSION,
	countsOf,
	serializeBackup,
	type Backup,
	type BackupCounts,
	type BackupTables
} from '$lib/backup/format';
import { loadRules, preferenceRow } from './checked';
import { db, DB_VERSION, type BackupRow } from './db';
import { preference, setPreference } from './preferences';

const LAST_EXPORT = 'lastExport';
/** How many automatic backups are kept: the oldest goes when a fourth arrives. */
export const AUTO_BACKUPS_KEPT = 3;

async function readTables(): Promise<BackupTables> {
	const [preferences, cards, reviews, flags, quizRuns] = await Promise.all([
		db.preferences.toArray(),
		db.cards.toArray(),
		db.reviews.toArray(),
		db.flags.toArray(),
		db.quizRuns.toArray()
	]);
	return { preferences, cards, reviews, flags, quizRuns };
}

function backupOf(tables: BackupTables, now: Date): Backup {
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		schemaVersion: DB_VERSION,
		appVersion: APP_VERSION,
		exportedAt: now.toISOString(),
		tables
	};
}

/**
 * Everything the user made, as a backup file's text. Records the moment, so the reminder
 * to export counts reviews from here (the file itself says when it was made). Reading comes
 * first and recording the moment is best effort: a full disk must never stop an export.
 */
export async function exportBackup(now: Date): Promise<{ json: string; counts: BackupCounts }> {
	const mark = preferenceRow(await loadRules(), LAST_EXPORT, { at: now.getTime() });
	const tables = await db.transaction(
		'r',
		[db.preferences, db.cards, db.reviews, db.flags, db.quizRuns],
		readTables
	);
	// the file holds the same mark the database keeps, so a restore gives back this very state
	tables.preferences = [...tables.preferences.filter((p) => p.key !== LAST_EXPORT), mark].sort(
		(a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
	);
	await db.preferences.put(mark).catch(() => undefined);
	return { json: serializeBackup(backupOf(tables, now)), counts: countsOf(tables) };
}

/** `warnings`: what the file held that was left out (see parseBackup). */
export type ImportResult =
	| { ok: true; counts: BackupCounts; exportedAt: string; warnings?: string[] }
	| { ok: false; message: string };

/**
 * Replaces everything with a backup checked by parseBackup (call restoreFromText in
 * $lib/backup/restore, which checks the file first). In one transaction, the current state is
 * kept as an automatic backup and the tables are replaced: an error anywhere leaves the
 * database as it was.
 */
export async function importBackup(
	backup: Backup,
	now: Date,
	reason = 'Before an import'
): Promise<ImportResult> {
	const { tables, exportedAt } = backup;
	try {
		await db.transaction(
			'rw',
			[db.preferences, db.cards, db.reviews, db.flags, db.quizRuns, db.backups],
			async () => {
				const current = await readTables();
				if (Object.values(countsOf(current)).some((n) => n > 0)) {
					await db.backups.add({
						createdAt: now.getTime(),
						reason,
						json: serializeBackup(backupOf(current, now))
					});
					const old = await db.backups.orderBy('createdAt').reverse().offset(AUTO_BACKUPS_KEPT);
					await old.delete();
				}
				await Promise.all([
					db.preferences.clear(),
					db.cards.clear(),
					db.reviews.clear(),
					db.flags.clear(),
					db.quizRuns.clear()
				]);
				await db.preferences.bulkAdd(tables.preferences);
				await db.cards.bulkAdd(tables.cards);
				await db.reviews.bulkAdd(tables.reviews);
				await db.flags.bulkAdd(tables.flags);
				await db.quizRuns.bulkAdd(tables.quizRuns);
			}
		);
	} catch (e) {
		return {
			ok: false,
			message: `The backup could not be saved on this device (${(e as Error).message}). Nothing was changed.`
		};
	}
	return { ok: true, counts: countsOf(tables), exportedAt };
}

/** An automatic backup, without its contents. */
export interface AutoBackup {
	id: number;
	createdAt: number;
	reason: string;
	bytes: number;
}

/** The automatic backups, newest first. */
export async function autoBackups(): Promise<AutoBackup[]> {
	const rows: BackupRow[] = await db.backups.orderBy('createdAt').reverse().toArray();
	return rows.map((r) => ({
		id: r.id!,
		createdAt: r.createdAt,
		reason: r.reason,
		bytes: r.json.length
	}));
}

/** An automatic backup's file text, to restore through restoreAutoBackup in $lib/backup/restore. */
export async function autoBackupText(id: number): Promise<string | undefined> {
	return (await db.backups.get(id))?.json;
}

/** After this many answers without an export, the app reminds the user to export a backup. */
export const EXPORT_REMINDER_REVIEWS = 200;

/**
 * When the user last exported a backup, how many answers were given since, and whether to
 * remind them now (the reminder, once dismissed, waits for another batch of answers).
 */
export async function exportReminder(): Promise<{
	lastExport?: number;
	reviewsSince: number;
	remind: boolean;
}> {
	const lastExport = (await preference(LAST_EXPORT))?.at;
	const snoozed = (await preference('exportReminderSnoozed'))?.at;
	const since = (at: number | undefined) =>
		db.reviews
			.where('reviewedAt')
			.above(at ?? -1)
			.count();
	const reviewsSince = await since(lastExport);
	const quiet = Math.max(lastExport ?? -1, snoozed ?? -1);
	const remind =
		reviewsSince >= EXPORT_REMINDER_REVIEWS &&
		(quiet === lastExport || (await since(quiet)) >= EXPORT_REMINDER_REVIEWS);
	return { lastExport, reviewsSince, remind };
}

/** Hides the reminder until another EXPORT_REMINDER_REVIEWS answers. */
export async function dismissExportReminder(now: Date): Promise<void> {
	await setPreference('exportReminderSnoozed', { at: now.getTime() });
}
