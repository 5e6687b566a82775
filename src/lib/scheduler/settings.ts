import type { StepUnit } from 'ts-fsrs';

export type { StepUnit };

/** What a student can tune on /settings. Stored as one preference; missing fields take defaults. */
export interface SchedulerSettings {
	/** Probability of recalling a card when it comes due (FSRS request_retention), 0.80-0.97. */
	desiredRetention: number;
	/** Longest interval in days. */
	maximumInterval: number;
	learningSteps: StepUnit[];
	relearningSteps: StepUnit[];
	newPerDay: number;
	reviewsPerDay: number;
	/** Local hour at which a new study day starts (Anki's "next day starts at"). */
	dayStartHour: number;
	/** Spreads due dates a little so cards learnt together do not stay together. Off in tests. */
	enableFuzz: boolean;
	/** A finished class quiz also counts as reviews (right = Good, wrong or timed out = Again). */
	quizAnswersAreReviews: boolean;
}

export const RETENTION_RANGE = { min: 0.8, max: 0.97 } as const;

export const defaultSettings = (): SchedulerSettings => ({
	desiredRetention: 0.9,
	maximumInterval: 36500,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	newPerDay: 20,
	reviewsPerDay: 200,
	dayStartHour: 4,
	enableFuzz: true,
	quizAnswersAreReviews: false
});

/** A learning step: a number of minutes, hours or days, e.g. 10m, 2h, 1d. */
export const STEP = /^\d+(\.\d+)?[mhd]$/;

/** Parses "1m 10m" (spaces or commas) into steps; undefined when a step is not like 10m, 2h, 1d. */
export function parseSteps(text: string): StepUnit[] | undefined {
	const steps = text.split(/[\s,]+/).filter(Boolean);
	return steps.every((s) => STEP.test(s)) ? (steps as StepUnit[]) : undefined;
}

/** Settings from anything stored: out-of-range or malformed values fall back to defaults. */
export function normalizeSettings(value: unknown): SchedulerSettings {
	const d = defaultSettings();
	if (typeof value !== 'object' || value === null) return d;
	const v = value as Record<string, unknown>;
	const int = (x: unknown, min: number, max: number, fallback: number) =>
		typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max ? x : fallback;
	const steps = (x: unknown, fallback: StepUnit[]) =>
		Array.isArray(x) && x.every((s) => typeof s === 'string' && STEP.test(s))
			? (x as StepUnit[])
			: fallback;
	const retention = v.desiredRetention;
	return {
		desiredRetention:
			typeof retention === 'number' &&
			retention >= RETENTION_RANGE.min &&
			retention <= RETENTION_RANGE.max
				? retention
				: d.desiredRetention,
		maximumInterval: int(v.maximumInterval, 1, 36500, d.maximumInterval),
		learningSteps: steps(v.learningSteps, d.learningSteps),
		relearningSteps: steps(v.relearningSteps, d.relearningSteps),
		newPerDay: int(v.newPerDay, 0, 9999, d.newPerDay),
		reviewsPerDay: int(v.reviewsPerDay, 0, 99999, d.reviewsPerDay),
		dayStartHour: int(v.dayStartHour, 0, 23, d.dayStartHour),
		enableFuzz: typeof v.enableFuzz === 'boolean' ? v.enableFuzz : d.enableFuzz,
		quizAnswersAreReviews:
			typeof v.quizAnswersAreReviews === 'boolean'
				? v.quizAnswersAreReviews
				: d.quizAnswersAreReviews
	};
}
