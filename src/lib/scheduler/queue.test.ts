import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import {
	buildQueue,
	LEARN_AHEAD_MS,
	learningRanges,
	summarizeToday,
	todayInFilter,
	type QueueCard,
	type QueueInput
} from './queue';

const now = new Date(2026, 10, 27, 10, 0);
const dayEnd = new Date(2026, 10, 28, 4, 0);
const min = 60_000;

const fresh = (n: number, note = `n${n}`): QueueCard => ({
	id: `${note}:recall:${n}`,
	noteId: note
});
const review = (n: number): QueueCard => ({ id: `r${n}:recall:a`, noteId: `r${n}` });
const learning = (n: number): QueueCard => ({ id: `l${n}:recall:a`, noteId: `l${n}` });
const noLearning = { now: [], soon: [], later: [] };

const input = (over: Partial<QueueInput>): QueueInput => ({
	learning: noLearning,
	reviews: [],
	fresh: [],
	today: summarizeToday([]),
	limits: { newPerDay: 20, reviewsPerDay: 200 },
	...over
});

const ids = (q: { cards: QueueCard[] }) => q.cards.map((c) => c.id);

describe('buildQueue', () => {
	it('orders due learning cards, then reviews, then new cards', () => {
		const q = buildQueue(
			input({
				learning: { ...noLearning, now: [learning(1)] },
				reviews: [review(1)],
				fresh: [fresh(1)]
			})
		);
		expect(ids(q)).toEqual(['l1:recall:a', 'r1:recall:a', 'n1:recall:1']);
	});

	it('caps new cards at the daily limit minus those already introduced today', () => {
		const today = summarizeToday([
			{ cardId: 'x:recall:1', noteId: 'x', state: State.New },
			{ cardId: 'y:recall:1', noteId: 'y', state: State.New }
		]);
		const q = buildQueue(
			input({
				fresh: Array.from({ length: 10 }, (_, i) => fresh(i)),
				limits: { newPerDay: 5, reviewsPerDay: 200 },
				today
			})
		);
		expect(q.cards).toHaveLength(3);
		expect(q.counts.new).toBe(3);
	});

	it('caps reviews at the daily limit minus reviews done today', () => {
		const today = summarizeToday([{ cardId: 'z:recall:1', noteId: 'z', state: State.Review }]);
		const q = buildQueue(
			input({
				reviews: Array.from({ length: 10 }, (_, i) => review(i)),
				limits: { newPerDay: 20, reviewsPerDay: 4 },
				today
			})
		);
		expect(q.counts.review).toBe(3);
	});

	it('counts a new card answered twice today once against the new limit', () => {
		const today = summarizeToday([
			{ cardId: 'x:recall:1', noteId: 'x', state: State.New },
			{ cardId: 'x:recall:1', noteId: 'x', state: State.Learning }
		]);
		expect(today.newDone).toBe(1);
		expect(today.reviewsDone).toBe(0);
	});

	it('shows only one card of a note: siblings wait', () => {
		const q = buildQueue(input({ fresh: [fresh(1, 'n1'), fresh(2, 'n1'), fresh(3, 'n2')] }));
		expect(ids(q)).toEqual(['n1:recall:1', 'n2:recall:3']);
	});

	it('holds back siblings of a note studied earlier today, but not the card itself', () => {
		const today = summarizeToday([{ cardId: 'l1:recall:a', noteId: 'l1', state: State.New }]);
		const sibling: QueueCard = { ...fresh(9), id: 'l1:cloze:b', noteId: 'l1' };
		const q = buildQueue(
			input({ learning: { ...noLearning, now: [learning(1)] }, fresh: [sibling, fresh(2)], today })
		);
		expect(ids(q)).toEqual(['l1:recall:a', 'n2:recall:2']);
	});

	it('does not let a sibling held back use up the new limit', () => {
		const today = summarizeToday([{ cardId: 'n1:recall:1', noteId: 'n1', state: State.Review }]);
		const q = buildQueue(
			input({
				fresh: [fresh(2, 'n1'), fresh(3), fresh(4)],
				limits: { newPerDay: 2, reviewsPerDay: 200 },
				today
			})
		);
		expect(ids(q)).toEqual(['n3:recall:3', 'n4:recall:4']);
	});

	it('keeps learning cards due later today out of the queue while other cards remain', () => {
		const q = buildQueue(
			input({ learning: { ...noLearning, soon: [learning(1)] }, fresh: [fresh(1)] })
		);
		expect(ids(q)).toEqual(['n1:recall:1']);
		expect(q.counts.learning).toBe(1);
		expect(q.waiting?.id).toBe('l1:recall:a');
	});

	it('learns ahead when nothing else is left, waiting for the cards due later', () => {
		const q = buildQueue(
			input({ learning: { now: [], soon: [learning(1)], later: [learning(2)] } })
		);
		expect(ids(q)).toEqual(['l1:recall:a']);
		expect(q.waiting?.id).toBe('l2:recall:a');
		expect(q.counts.learning).toBe(2);
	});

	it('does not learn ahead cards due later than the window', () => {
		const q = buildQueue(input({ learning: { ...noLearning, later: [learning(1)] } }));
		expect(q.cards).toEqual([]);
		expect(q.waiting?.id).toBe('l1:recall:a');
	});

	it('applies the sibling rule to learning cards too, earliest first', () => {
		const sibling: QueueCard = { id: 'l1:cloze:b', noteId: 'l1' };
		const q = buildQueue(
			input({ learning: { now: [learning(1)], soon: [], later: [sibling, learning(2)] } })
		);
		expect(q.counts.learning).toBe(2);
		expect(q.waiting?.id).toBe('l2:recall:a');
	});
});

