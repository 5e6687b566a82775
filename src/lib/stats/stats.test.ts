import { describe, expect, it } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import { dueForecast, masteryPerTag, quizScores, reviewsPerDay, trueRetention } from './stats';

// local times: study days start at 4 am local; 27 Nov 2026 is a Friday
const at = (m: number, d: number, h: number, min = 0) => new Date(2026, m - 1, d, h, min).getTime();
const now = new Date(at(11, 27, 10));

describe('reviewsPerDay', () => {
	const reviews = [
		at(11, 27, 9),
		at(11, 27, 3), // before 4 am: counts for the 26th
		at(11, 26, 23),
		at(11, 20, 12),
		at(11, 20, 13),
		at(11, 20, 14),
		at(11, 16, 3), // the 15th's study day: before the grid
		at(11, 15, 12)
	].map((reviewedAt) => ({ reviewedAt }));
	const map = reviewsPerDay(reviews, now, 4, 2);

	it('runs from the Monday a week before this one to today', () => {
		expect(map.days).toHaveLength(12);
		expect(map.days[0]).toMatchObject({ key: '2026-11-16', weekday: 0 });
		expect(map.days.at(-1)).toMatchObject({ key: '2026-11-27', weekday: 4 });
	});

	it('counts answers per study day, late-night ones for the evening before', () => {
		const counts = Object.fromEntries(map.days.filter((d) => d.count).map((d) => [d.key, d.count]));
		expect(counts).toEqual({ '2026-11-20': 3, '2026-11-26': 2, '2026-11-27': 1 });
		expect(map).toMatchObject({ total: 6, max: 3, activeDays: 3 });
	});

	it('shades days in four levels of the busiest day', () => {
		const level = (key: string) => map.days.find((d) => d.key === key)!.level;
		expect([
			level('2026-11-19'),
			level('2026-11-27'),
			level('2026-11-26'),
			level('2026-11-20')
		]).toEqual([0, 2, 3, 4]);
	});

	it('covers six months by default (26 weeks to today)', () => {
		const full = reviewsPerDay([], now, 4);
		expect(full.days).toHaveLength(25 * 7 + 5);
		expect(full.days[0]!.key).toBe('2026-06-01');
	});
});

describe('dueForecast', () => {
	it('puts overdue cards on today and splits days at 4 am', () => {
		const cards = [
			{ bucket: 'review', due: at(11, 20, 9) },
			{ bucket: 'learning', due: at(11, 27, 11) },
			{ bucket: 'review', due: at(11, 28, 3, 59) },
			{ bucket: 'review', due: at(11, 28, 4) },
			{ bucket: 'review', due: at(11, 29, 12) },
			{ bucket: 'review', due: at(12, 5, 12) },
			{ bucket: 'new', due: 0 },
			{ bucket: 'off', due: at(11, 27, 9) }
		];
		expect(dueForecast(cards, now, 4, 3).map((d) => [d.key, d.count])).toEqual([
			['2026-11-27', 3],
			['2026-11-28', 1],
			['2026-11-29', 1]
		]);
	});
});

describe('trueRetention', () => {
	const tags: Record<string, string[]> = { A: ['etcd'], B: ['etcd', 'rbac'], C: ['rbac'] };
	const r = (cardId: string, state: State, rating: Rating, when: number) => ({
		cardId,
		state,
		rating,
		reviewedAt: when
	});
	const log = [
		r('A', State.Review, Rating.Good, at(11, 26, 9)),
		r('A', State.Review, Rating.Again, at(11, 25, 9)),
		r('B', State.Review, Rating.Hard, at(11, 20, 9)),
		r('B', State.Learning, Rating.Again, at(11, 20, 8)),
		r('C', State.Review, Rating.Again, at(11, 1, 9)),
		r('C', State.Review, Rating.Good, at(10, 20, 9)),
		r('C', State.Relearning, Rating.Good, at(11, 1, 9, 10))
	];
	const result = trueRetention(log, (id) => tags[id] ?? [], now);

	it('counts only answers to cards in review, in the last 30 days', () => {
		expect(result.overall).toEqual({ passed: 2, total: 4, rate: 0.5 });
	});

	it('counts a card for each of its tags', () => {
		expect(result.perTag).toEqual([
			{ tag: 'etcd', passed: 2, total: 3, rate: 2 / 3 },
			{ tag: 'rbac', passed: 1, total: 2, rate: 0.5 }
		]);
	});

	it('has no rate without reviews', () => {
		expect(trueRetention([], () => [], now).overall).toEqual({ passed: 0, total: 0, rate: null });
	});
});

describe('masteryPerTag', () => {
	const c = (tags: string[], state: State, stability: number, retired = false) => ({
		tags,
		retired,
		fsrs: { state, stability }
	});
	it('counts cards with a stability of 21 days or more, and new cards, per tag', () => {
		expect(
			masteryPerTag([
				c(['etcd'], State.Review, 30),
				c(['etcd'], State.Review, 21),
				c(['etcd', 'rbac'], State.Review, 20.9),
				c(['rbac'], State.New, 0),
				c(['etcd'], State.New, 0, true),
				c(['rbac'], State.Learning, 2)
			])
		).toEqual([
			{ tag: 'etcd', cards: 3, mastered: 2, unseen: 0, share: 2 / 3 },
			{ tag: 'rbac', cards: 3, mastered: 0, unseen: 1, share: 0 }
		]);
	});
});

describe('quizScores', () => {
	it('lists finished quizzes oldest first with right answers and points', () => {
		const q = (n: number) => Array.from({ length: n }, () => ({}));
		const a = (correct: boolean, points: number) => ({ correct, points });
		expect(
			quizScores([
				{
					id: 'late',
					phase: 'finished',
					finishedAt: 200,
					questions: q(5),
					answers: [a(true, 100), a(true, 150), a(false, 0), a(true, 50), a(false, 0)]
				},
				{ id: 'open', phase: 'question', questions: q(5), answers: [] },
				{
					id: 'early',
					phase: 'finished',
					finishedAt: 100,
					questions: q(4),
					answers: [a(true, 10), a(true, 10), a(true, 10), a(true, 10)]
				}
			])
		).toEqual([
			{ id: 'early', finishedAt: 100, correct: 4, questions: 4, points: 40, share: 1 },
			{ id: 'late', finishedAt: 200, correct: 3, questions: 5, points: 300, share: 0.6 }
		]);
	});
});
