/**
 * The in-browser half of `npm run bench:study`: bundled by scripts/bench-study.ts and run in
 * Chromium, it fills IndexedDB through the app's storage module and times its verbs.
 */
import { db } from '../src/lib/storage/db';
import * as storage from '../src/lib/storage';
import {
	createEmptyCard,
	filterMembers,
	defaultSettings,
	Rating,
	Scheduler,
	State
} from '../src/lib/scheduler';
import type { CardRow, ReviewRow } from '../src/lib/storage/db';
import { seededRandom } from '../src/lib/quiz/random';
import type { TagFilter } from '../src/lib/content/tag-filter';

const DAY = 86_400_000;
const TAGS = Array.from({ length: 30 }, (_, i) => `tag${i}`);
const settings = { ...defaultSettings(), enableFuzz: false };

/**
 * 50,000 cards on 20,000 notes (new 10%, learning 1%, review 89% with due dates from a month
 * overdue to a year ahead) and 500,000 review rows, written in bulk.
 */
async function fill(cardCount: number, reviewCount: number, now: number): Promise<number> {
	const t0 = performance.now();
	await db.open();
	await Promise.all([db.cards.clear(), db.reviews.clear(), db.preferences.clear()]);
	// seeded: the same data on every run
	const rnd = seededRandom('bench-study');
	const rows: CardRow[] = [];
	for (let i = 0; i < cardCount; i++) {
		const noteId = `n${(i % 20_000).toString(16).padStart(10, '0')}`;
		const tags = [TAGS[Math.floor(rnd() * TAGS.length)]!, TAGS[Math.floor(rnd() * TAGS.length)]!];
		const r = rnd();
		const fsrs = createEmptyCard(new Date(now - 400 * DAY));
		let bucket: CardRow['bucket'] = 'new';
		if (r > 0.11) {
			const due = new Date(now + Math.floor((rnd() * 395 - 30) * DAY));
			Object.assign(fsrs, {
				state: State.Review,
				due,
				stability: 5 + rnd() * 100,
				difficulty: 3 + rnd() * 5,
				scheduled_days: 10,
				reps: 5,
				last_review: new Date(due.getTime() - 10 * DAY)
			});
			bucket = 'review';
		} else if (r > 0.1) {
			Object.assign(fsrs, {
				state: State.Learning,
				due: new Date(now + (rnd() * 120 - 60) * 60_000),
				stability: 1,
				difficulty: 5,
				reps: 1,
				learning_steps: 1,
				last_review: new Date(now - 3600_000)
			});
			bucket = 'learning';
		}
		rows.push({
			id: `${noteId}:recall:k${i}`,
			noteId,
			tags,
			order: i,
			bucket,
			due: bucket === 'new' ? 0 : fsrs.due.getTime(),
			fsrs,
			suspended: false,
			retired: false
		});
	}
	deckCards = rows.map((r) => ({ id: r.id, tags: r.tags }));
	for (let i = 0; i < rows.length; i += 10_000) await db.cards.bulkAdd(rows.slice(i, i + 10_000));

	const chunk = 50_000;
	for (let start = 0; start < reviewCount; start += chunk) {
		const reviews: ReviewRow[] = [];
		for (let i = start; i < Math.min(reviewCount, start + chunk); i++) {
			const card = rows[i % rows.length]!;
			// history: all before today, so it does not count against today's limits
			const review = new Date(now - (1 + Math.floor(rnd() * 365)) * DAY);
			reviews.push({
				cardId: card.id,
				noteId: card.noteId,
				rating: Rating.Good,
				state: State.Review,
				due: review,
				stability: 10,
				difficulty: 5,
				elapsed_days: 10,
				last_elapsed_days: 10,
				scheduled_days: 10,
				learning_steps: 0,
				review,
				reviewedAt: review.getTime(),
				before: card.fsrs
			});
		}
		await db.reviews.bulkAdd(reviews);
	}
	return performance.now() - t0;
}

// the deck as the app holds it in memory (deck.json): ids and tags
let deckCards: { id: string; tags: string[] }[] = [];

async function timeQueue(filter: TagFilter, now: number, runs: number): Promise<number[]> {
	// the study page works out the deck's members once per session (timeMembers)
	const members = filterMembers(deckCards, filter);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await storage.dueQueue(members, new Date(now), settings);
		times.push(performance.now() - t);
	}
	return times;
}

/**
 * What the study page does between a tap on Good and the next card: write the answer (card +
 * log, one transaction), rebuild the queue with the next card's row, preview its four intervals.
 */
async function timeAnswers(filter: TagFilter, start: number, runs: number): Promise<number[]> {
	const scheduler = new Scheduler(settings);
	const times: number[] = [];
	let now = start;
	const members = filterMembers(deckCards, filter);
	let queue = await storage.dueQueue(members, new Date(now), settings);
	for (let i = 0; i < runs && queue.cards.length; i++) {
		now += 5_000;
		const t = performance.now();
		await storage.answer(queue.cards[0]!.id, Rating.Good, new Date(now), scheduler);
		queue = await storage.dueQueue(members, new Date(now), settings);
		if (queue.first) scheduler.preview(queue.first.fsrs, new Date(now));
		times.push(performance.now() - t);
	}
	return times;
}

/** The deck list: counts for "All" and for each of the 30 tags, as the study page shows them. */
async function timeCounts(_filter: TagFilter, now: number, runs: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const cards = [...deckCards]; // as on a new page: no tag index yet
		const t = performance.now();
		const decks = [
			undefined,
			...TAGS.map((tag) => filterMembers(cards, { tags: [tag], exclude: [] }))
		];
		await storage.filterCounts(decks, new Date(now), settings);
		times.push(performance.now() - t);
	}
	return times;
}

async function timeMembers(filter: TagFilter, _now: number, runs: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		// a new list, as a new page has: its tag index is built on the first call
		const cards = [...deckCards];
		const t = performance.now();
		filterMembers(cards, filter);
		times.push(performance.now() - t);
	}
	return times;
}

/** The cards as deck.json lists them, for the study page phase. */
async function cardList(): Promise<{ id: string; noteId: string; tags: string[] }[]> {
	return (await db.cards.orderBy('[bucket+order]').toArray())
		.sort((a, b) => a.order - b.order)
		.map((r) => ({ id: r.id, noteId: r.noteId, tags: r.tags }));
}

Object.assign(globalThis, {
	bench: { fill, timeQueue, timeAnswers, timeMembers, timeCounts, cardList }
});
