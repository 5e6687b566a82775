/**
 * What the app stores, as one set of rules: the backup import checks a file with these schemas,
 * and the storage verbs check what they write with the same ones (loaded lazily, see
 * $lib/storage/checked.ts), so the app never keeps what its own import would refuse.
 * zod/mini (4 kB, not zod's 23 kB).
 */
import { z } from 'zod/mini';
import { MAX_QUERY, MAX_TAG, MAX_TAGS } from '$lib/content/tag-filter';
import { runProblem } from '$lib/quiz/run';
import { CARD_ID, NOTE_ID } from '$lib/content/ids';
import type { PreferenceKey, StoredPreference } from '$lib/storage/preferences';
import { STEP, type StepUnit } from '$lib/scheduler/settings';
import {
	MAX_KEY,
	MAX_NAME,
	MAX_PREFERENCE_CHARS,
	MAX_SAVED_DECKS,
	MAX_TEXT,
	MAX_TOKEN
} from '$lib/storage/limits';

const date = z.pipe(
	z.iso.datetime(),
	z.transform((s: string) => new Date(s))
);
const count = z.int().check(z.nonnegative());
const noteId = z.string().check(z.regex(NOTE_ID, 'not a note id'));
const cardId = z.string().check(z.regex(CARD_ID, 'not a card id'));
/** A tag of the deck (cards and questions carry these: see TAG_NAME in $lib/content/schema). */
const deckTag = z.string().check(z.regex(/^[\p{L}][\p{L}\p{N}_-]*$/u, 'not a tag name'));
/** A tag as a user wrote it in a link (normalizeTag in $lib/content/tag-filter): any word. */
const filterTag = z.string().check(z.minLength(1), z.maxLength(MAX_TAG));
const filterTags = z.array(filterTag).check(z.maxLength(MAX_TAGS));
const text = z.string().check(z.maxLength(MAX_TEXT));
const token = z.string().check(z.maxLength(MAX_TOKEN));
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

export const CardRowSchema = z.object({
	id: cardId,
	noteId,
	tags: z.array(deckTag),
	order: count,
	bucket: z.enum(['new', 'learning', 'review', 'off']),
	due: count,
	fsrs: FsrsCardSchema,
	suspended: z.boolean(),
	retired: z.boolean()
});

export const ReviewRowSchema = z.object({
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

/** A flag as the app writes it (the database gives it its id). */
export const NewFlagSchema = z.object({
	cardId,
	noteId,
	reason: z.enum(['wrong', 'unclear']),
	comment: text,
	createdAt: count
});
export const FlagRowSchema = z.extend(NewFlagSchema, { id: z.int().check(z.positive()) });

const QuizQuestionSchema = z.object({
	cardId,
	noteId,
	tags: z.array(deckTag),
	question: text,
	options: z.array(text),
	answerIndex: count,
	explanation: text,
	correction: z.optional(text)
});

export const QuizRunSchema = z
	.object({
		id: z.string().check(z.minLength(1), z.maxLength(MAX_KEY)),
		key: z.string().check(z.maxLength(MAX_KEY)),
		params: z.object({
			tags: filterTags,
			exclude: filterTags,
			count: count,
			seconds: z.nullable(count),
			seed: token,
			deckHash: z.nullable(token),
			// a paced class quiz (issue 14): its start in epoch seconds, and accuracy-only scoring
			start: z.optional(count),
			scoring: z.optional(z.literal('accuracy'))
		}),
		deckHash: token,
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
		countsAsReviews: z.optional(z.literal(true)),
		reviewsRecorded: z.optional(z.literal(true)),
		extraTime: z.optional(z.union([z.literal(1.5), z.literal(2)]))
	})
	.check(
		z.superRefine((run, ctx) => {
			const problem = runProblem(run);
			if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [] });
		})
	);

const filterSchema = z.object({
	tags: filterTags,
	exclude: filterTags,
	query: z.string().check(z.maxLength(MAX_QUERY))
});
const at = z.object({ at: count });
const steps = z.array(
	z.custom<StepUnit>((s) => typeof s === 'string' && STEP.test(s), 'not a step like 10m')
);
const range = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/**
 * The schema of every preference the app keeps: exactly the keys of the registry in
 * $lib/storage/preferences (the type checker refuses a missing or extra key, or a schema whose
 * output is not what the app reads). A key not listed is not the app's and is dropped on import.
 */
