import {
	createEmptyCard,
	fsrs,
	generatorParameters,
	Rating,
	State,
	type Card as FsrsCard,
	type FSRS,
	type Grade,
	type ReviewLog
} from 'ts-fsrs';
import type { SchedulerSettings } from './settings';

export { Rating, State, createEmptyCard };
export type { FsrsCard, Grade, ReviewLog };

/** An answer to record: which card, how well, when (a class quiz's answers, for instance). */
export interface ReviewEvent {
	cardId: string;
	grade: Grade;
	at: Date;
}

export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;
export const GRADE_LABELS: Record<Grade, string> = {
	[Rating.Again]: 'Again',
	[Rating.Hard]: 'Hard',
	[Rating.Good]: 'Good',
	[Rating.Easy]: 'Easy'
};

/**
 * ts-fsrs configured from the student's settings. `now` is always passed in.
 * @example const s = new Scheduler(settings); const { card, log } = s.answer(state, now, Rating.Good);
 */
export class Scheduler {
	readonly #fsrs: FSRS;
	readonly #maxDays: number;

	constructor(settings: SchedulerSettings) {
		this.#maxDays = settings.maximumInterval;
		this.#fsrs = fsrs(
			generatorParameters({
				request_retention: settings.desiredRetention,
				maximum_interval: settings.maximumInterval,
				learning_steps: settings.learningSteps,
				relearning_steps: settings.relearningSteps,
				enable_fuzz: settings.enableFuzz,
				enable_short_term: true
			})
		);
	}

	answer(card: FsrsCard, now: Date, grade: Grade): { card: FsrsCard; log: ReviewLog } {
		const { card: next, log } = this.#fsrs.next(card, now, grade);
		return { card: this.#capped(next, now), log };
	}

	/** What each grade would do, for the labels on the buttons. */
	preview(card: FsrsCard, now: Date): Record<Grade, FsrsCard> {
		const record = this.#fsrs.repeat(card, now);
		return {
			[Rating.Again]: this.#capped(record[Rating.Again].card, now),
			[Rating.Hard]: this.#capped(record[Rating.Hard].card, now),
			[Rating.Good]: this.#capped(record[Rating.Good].card, now),
			[Rating.Easy]: this.#capped(record[Rating.Easy].card, now)
		};
	}

	// ts-fsrs keeps Hard < Good < Easy by adding a day, which can pass maximum_interval
	#capped(card: FsrsCard, now: Date): FsrsCard {
		if (card.scheduled_days <= this.#maxDays) return card;
		const due = new Date(now.getTime() + this.#maxDays * 86_400_000);
		return { ...card, scheduled_days: this.#maxDays, due };
	}
}

/** An interval as Anki shows it on a button: 45s, 10m, 3h, 4d, 2.5mo, 1.2y. */
export function formatInterval(ms: number): string {
	const minutes = ms / 60_000;
	if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))}s`;
	if (minutes < 60) return `${Math.round(minutes)}m`;
	const hours = minutes / 60;
	if (hours < 24) return `${Math.round(hours)}h`;
	const days = hours / 24;
	if (days < 30) return `${Math.round(days)}d`;
	if (days < 365) return `${roundOne(days / 30)}mo`;
	return `${roundOne(days / 365)}y`;
}

const roundOne = (x: number) => String(Math.round(x * 10) / 10);
