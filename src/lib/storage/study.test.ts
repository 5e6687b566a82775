import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '$lib/content/schema';
import {
	defaultSettings,
	filterMembers,
	Rating,
	Scheduler,
	State,
	type FilterMembers
} from '$lib/scheduler';
import { db } from './db';
import * as storage from './index';

const settings = { ...defaultSettings(), enableFuzz: false };
const scheduler = new Scheduler(settings);
// local times: the 4 am rollover is local
const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m);
const now = at(27, 10);

let noteSeq = 0;
function note(): string {
	return `n${(++noteSeq).toString(16).padStart(10, '0')}`;
}
function flashcard(noteId: string, key: string, tags: string[] = ['etcd']): Card {
	return { id: `${noteId}:recall:${key}`, noteId, tags, kind: 'recall', front: 'f', back: 'b' };
}
const deckOf = (cards: Card[], hash = 'aaaaaaaaaaaaaa') => ({ hash, cards });

beforeEach(async () => {
	await Promise.all([
		db.cards.clear(),
		db.reviews.clear(),
		db.flags.clear(),
		db.preferences.clear()
	]);
});

const queueIds = async (at = now, members?: FilterMembers, s = settings) =>
	(await storage.dueQueue(members, at, s)).cards.map((c) => c.id);

describe('syncDeck and dueQueue', () => {
	it('offers new cards in deck order up to the daily limit', async () => {
		const cards = Array.from({ length: 30 }, () => flashcard(note(), 'a'));
		await storage.syncDeck(deckOf(cards), now);
		const q = await storage.dueQueue(undefined, now, settings);
		expect(q.cards.map((c) => c.id)).toEqual(cards.slice(0, 20).map((c) => c.id));
		expect(q.counts).toEqual({ learning: 0, review: 0, new: 20 });
	});

	it('studies only the cards of a deck: any of its tags, none of its excluded tags', async () => {
		const etcd = flashcard(note(), 'a', ['etcd']);
		const rbac = flashcard(note(), 'a', ['rbac']);
		const trivia = flashcard(note(), 'a', ['etcd', 'trivia']);
		const other = flashcard(note(), 'a', ['network']);
		await storage.syncDeck(deckOf([etcd, rbac, trivia, other]), now);
		const deck = { tags: ['etcd', 'rbac'], exclude: ['trivia'], query: '' };
		const members = filterMembers([etcd, rbac, trivia, other], deck);
		expect(await queueIds(now, members)).toEqual([etcd.id, rbac.id]);
	});

	it('finds a small deck’s cards at the end of a long index range', async () => {
		const others = Array.from({ length: 300 }, () => flashcard(note(), 'a', ['net']));
		const rare = [flashcard(note(), 'a', ['crypto']), flashcard(note(), 'a', ['crypto'])];
		const cards = [...others, ...rare];
		await storage.syncDeck(deckOf(cards), now);
		const members = filterMembers(cards, { tags: ['crypto'], exclude: [] });
		expect(await queueIds(now, members)).toEqual(rare.map((c) => c.id));
	});

	it('reads on past many siblings held back to fill the daily limit', async () => {
		const busy = note();
		const siblings = Array.from({ length: 40 }, (_, i) => flashcard(busy, `k${i}`));
		const others = [flashcard(note(), 'a'), flashcard(note(), 'a')];
		const cards = [...siblings, ...others];
		await storage.syncDeck(deckOf(cards), now);
		const two = { ...settings, newPerDay: 3 };
		expect(await queueIds(now, undefined, two)).toEqual([
			siblings[0]!.id,
			...others.map((c) => c.id)
		]);
		const members = filterMembers(cards, { tags: ['etcd'], exclude: [] });
		expect((await storage.dueQueue(members, now, two)).counts.new).toBe(3);
	});

	it('counts several decks at once', async () => {
		const cards = [flashcard(note(), 'a', ['etcd']), flashcard(note(), 'a', ['rbac'])];
		await storage.syncDeck(deckOf(cards), now);
		const rbac = filterMembers(cards, { tags: ['rbac'], exclude: [] });
		const counts = await storage.filterCounts([undefined, rbac], now, settings);
		expect(counts.map((c) => c.new)).toEqual([2, 1]);
	});

	it('hands over the first card’s row with the queue', async () => {
		const cards = [flashcard(note(), 'a'), flashcard(note(), 'a')];
		await storage.syncDeck(deckOf(cards), now);
		const q = await storage.dueQueue(undefined, now, settings);
		expect(q.first).toEqual(await storage.card(cards[0]!.id));
	});

	it('shows a learning card early only when nothing else is left, up to 20 minutes', async () => {
		const [a, b] = [flashcard(note(), 'a'), flashcard(note(), 'a')];
		await storage.syncDeck(deckOf([a, b]), now);
		await storage.answer(a.id, Rating.Good, now, scheduler);
		const due = (await storage.card(a.id))!.due;
		expect(due - now.getTime()).toBe(10 * 60_000);
		// another card is left: a waits
		let q = await storage.dueQueue(undefined, now, settings);
		expect(q.cards.map((c) => c.id)).toEqual([b.id]);
		expect(q.counts.learning).toBe(1);
		expect(q.nextDue).toEqual(new Date(due));
		await storage.answer(b.id, Rating.Easy, now, scheduler);
		// nothing else left: a comes early, 10 minutes ahead
		q = await storage.dueQueue(undefined, now, settings);
		expect(q.cards.map((c) => c.id)).toEqual([a.id]);
		expect(q.nextDue).toBeUndefined();
		// 25 minutes ahead is too early: come back at its due time
		q = await storage.dueQueue(undefined, new Date(due - 25 * 60_000), settings);
		expect(q.cards).toEqual([]);
		expect(q.nextDue).toEqual(new Date(due));
		// due now
		expect(await queueIds(new Date(due))).toEqual([a.id]);
	});

	it('lists every studied card of a deck for practice, none suspended', async () => {
		const cards = [
			flashcard(note(), 'a', ['etcd']),
			flashcard(note(), 'a', ['rbac']),
			flashcard(note(), 'a', ['etcd'])
		];
		await storage.syncDeck(deckOf(cards), now);
		await storage.answer(cards[2]!.id, Rating.Easy, now, scheduler);
		await storage.suspend(cards[0]!.id);
		const etcd = filterMembers(cards, { tags: ['etcd'], exclude: [] });
		expect(await storage.filterCardIds(etcd)).toEqual([cards[2]!.id]);
		expect(await storage.filterCardIds(undefined)).toEqual([cards[2]!.id, cards[1]!.id]);
	});
});

