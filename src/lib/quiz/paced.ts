import type { QuizParams } from './params';

/**
 * Paced quizzes: with no server, every device derives where the class is from its own clock.
 * Question i is open from `start + i * (t + gap)` for `t` seconds; the gap after it is when the
 * projector shows the answer. A device whose clock is wrong cannot notice by itself: the phone
 * shows "starts in m:ss" and the projector the time of day, so a wrong clock is visible.
 */

/** Seconds between one question closing and the next opening: the projector shows the answer. */
export const PACED_GAP_SECONDS = 10;

export interface PacedSchedule {
	/** Epoch milliseconds of question 1. */
	startMs: number;
	limitMs: number;
	gapMs: number;
	count: number;
}

/** Where a paced class is at one instant. */
export type PacedMoment =
	| { phase: 'waiting'; startsInMs: number }
	| { phase: 'question'; index: number; closesAt: number; remainingMs: number }
	| { phase: 'reveal'; index: number; nextAt: number; remainingMs: number }
	| { phase: 'finished' };

/** The schedule of a paced quiz link with `count` questions; null for a self-paced one. */
export function pacedSchedule(
	params: Pick<QuizParams, 'start' | 'seconds'>,
	count: number
): PacedSchedule | null {
	if (params.start === undefined || params.seconds === null) return null;
	return {
		startMs: params.start * 1000,
		limitMs: params.seconds * 1000,
		gapMs: PACED_GAP_SECONDS * 1000,
		count
	};
}

/** When question `index` (0-based) opens. */
export function opensAt(schedule: PacedSchedule, index: number): number {
	return schedule.startMs + index * (schedule.limitMs + schedule.gapMs);
}

/**
 * Where the class is at `now` (epoch ms).
 * @example pacedMoment({ startMs: 0, limitMs: 20_000, gapMs: 10_000, count: 5 }, 35_000)
 * // { phase: 'question', index: 1, closesAt: 50_000, remainingMs: 15_000 }
 */
export function pacedMoment(schedule: PacedSchedule, now: number): PacedMoment {
	if (now < schedule.startMs) return { phase: 'waiting', startsInMs: schedule.startMs - now };
	const slot = schedule.limitMs + schedule.gapMs;
	const index = Math.floor((now - schedule.startMs) / slot);
	if (index >= schedule.count) return { phase: 'finished' };
	const closesAt = opensAt(schedule, index) + schedule.limitMs;
	if (now < closesAt) return { phase: 'question', index, closesAt, remainingMs: closesAt - now };
	const nextAt = opensAt(schedule, index + 1);
	return { phase: 'reveal', index, nextAt, remainingMs: nextAt - now };
}

/** The question the class is on at `now`: 0 before the start, `count` once it is over. */
export function scheduledIndex(schedule: PacedSchedule, now: number): number {
	const moment = pacedMoment(schedule, now);
	if (moment.phase === 'waiting') return 0;
	if (moment.phase === 'finished') return schedule.count;
	return moment.index;
}

/** "2:05" for a wait shown to people: whole seconds, rounded up so 0:00 means now. */
export function minutesSeconds(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
