/**
 * Reads a backup file and checks all of it before anything touches the database. zod/mini
 * (4 kB, not zod's 23 kB), loaded only when a file is imported: see ./restore.ts.
 * @example const result = parseBackup(await file.text()); if (!result.ok) show(result.message);
 */
import { z } from 'zod/mini';
import { DB_VERSION } from '$lib/storage/version';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, type Backup } from './format';

const date = z.pipe(
	z.iso.datetime(),
	z.transform((s: string) => new Date(s))
);
const count = z.int().check(z.nonnegative());
const noteId = z.string().check(z.regex(/^n[0-9a-f]{10}$/, 'not a note id'));
const cardId = z
	.string()
	.check(z.regex(/^n[0-9a-f]{10}:[a-z]+:[\p{L}\p{N}._-]+$/u, 'not a card id'));
const tag = z.string().check(z.regex(/^[\p{L}][\p{L}\p{N}_-]*$/u, 'not a tag name'));
const text = z.string().check(z.maxLength(100_000));
const state = z.int().check(z.gte(0), z.lte(3));

const FsrsCardSchema = z.object({
	due: date,
	stability: z.number().check(z.nonnegative()),
	difficulty: z.number(),
	elapsed_days: count,
	scheduled_days: count,
	learning_steps: count,
	reps: count,
	lapses: count,
	state,
	last_review: z.optional(date)
});

const CardRowSchema = z.object({
	id: cardId,
	noteId,
	tags: z.array(tag),
	order: count,
	bucket: z.enum(['new', 'learning', 'review', 'off']),
	due: count,
	fsrs: FsrsCardSchema,
	suspended: z.boolean(),
	retired: z.boolean()
});

const ReviewRowSchema = z.object({
	id: z.int().check(z.positive()),
	cardId,
	noteId,
	reviewedAt: count,
	before: FsrsCardSchema,
	rating: z.int().check(z.gte(0), z.lte(4)),
	state,
	due: date,
	stability: z.number().check(z.nonnegative()),
	difficulty: z.number(),
	elapsed_days: count,
	last_elapsed_days: count,
	scheduled_days: count,
	learning_steps: count,
	review: date
});

const FlagRowSchema = z.object({
	id: z.int().check(z.positive()),
	cardId,
	noteId,
	reason: z.enum(['wrong', 'unclear']),
	comment: text,
	createdAt: count
});

const QuizQuestionSchema = z.object({
	cardId,
	noteId,
	tags: z.array(tag),
	question: text,
	options: z.array(text),
	answerIndex: count,
	explanation: text,
	correction: z.optional(text)
});

const QuizRunSchema = z.object({
	id: z.string().check(z.maxLength(1000)),
	key: z.string().check(z.maxLength(1000)),
	params: z.object({
		tags: z.array(tag),
		exclude: z.array(tag),
		count: count,
		seconds: z.nullable(count),
		seed: z.string().check(z.maxLength(64)),
		deckHash: z.nullable(z.string().check(z.maxLength(64))),
		start: z.optional(count),
		scoring: z.optional(z.literal('accuracy'))
	}),
	deckHash: z.string().check(z.maxLength(64)),
	questions: z.array(QuizQuestionSchema),
	startedAt: count,
	index: count,
	phase: z.enum(['question', 'locked', 'finished']),
	shownAt: count,
	deadline: z.nullable(count),
	answers: z.array(
		z.object({
			cardId,
			choice: z.nullable(count),
			correct: z.boolean(),
			timedOut: z.boolean(),
			missed: z.optional(z.literal(true)),
			elapsedMs: count,
			points: z.number().check(z.nonnegative()),
			answeredAt: count
		})
	),
	finishedAt: z.optional(count),
	extraTime: z.optional(z.union([z.literal(1.5), z.literal(2)]))
});

const filterSchema = z.object({ tags: z.array(tag), exclude: z.array(tag), query: text });

/** Preferences the app reads back: checked here too, so a bad one cannot slip in. */
const knownPreferences: Record<string, z.ZodMiniType> = {
	lastFilter: filterSchema,
	deckHash: z.string().check(z.maxLength(64)),
	decks: z.array(
		z.object({
			name: z.string().check(z.minLength(1), z.maxLength(200)),
			tags: z.array(tag),
			exclude: z.array(tag)
		})
	),
	session: z.object({
		deck: z.string().check(z.maxLength(10_000)),
		practice: z.boolean(),
		cardId: z.optional(cardId),
		revealed: z.boolean(),
		picked: z.optional(count),
		lastReviewId: z.optional(z.int().check(z.positive())),
		remaining: z.optional(z.array(cardId))
	}),
	lastExport: z.object({ at: count })
};

const PreferenceSchema = z
	.object({ key: z.string().check(z.minLength(1), z.maxLength(200)), value: z.json() })
	.check(
		z.superRefine((pref, ctx) => {
			const schema = knownPreferences[pref.key];
			if (!schema) return;
			const result = schema.safeParse(pref.value);
			if (!result.success)
				for (const issue of result.error.issues)
					ctx.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path] });
		})
	);

function unique<T>(rows: T[], key: (row: T) => unknown, ctx: z.core.$RefinementCtx, table: string) {
	const seen = new Set<unknown>();
	rows.forEach((row, i) => {
		const k = key(row);
		if (seen.has(k))
			ctx.addIssue({ code: 'custom', message: `duplicate id ${String(k)}`, path: [table, i] });
		seen.add(k);
	});
}

const TablesSchema = z
	.object({
		preferences: z.array(PreferenceSchema),
		cards: z.array(CardRowSchema),
		reviews: z.array(ReviewRowSchema),
		flags: z.array(FlagRowSchema),
		quizRuns: z.array(QuizRunSchema)
	})
	.check(
		z.superRefine((t, ctx) => {
			unique(t.preferences, (r) => r.key, ctx, 'preferences');
			unique(t.cards, (r) => r.id, ctx, 'cards');
			unique(t.reviews, (r) => r.id, ctx, 'reviews');
			unique(t.flags, (r) => r.id, ctx, 'flags');
			unique(t.quizRuns, (r) => r.id, ctx, 'quizRuns');
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

export type ParseResult = { ok: true; backup: Backup } | { ok: false; message: string };

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

function describe(error: z.core.$ZodError): string {
	const lines = error.issues
		.slice(0, 5)
		.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
	const more = error.issues.length > 5 ? `\n(and ${error.issues.length - 5} more problems)` : '';
	return lines.join('\n') + more;
}

/** Checks a whole backup file; on success returns it with Dates restored. Never throws. */
export function parseBackup(text: string, maxBytes = MAX_BACKUP_BYTES): ParseResult {
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
			`This backup is damaged or incomplete, so nothing was changed:\n${describe(result.error)}`
		);
	return { ok: true, backup: result.data as Backup };
}