describe('new-card limits per tag filter', () => {
	const tagged = (tag: string, n: number) =>
		Array.from({ length: n }, () => flashcard(note(), 'a', [tag]));

	it('leaves other filters their own daily new cards: 19 new #etcd cards leave #rbac its 20', async () => {
		const etcd = tagged('etcd', 25);
		const rbac = tagged('rbac', 25);
		const all = [...etcd, ...rbac];
		await storage.syncDeck(deckOf(all), now);
		for (const c of etcd.slice(0, 19)) await storage.answer(c.id, Rating.Easy, now, scheduler);
		const [e, r] = (['etcd', 'rbac'] as const).map((t) =>
			filterMembers(all, { tags: [t], exclude: [] })
		);
		expect((await storage.dueQueue(r, now, settings)).counts.new).toBe(20);
		expect((await storage.dueQueue(e, now, settings)).counts.new).toBe(1);
		// "All cards" has one limit for every card
		expect((await storage.dueQueue(undefined, now, settings)).counts.new).toBe(1);
		const counts = await storage.filterCounts([undefined, e, r], now, settings);
		expect(counts.map((c) => c.new)).toEqual([1, 1, 20]);
	});

	it('counts a card of two filters against both', async () => {
		const both = Array.from({ length: 5 }, () => flashcard(note(), 'a', ['etcd', 'rbac']));
		const rbac = tagged('rbac', 5);
		const all = [...both, ...rbac];
		await storage.syncDeck(deckOf(all), now);
		for (const c of both.slice(0, 3)) await storage.answer(c.id, Rating.Easy, now, scheduler);
		const r = filterMembers(all, { tags: ['rbac'], exclude: [] });
		const few = { ...settings, newPerDay: 4 };
		expect((await storage.dueQueue(r, now, few)).counts.new).toBe(1);
	});

	it('gives every filter its full limit again on the next study day', async () => {
		const etcd = tagged('etcd', 30);
		await storage.syncDeck(deckOf(etcd), now);
		for (const c of etcd.slice(0, 20)) await storage.answer(c.id, Rating.Easy, now, scheduler);
		const e = filterMembers(etcd, { tags: ['etcd'], exclude: [] });
		expect((await storage.dueQueue(e, now, settings)).counts.new).toBe(0);
		expect((await storage.dueQueue(e, at(28, 4), settings)).counts.new).toBe(10);
	});
});