describe('learningRanges', () => {
	const ranges = learningRanges(now, dayEnd);

	it('splits today into due now, due within the learn-ahead window and later, with no gap', () => {
		expect(ranges.now[1]).toBe(now.getTime());
		expect(ranges.soon).toEqual([now.getTime() + 1, now.getTime() + LEARN_AHEAD_MS]);
		expect(ranges.later).toEqual([now.getTime() + LEARN_AHEAD_MS + 1, dayEnd.getTime() - 1]);
		expect(LEARN_AHEAD_MS).toBe(20 * min);
	});

	it('ends every range before the next study day', () => {
		const late = new Date(dayEnd.getTime() - 5 * min);
		const r = learningRanges(late, dayEnd);
		expect(r.soon).toEqual([late.getTime() + 1, dayEnd.getTime() - 1]);
		expect(r.later[0]).toBeGreaterThan(r.later[1]);
	});
});

describe('todayInFilter', () => {
	const today = summarizeToday([
		{ cardId: 'e1:recall:a', noteId: 'e1', state: State.New },
		{ cardId: 'e2:recall:a', noteId: 'e2', state: State.New },
		{ cardId: 'e2:recall:a', noteId: 'e2', state: State.Learning },
		{ cardId: 'r1:recall:a', noteId: 'r1', state: State.New },
		{ cardId: 'x1:recall:a', noteId: 'x1', state: State.Review }
	]);
	const members = (ids: string[]) => ({ ids: new Set(ids), share: 0.5 });

	it('counts only the filter’s own new cards against its limit', () => {
		expect(todayInFilter(today, members(['r1:recall:a', 'r2:recall:a'])).newDone).toBe(1);
		expect(todayInFilter(today, members(['e1:recall:a', 'e2:recall:a'])).newDone).toBe(2);
		expect(todayInFilter(today, members(['z:recall:a'])).newDone).toBe(0);
	});

	it('counts every new card for "All cards"', () => {
		expect(todayInFilter(today, undefined).newDone).toBe(3);
	});

	it('keeps the shared review count and the sibling rule across filters', () => {
		const r = todayInFilter(today, members(['r1:recall:a']));
		expect(r.reviewsDone).toBe(1);
		expect(r.notesSeen.has('e1')).toBe(true);
	});

	it('gives a filter with 19 of 20 used elsewhere its full limit (the bug: "1 new" everywhere)', () => {
		const etcd = Array.from({ length: 19 }, (_, i) => ({
			cardId: `e${i}:recall:a`,
			noteId: `e${i}`,
			state: State.New
		}));
		const q = buildQueue(
			input({
				fresh: Array.from({ length: 30 }, (_, i) => fresh(i, `r${i}`)),
				today: todayInFilter(summarizeToday(etcd), members([])),
				limits: { newPerDay: 20, reviewsPerDay: 200 }
			})
		);
		expect(q.counts.new).toBe(20);
	});
});