export const preferenceSchemas: {
	[K in PreferenceKey]: z.ZodMiniType<StoredPreference<K>>;
} = {
	lastFilter: filterSchema,
	deckHash: z.string().check(z.regex(/^[0-9a-f]{14}$/, 'not a deck hash')),
	decks: z
		.array(
			z.object({
				name: z.string().check(z.minLength(1), z.maxLength(MAX_NAME)),
				tags: filterTags,
				exclude: filterTags
			})
		)
		.check(z.maxLength(MAX_SAVED_DECKS)),
	session: z.object({
		deck: z.string().check(z.maxLength(MAX_KEY)),
		practice: z.boolean(),
		cardId: z.optional(cardId),
		revealed: z.boolean(),
		picked: z.optional(count),
		lastReviewId: z.optional(z.int().check(z.positive())),
		remaining: z.optional(z.array(cardId)),
		// the session's answers so far, for its summary ($lib/study/session.ts)
		tally: z.optional(z.object({ again: count, hard: count, good: count, easy: count, ms: count }))
	}),
	// the same ranges as normalizeSettings in $lib/scheduler/settings
	scheduler: z.object({
		desiredRetention: z.number().check(z.gte(0.8), z.lte(0.97)),
		maximumInterval: range(1, 36500),
		learningSteps: steps,
		relearningSteps: steps,
		newPerDay: range(0, 9999),
		reviewsPerDay: range(0, 99999),
		dayStartHour: range(0, 23),
		enableFuzz: z.boolean(),
		quizAnswersAreReviews: z.boolean()
	}),
	lastExport: at,
	exportReminderSnoozed: at,
	installChoice: z.object({
		outcome: z.enum(['accepted', 'dismissed', 'not-now']),
		at: count
	}),
	persistAsked: at,
	deviceId: z.int().check(z.gte(0), z.lte(0xffffffff)),
	nickname: z.string().check(z.maxLength(40))
};

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** zod/mini has no messages of its own ("Invalid input"): say what was wrong. */
function messageOf(issue: z.core.$ZodIssue): string {
	if (issue.message !== 'Invalid input') return issue.message;
	switch (issue.code) {
		case 'too_big':
			return `more than ${issue.maximum} ${issue.origin === 'string' ? 'characters' : issue.origin === 'array' ? 'items' : ''}`.trim();
		case 'too_small':
			return `less than ${issue.minimum} ${issue.origin === 'string' ? 'characters' : issue.origin === 'array' ? 'items' : ''}`.trim();
		case 'invalid_type':
			return `not ${issue.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}`;
		case 'invalid_value':
			return `not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
		case 'invalid_format':
			return `not a ${issue.format}`;
		default:
			return issue.message;
	}
}

/** The first problems of a failed check, one per line, each with where it is. */
export function describeIssues(error: z.core.$ZodError, prefix: (string | number)[] = []): string {
	const lines = error.issues
		.slice(0, 5)
		.map(
			(issue) =>
				`${[...prefix, ...issue.path].map(String).join('.') || '(top level)'}: ${messageOf(issue)}`
		);
	const more = error.issues.length > 5 ? `\n(and ${error.issues.length - 5} more problems)` : '';
	return lines.join('\n') + more;
}

/** Checks one preference's value against its key's schema. Never throws. */
export function checkPreference(key: string, value: unknown): Checked<unknown> {
	const schema = Object.hasOwn(preferenceSchemas, key)
		? preferenceSchemas[key as PreferenceKey]
		: undefined;
	if (!schema) return { ok: false, message: `"${key.slice(0, 80)}" is not a setting of this app` };
	const result = schema.safeParse(value);
	if (!result.success) return { ok: false, message: describeIssues(result.error, ['value']) };
	// measured after the check, which bounds how deep it is
	const size = JSON.stringify(result.data)?.length ?? 0;
	if (size > MAX_PREFERENCE_CHARS)
		return { ok: false, message: `its value is too large (${size} characters)` };
	return { ok: true, value: result.data };
}

/** Checks a row of a table with its schema, for a write. Never throws. */
export function checkRow<T>(schema: z.ZodMiniType<T>, row: unknown): Checked<T> {
	const result = schema.safeParse(row);
	return result.success
		? { ok: true, value: result.data }
		: { ok: false, message: describeIssues(result.error) };
}