describe('answer', () => {
	it('saves the study session in the answer’s transaction, pointing at this answer', async () => {
		const c = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([c]), now);
		const session = { deck: '?all', practice: false, revealed: false, lastReviewId: 99 };
		const id = await storage.answer(c.id, Rating.Good, now, scheduler, session);
		expect(await storage.session()).toEqual({ ...session, lastReviewId: id });
	});

	it('leaves the session as it was when the answer cannot be saved', async () => {
		const before = {
			deck: '?all',
			practice: false,
			cardId: 'n0000000001:recall:a',
			revealed: true
		};
		await storage.saveSession(before);
		const missing = 'n00000000ff:recall:a';
		await expect(
			storage.answer(missing, Rating.Good, now, scheduler, { ...before, revealed: false })
		).rejects.toThrow(/No card/);
		expect(await storage.session()).toEqual(before);
	});

	it('writes the new schedule and one review log row', async () => {
		const c = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([c]), now);
		await storage.answer(c.id, Rating.Good, now, scheduler);
		const row = await storage.card(c.id);
		expect(row?.fsrs.state).toBe(State.Learning);
		expect(row?.due).toBe(now.getTime() + 10 * 60_000);
		const logs = await storage.reviewsOf(c.id);
		expect(logs.map((l) => [l.rating, l.state])).toEqual([[Rating.Good, State.New]]);
	});

	it('moves a card from new to learning in the counts', async () => {
		const c = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([c, flashcard(note(), 'a')]), now);
		await storage.answer(c.id, Rating.Good, now, scheduler);
		const q = await storage.dueQueue(undefined, now, settings);
		expect(q.counts).toEqual({ learning: 1, review: 0, new: 1 });
	});

	it('writes nothing when the card is unknown', async () => {
		await expect(
			storage.answer('n0000000000:recall:x', Rating.Good, now, scheduler)
		).rejects.toThrow(/No card/);
		expect(await db.reviews.count()).toBe(0);
	});

	it('counts new cards answered today against the new-card limit', async () => {
		const cards = Array.from({ length: 5 }, () => flashcard(note(), 'a'));
		await storage.syncDeck(deckOf(cards), now);
		const limited = { ...settings, newPerDay: 3 };
		await storage.answer(cards[0]!.id, Rating.Easy, now, scheduler);
		const q = await storage.dueQueue(undefined, now, limited);
		expect(q.counts.new).toBe(2);
	});

	it('makes a note’s other card wait until tomorrow (4 am)', async () => {
		const n = note();
		const first = flashcard(n, 'a');
		const sibling = flashcard(n, 'b');
		await storage.syncDeck(deckOf([first, sibling]), now);
		await storage.answer(first.id, Rating.Easy, now, scheduler);
		expect(await queueIds(at(28, 3, 59))).toEqual([]);
		expect(await queueIds(at(28, 4, 0))).toEqual([sibling.id]);
	});

	it('resets the daily new-card limit at 4 am, not at midnight', async () => {
		const cards = Array.from({ length: 4 }, () => flashcard(note(), 'a'));
		await storage.syncDeck(deckOf(cards), now);
		const limited = { ...settings, newPerDay: 2 };
		await storage.answer(cards[0]!.id, Rating.Easy, at(27, 23), scheduler);
		await storage.answer(cards[1]!.id, Rating.Easy, at(28, 1), scheduler);
		expect((await storage.dueQueue(undefined, at(28, 2), limited)).counts.new).toBe(0);
		expect((await storage.dueQueue(undefined, at(28, 4), limited)).counts.new).toBe(2);
	});

	it('brings a review card back when it is due, in the review count', async () => {
		const c = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([c]), now);
		await storage.answer(c.id, Rating.Easy, now, scheduler);
		const row = await storage.card(c.id);
		expect(row?.fsrs.state).toBe(State.Review);
		const due = row!.fsrs.due;
		expect(
			(await storage.dueQueue(undefined, new Date(due.getTime() + 3600_000), settings)).counts
		).toEqual({ learning: 0, review: 1, new: 0 });
	});
});

