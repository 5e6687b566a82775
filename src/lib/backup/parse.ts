/**
 * Reads a backup file and checks all of it before anything touches the database. zod/mini
 * (4 kB, not zod's 23 kB), loaded only when a file is imported: see ./restore.ts.
 * @example const result = parseBackup(await file.text()); if (!result.ok) show(result.message);
 */
import { z } from 'zod/mini';
import { DB_VERSION } from '$lib/storage/version';
import { MAX_NAME } from '$lib/storage/limits';
import type { Preference } from '$lib/storage/db';
import type { QuizRun } from '$lib/quiz/run';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, type Backup } from './format';
import {
	CardRowSchema,
	FlagRowSchema,
	QuizRunSchema,
	ReviewRowSchema,
	checkPreference,
	checkRow,
	describeIssues
} from './schema';

const PreferenceRowSchema = z.object({
	key: z.string().check(z.minLength(1), z.maxLength(MAX_NAME)),
	value: z.unknown()
});

function unique<T>(rows: T[], key: (row: T) => unknown, ctx: z.core.$RefinementCtx, table: string) {
	const seen = new Set<unknown>();
	rows.forEach((row, i) => {
		const k = key(row);
		if (seen.has(k))
			ctx.addIssue({ code: 'custom', message: `duplicate id ${String(k)}`, path: [table, i] });
		seen.add(k);
	});
}

// preferences and quiz runs are checked one by one afterwards: a bad one is dropped, not the file
const TablesSchema = z
	.object({
		preferences: z.array(PreferenceRowSchema),
		cards: z.array(CardRowSchema),
		reviews: z.array(ReviewRowSchema),
		flags: z.array(FlagRowSchema),
		quizRuns: z.array(z.unknown())
	})
	.check(
		z.superRefine((t, ctx) => {
			unique(t.preferences, (r) => r.key, ctx, 'preferences');
			unique(t.cards, (r) => r.id, ctx, 'cards');
			unique(t.reviews, (r) => r.id, ctx, 'reviews');
			unique(t.flags, (r) => r.id, ctx, 'flags');
		})
	);

const BackupSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	schemaVersion: z.int().check(z.gte(2), z.lte(DB_VERSION)),
	appVersion: z.string().check(z.maxLength(50)),
	exportedAt: z.iso.datetime(),
	tables: TablesSchema
});

/** `warnings`: the settings or quizzes that were left out, each with why. */
export type ParseResult =
	{ ok: true; backup: Backup; warnings: string[] } | { ok: false; message: string };

const fail = (message: string): ParseResult => ({ ok: false, message });

/**
 * Older files, brought up to the current layout. Schema 2 (before class quizzes) had no
 * quizRuns table. A new layout adds a step here: version n -> n + 1.
 */
function migrate(data: Record<string, unknown>): Record<string, unknown> {
	const tables = data.tables;
	if (
		typeof data.schemaVersion === 'number' &&
		data.schemaVersion < 3 &&
		typeof tables === 'object' &&
		tables !== null &&
		!('quizRuns' in tables)
	)
		return { ...data, tables: { ...tables, quizRuns: [] } };
	return data;
}

/**
 * The settings and quizzes that pass their checks; each one left out gets a warning. A deck hash
 * with no cards to go with it is left out too, so the next start syncs the cards again.
 */
function keepSound(backup: Backup, warnings: string[]): Backup {
	const preferences: Preference[] = [];
	backup.tables.preferences.forEach(({ key, value }, i) => {
		const checked = checkPreference(key, value);
		if (checked.ok) preferences.push({ key, value: checked.value });
		else warnings.push(`Setting ${i + 1} was left out: ${checked.message}.`);
	});
	const quizRuns: QuizRun[] = [];
	const runIds = new Set<string>();
	(backup.tables.quizRuns as unknown[]).forEach((row, i) => {
		const checked = checkRow(QuizRunSchema, row);
		if (!checked.ok)
			warnings.push(
				`Quiz ${i + 1} was left out: ${checked.message.split('\n')[0]!.replace(/^\(top level\): /, '')}.`
			);
		else if (runIds.has(checked.value.id))
			warnings.push(`Quiz ${i + 1} was left out: it is in the file twice.`);
		else {
			runIds.add(checked.value.id);
			quizRuns.push(checked.value as QuizRun);
		}
	});
	const hash = preferences.findIndex((p) => p.key === 'deckHash');
	if (hash >= 0 && !backup.tables.cards.some((c) => !c.retired)) {
		preferences.splice(hash, 1);
		warnings.push('The deck version was left out: the file has no cards for it.');
	}
	return { ...backup, tables: { ...backup.tables, preferences, quizRuns } };
}

/** Checks a whole backup file; on success returns it with Dates restored. Never throws. */
export function parseBackup(text: string, maxBytes = MAX_BACKUP_BYTES): ParseResult {
	try {
		return parseChecked(text, maxBytes);
	} catch (e) {
		// a stack overflow or a bug: still an answer, never an exception
		return fail(
			`This file could not be read (${(e as Error).message}). Nothing was changed. Choose a backup file exported from this app.`
		);
	}
}

function parseChecked(text: string, maxBytes: number): ParseResult {
	const bytes = new TextEncoder().encode(text.slice(0, maxBytes + 1)).length;
	if (bytes > maxBytes)
		return fail(
			`This file is larger than ${Math.round(maxBytes / 1e6)} MB, more than a backup of this app can be. Nothing was changed. Choose a backup file exported from this app.`
		);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return fail(
			`This file is not complete JSON (${(e as Error).message}); it may have been cut off while saving or downloading. Nothing was changed. Export the backup again.`
		);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		return fail('This file is JSON but not a backup of this app. Nothing was changed.');
	const top = data as Record<string, unknown>;
	if (top.format !== BACKUP_FORMAT)
		return fail(
			`This file is not a backup of this app (it lacks "format": "${BACKUP_FORMAT}"). Nothing was changed.`
		);
	if (typeof top.version !== 'number' || !Number.isInteger(top.version) || top.version < 1)
		return fail(
			`This backup has an unknown format version (${JSON.stringify(top.version) ?? 'none'}). Nothing was changed.`
		);
	const schemaVersion = typeof top.schemaVersion === 'number' ? top.schemaVersion : 0;
	if (top.version > BACKUP_VERSION || schemaVersion > DB_VERSION)
		return fail(
			`This backup was made by a newer version of the app (format ${top.version}, data ${schemaVersion}; this app reads up to format ${BACKUP_VERSION}, data ${DB_VERSION}). Nothing was changed. Reload the app while online to update it, then import again.`
		);
	const result = BackupSchema.safeParse(migrate(top));
	if (!result.success)
		return fail(
			`This backup is damaged or incomplete, so nothing was changed:\n${describeIssues(result.error)}`
		);
	const warnings: string[] = [];
	const backup = keepSound(result.data as Backup, warnings);
	return { ok: true, backup, warnings };
}
