/**
 * The figures on /stats, from rows read out of storage. Pure: `now` and the day's start hour
 * are inputs, days are study days (see $lib/scheduler/day).
 * @example reviewsPerDay(reviews, now, 4).days.at(-1) // { key: '2026-11-27', count: 12, ... }
 */
import { Rating, State } from 'ts-fsrs';
import { studyDayKey, studyDayStart } from '$lib/scheduler/day';

const DAY_MS = 86_400_000;

/** Days after `start` (local calendar days, so a DST change does not shift them). */
function addDays(start: Date, days: number): Date {
	return new Date(start.getFullYear(), start.getMonth(), start.getDate() + days, start.getHours());
}

export interface DayCount {
	/** `YYYY-MM-DD` of the study day. */
	key: string;
	count: number;
	/** 0 = Monday … 6 = Sunday. */
	weekday: number;
	/** 0 (none) to 4 (the busiest days). */
	level: number;
}

export interface Heatmap {
	days: DayCount[];
	total: number;
	max: number;
	/** Days with at least one answer. */
	activeDays: number;
}

const level = (count: number, max: number) => (count === 0 ? 0 : Math.ceil((count / max) * 4));

/**
 * Answers per study day from the Monday `weeks - 1` weeks before this week's to today:
 * 26 weeks is the last six months.
 */
export function reviewsPerDay(
	reviews: { reviewedAt: number }[],
	now: Date,
	dayStartHour: number,
	weeks = 26
): Heatmap {
	const today = studyDayStart(now, dayStartHour);
	const weekday = (today.getDay() + 6) % 7;
	const first = addDays(today, -weekday - (weeks - 1) * 7);
	const counts = new Map<string, number>();
	for (const r of reviews) {
		if (r.reviewedAt < first.getTime() || r.reviewedAt > now.getTime()) continue;
		const key = studyDayKey(new Date(r.reviewedAt), dayStartHour);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const days: DayCount[] = [];
	for (let i = 0; i <= weekday + (weeks - 1) * 7; i++) {
		const key = studyDayKey(addDays(first, i), dayStartHour);
		days.push({ key, count: counts.get(key) ?? 0, weekday: i % 7, level: 0 });
	}
	const max = Math.max(0, ...days.map((d) => d.count));
	for (const d of days) d.level = level(d.count, max);
	return {
		days,
		max,
		total: days.reduce((s, d) => s + d.count, 0),
		activeDays: days.filter((d) => d.count > 0).length
	};
}

/**
 * Cards coming due on each of the next `days` study days; today's count includes every card
 * already overdue. Suspended and retired cards (bucket `off`) and new cards are left out.
 */
export function dueForecast(
	cards: { bucket: string; due: number }[],
	now: Date,
	dayStartHour: number,
	days = 30
): DayCount[] {
	const today = studyDayStart(now, dayStartHour);
	const ends = Array.from({ length: days }, (_, i) => addDays(today, i + 1).getTime());
	const counts = new Array<number>(days).fill(0);
	for (const c of cards) {
		if (c.bucket !== 'review' && c.bucket !== 'learning') continue;
		const i = ends.findIndex((end) => c.due < end);
		if (i >= 0) counts[i]!++;
	}
	const max = Math.max(0, ...counts);
	return counts.map((count, i) => {
		const day = addDays(today, i);
		return {
			key: studyDayKey(day, dayStartHour),
			count,
			weekday: (day.getDay() + 6) % 7,
			level: level(count, max)
		};
	});
}

export interface Retention {
	/** Answers to cards in review (not learning) that were not "Again". */
	passed: number;
	total: number;
	/** passed / total, or null with no reviews. */
	rate: number | null;
}

export interface TagRetention extends Retention {
	tag: string;
}

const rateOf = (passed: number, total: number): Retention => ({
	passed,
	total,
	rate: total ? passed / total : null
});

/**
 * True retention (Anki's term) over the last `days` days: of the answers to cards that were
 * in review, the share not forgotten (rated other than Again). Learning steps do not count.
 * Per tag uses each card's tags; a card with two tags counts for both.
 */
export function trueRetention(
	reviews: { cardId: string; reviewedAt: number; rating: number; state: number }[],
	tagsOf: (cardId: string) => readonly string[],
	now: Date,
	days = 30
): { overall: Retention; perTag: TagRetention[] } {
	const since = now.getTime() - days * DAY_MS;
	let passed = 0;
	let total = 0;
	const tags = new Map<string, { passed: number; total: number }>();
	for (const r of reviews) {
		if (r.reviewedAt < since || r.reviewedAt > now.getTime() || r.state !== State.Review) continue;
		const ok = r.rating !== Rating.Again ? 1 : 0;
		total++;
		passed += ok;
		for (const tag of tagsOf(r.cardId)) {
			const t = tags.get(tag) ?? { passed: 0, total: 0 };
			t.total++;
			t.passed += ok;
			tags.set(tag, t);
		}
	}
	const perTag = [...tags]
		.map(([tag, t]) => ({ tag, ...rateOf(t.passed, t.total) }))
		.sort((a, b) => a.tag.localeCompare(b.tag));
	return { overall: rateOf(passed, total), perTag };
}

/** A card is mastered once FSRS expects it to stay 90% recallable for three weeks or more. */
export const MASTERED_STABILITY_DAYS = 21;

export interface TagMastery {
	tag: string;
	cards: number;
	mastered: number;
	/** New cards, never answered. */
	unseen: number;
	/** mastered / cards. */
	share: number;
}

/** Per tag, how many cards are mastered and how many not yet seen. Retired cards are left out. */
export function masteryPerTag(
	cards: { tags: string[]; retired: boolean; fsrs: { state: number; stability: number } }[]
): TagMastery[] {
	const tags = new Map<string, TagMastery>();
	for (const c of cards) {
		if (c.retired) continue;
		for (const tag of c.tags) {
			const t = tags.get(tag) ?? { tag, cards: 0, mastered: 0, unseen: 0, share: 0 };
			t.cards++;
			if (c.fsrs.state === State.New) t.unseen++;
			else if (c.fsrs.stability >= MASTERED_STABILITY_DAYS) t.mastered++;
			tags.set(tag, t);
		}
	}
	return [...tags.values()]
		.map((t) => ({ ...t, share: t.mastered / t.cards }))
		.sort((a, b) => a.tag.localeCompare(b.tag));
}

export interface QuizScore {
	id: string;
	finishedAt: number;
	correct: number;
	questions: number;
	points: number;
	/** correct / questions. */
	share: number;
}

/** Finished quizzes, oldest first, with how many answers were right. */
export function quizScores(
	runs: {
		id: string;
		phase: string;
		finishedAt?: number;
		questions: unknown[];
		answers: { correct: boolean; points: number }[];
	}[]
): QuizScore[] {
	return runs
		.filter((r) => r.phase === 'finished' && r.finishedAt !== undefined && r.questions.length)
		.map((r) => {
			const correct = r.answers.filter((a) => a.correct).length;
			return {
				id: r.id,
				finishedAt: r.finishedAt!,
				correct,
				questions: r.questions.length,
				points: r.answers.reduce((s, a) => s + a.points, 0),
				share: correct / r.questions.length
			};
		})
		.sort((a, b) => a.finishedAt - b.finishedAt);
}