describe('undo', () => {
	it('restores the card’s schedule and removes the log row', async () => {
		const c = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([c]), now);
		const before = await storage.card(c.id);
		const id = await storage.answer(c.id, Rating.Again, now, scheduler);
		expect(await storage.undo(id)).toBe(c.id);
		expect(await storage.card(c.id)).toEqual(before);
		expect(await storage.reviewsOf(c.id)).toEqual([]);
		expect(await queueIds()).toEqual([c.id]);
	});

	it('refuses to undo an answer that is not the card’s latest', async () => {
		const c = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([c]), now);
		const first = await storage.answer(c.id, Rating.Again, now, scheduler);
		await storage.answer(c.id, Rating.Good, at(27, 10, 2), scheduler);
		expect(await storage.undo(first)).toBeUndefined();
		expect(await storage.reviewsOf(c.id)).toHaveLength(2);
	});
});

describe('suspend and flag', () => {
	it('takes a suspended card out of the queue and brings it back when unsuspended', async () => {
		const c = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([c]), now);
		await storage.suspend(c.id);
		expect(await queueIds()).toEqual([]);
		expect(await storage.suspendedCards()).toEqual([c.id]);
		await storage.unsuspend(c.id);
		expect(await queueIds()).toEqual([c.id]);
		expect(await storage.suspendedCards()).toEqual([]);
	});

	it('keeps a reviewed card’s schedule through suspend and unsuspend', async () => {
		const [a, b] = [flashcard(note(), 'a'), flashcard(note(), 'a')];
		await storage.syncDeck(deckOf([a, b]), now);
		await storage.answer(a.id, Rating.Easy, now, scheduler);
		const before = await storage.card(a.id);
		await storage.suspend(a.id);
		await storage.suspend(b.id);
		// a card whose note was deleted is not listed: it cannot be studied again
		await storage.syncDeck(deckOf([a], 'bbbbbbbbbbbbbb'), now);
		expect(await storage.suspendedCards()).toEqual([a.id]);
		await storage.unsuspend(a.id);
		expect(await storage.card(a.id)).toEqual(before);
	});

	it('keeps flags with their comment for the author', async () => {
		const c = flashcard(note(), 'a');
		await storage.flag(c.id, c.noteId, 'unclear', '  which port? ', now);
		expect(await storage.flags()).toMatchObject([
			{ cardId: c.id, reason: 'unclear', comment: 'which port?' }
		]);
	});
});

