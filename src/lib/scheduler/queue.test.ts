import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { buildQueue, summarizeToday, type QueueCard, type QueueInput } from './queue';

const now = new Date(2026, 10, 27, 10, 0);
const dayEnd = new Date(2026, 10, 28, 4, 0);
const min = 60_000;

const fresh = (n: number, note = `n${n}`): QueueCard => ({
	id: `${note}:recall:${n}`,
	noteId: note,
	state: State.New,
	due: 0
});
const review = (n: number, due: number): QueueCard => ({
	id: `r${n}:recall:a`,
	noteId: `r${n}`,
	state: State.Review,
	due
});
const learning = (n: number, due: number): QueueCard => ({
	id: `l${n}:recall:a`,
	noteId: `l${n}`,
	state: State.Learning,
	due
});

const input = (over: Partial<QueueInput>): QueueInput => ({
	learning: [],
	reviews: [],
	fresh: [],
	today: summarizeToday([]),
	limits: { newPerDay: 20, reviewsPerDay: 200 },
	now,
	dayEnd,
	...over
});

const ids = (q: { cards: QueueCard[] }) => q.cards.map((c) => c.id);

describe('buildQueue', () => {
	it('orders due learning cards, then reviews, then new cards', () => {
		const q = buildQueue(
			input({
				learning: [learning(1, now.getTime() - min)],
				reviews: [review(1, now.getTime() - 86400_000)],
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
				reviews: Array.from({ length: 10 }, (_, i) => review(i, now.getTime())),
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
			input({ learning: [learning(1, now.getTime())], fresh: [sibling, fresh(2)], today })
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
			input({ learning: [learning(1, now.getTime() + 5 * min)], fresh: [fresh(1)] })
		);
		expect(ids(q)).toEqual(['n1:recall:1']);
		expect(q.counts.learning).toBe(1);
		expect(q.nextDue).toEqual(new Date(now.getTime() + 5 * min));
	});

	it('learns ahead when nothing else is left', () => {
		const q = buildQueue(input({ learning: [learning(1, now.getTime() + 5 * min)] }));
		expect(ids(q)).toEqual(['l1:recall:a']);
	});

	it('does not learn ahead more than 20 minutes', () => {
		const q = buildQueue(input({ learning: [learning(1, now.getTime() + 30 * min)] }));
		expect(q.cards).toEqual([]);
		expect(q.nextDue).toEqual(new Date(now.getTime() + 30 * min));
	});

	it('leaves reviews due after the day ends out (callers pass reviews due today)', () => {
		const q = buildQueue(input({ learning: [learning(1, dayEnd.getTime() + min)] }));
		expect(q.counts.learning).toBe(0);
	});
});