describe('content updates keep progress', () => {
	it('keeps the schedule of kept ids, adds new ids as new, retires vanished ids with history', async () => {
		const kept = flashcard(note(), 'a');
		const gone = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([kept, gone]), now);
		await storage.answer(kept.id, Rating.Easy, now, scheduler);
		await storage.answer(gone.id, Rating.Easy, now, scheduler);
		const keptBefore = await storage.card(kept.id);

		const added = flashcard(note(), 'a');
		const result = await storage.syncDeck(
			deckOf([{ ...kept, tags: ['etcd', 'rbac'] }, added], 'bbbbbbbbbbbbbb'),
			now
		);
		expect(result).toEqual({ added: 1, retired: 1, kept: 1 });
		expect((await storage.card(kept.id))?.fsrs).toEqual(keptBefore?.fsrs);
		expect((await storage.card(kept.id))?.tags).toEqual(['etcd', 'rbac']);
		expect((await storage.card(gone.id))?.retired).toBe(true);
		expect(await storage.reviewsOf(gone.id)).toHaveLength(1);
		const later = new Date(now.getTime() + 400 * 86400_000);
		expect(await queueIds(later)).toEqual([kept.id, added.id]);
	});

	it('does nothing when the deck hash was synced already', async () => {
		const c = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([c]), now);
		expect(await storage.syncDeck(deckOf([c]), now)).toEqual({ added: 0, retired: 0, kept: 0 });
	});

	it('brings a retired card back with its schedule when its id returns', async () => {
		const c = flashcard(note(), 'a');
		await storage.syncDeck(deckOf([c]), now);
		await storage.answer(c.id, Rating.Easy, now, scheduler);
		await storage.syncDeck(deckOf([], 'bbbbbbbbbbbbbb'), now);
		await storage.syncDeck(deckOf([c], 'cccccccccccccc'), now);
		const row = await storage.card(c.id);
		expect([row?.retired, row?.bucket, row?.fsrs.state]).toEqual([false, 'review', State.Review]);
	});
});

describe('preferences', () => {
	it('stores settings, falling back to defaults for bad values', async () => {
		expect(await storage.settings()).toEqual(defaultSettings());
		await storage.saveSettings({ ...defaultSettings(), newPerDay: 5, desiredRetention: 0.99 });
		const s = await storage.settings();
		expect([s.newPerDay, s.desiredRetention]).toEqual([5, 0.9]);
	});

	it('saves, replaces and deletes named tag filters', async () => {
		await storage.saveFilter({ name: 'Exam', tags: ['etcd'], exclude: [] });
		await storage.saveFilter({ name: 'Exam', tags: ['etcd', 'rbac'], exclude: ['trivia'] });
		expect(await storage.savedFilters()).toEqual([
			{ name: 'Exam', tags: ['etcd', 'rbac'], exclude: ['trivia'] }
		]);
		await storage.deleteFilter('Exam');
		expect(await storage.savedFilters()).toEqual([]);
	});

	it('reads what the earlier app stored, under the same keys', async () => {
		// rows as the app before the storage split wrote them (existing devices, backups)
		const session = { deck: '?tags=etcd', practice: false, revealed: false, lastReviewId: 3 };
		await db.preferences.bulkPut([
			{ key: 'decks', value: [{ name: 'Exam', tags: ['etcd'], exclude: ['trivia'] }] },
			{ key: 'session', value: session },
			{ key: 'scheduler', value: { newPerDay: 7 } },
			{ key: 'lastFilter', value: { tags: ['rbac'], exclude: [], query: 'bind' } },
			{ key: 'installChoice', value: { outcome: 'not-now', at: 5 } },
			{ key: 'nickname', value: 'Ana' },
			{ key: 'deviceId', value: 12345 }
		]);
		expect(await storage.savedFilters()).toEqual([
			{ name: 'Exam', tags: ['etcd'], exclude: ['trivia'] }
		]);
		expect(await storage.session()).toEqual(session);
		expect((await storage.settings()).newPerDay).toBe(7);
		expect(await storage.lastFilter()).toEqual({ tags: ['rbac'], exclude: [], query: 'bind' });
		expect(await storage.installChoice()).toBe('not-now');
		expect(await storage.nickname()).toBe('Ana');
		expect(await storage.deviceId()).toBe(12345);
	});

	it('remembers where a session stands', async () => {
		const s = {
			deck: '?tags=etcd',
			practice: false,
			cardId: 'n0123456789:cloze:a',
			revealed: true
		};
		await storage.saveSession(s);
		expect(await storage.session()).toEqual(s);
	});
});
