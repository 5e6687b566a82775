import type { Card } from '$lib/content/schema';
import {
	buildQueue,
	createEmptyCard,
	learningRanges,
	normalizeSettings,
	Rating,
	Scheduler,
	State,
	studyDayEnd,
	studyDayStart,
	summarizeToday,
	type FsrsCard,
	type DeckMembers,
	type Grade,
	type LearningCards,
	type QueueCard,
	type SchedulerSettings,
	type StudyQueue,
	type TodaySummary
} from '$lib/scheduler';
import { reviewEvents } from '$lib/quiz/results';
import type { QuizRun } from '$lib/quiz/run';
import type { SavedSession } from '$lib/study/session';
import { db, type Bucket, type CardRow, type FlagRow, type ReviewRow } from './db';
import { writing } from './errors';
import { flagRow, loadRules, preferenceRow, quizRunRow } from './checked';
import { cut, MAX_NAME, MAX_TEXT } from './limits';
import { normalizeTags } from '$lib/content/tag-filter';

const DECK_HASH = 'deckHash';
const SETTINGS = 'scheduler';
const SAVED_DECKS = 'decks';
const SESSION = 'session';

export type { CardRow, FlagRow, ReviewRow };

function bucketOf(fsrs: FsrsCard, off: boolean): Bucket {
	if (off) return 'off';
	if (fsrs.state === State.New) return 'new';
	return fsrs.state === State.Review ? 'review' : 'learning';
}

function withSchedule(row: CardRow, fsrs: FsrsCard): CardRow {
	const bucket = bucketOf(fsrs, row.suspended || row.retired);
	return { ...row, fsrs, bucket, due: fsrs.state === State.New ? 0 : fsrs.due.getTime() };
}

export interface SyncResult {
	added: number;
	retired: number;
	kept: number;
}

/**
 * Brings the card table in line with the deck after a content update: cards whose ids still
 * exist keep their schedule, new ids arrive as new, vanished ids are retired (history kept).
 * Does nothing when the deck's hash was synced already.
 */
export async function syncDeck(
	deck: { hash: string; cards: Card[] },
	now: Date
): Promise<SyncResult> {
	const hashRow = preferenceRow(await loadRules(), DECK_HASH, deck.hash);
	return db.transaction('rw', db.cards, db.preferences, async () => {
		const result: SyncResult = { added: 0, retired: 0, kept: 0 };
		const synced = await db.preferences.get(DECK_HASH);
		// a hash with no cards (an old backup's) must not stop the sync for good
		const hasCards = deck.cards.length === 0 || (await db.cards.count()) > 0;
		if (synced?.value === deck.hash && hasCards) return result;
		const existing = new Map((await db.cards.toArray()).map((r) => [r.id, r]));
		const changed: CardRow[] = [];
		deck.cards.forEach((card, order) => {
			const row = existing.get(card.id);
			existing.delete(card.id);
			if (!row) {
				result.added++;
				const fsrs = createEmptyCard(now);
				changed.push({
					id: card.id,
					noteId: card.noteId,
					tags: card.tags,
					order,
					bucket: 'new',
					due: 0,
					fsrs,
					suspended: false,
					retired: false
				});
				return;
			}
			result.kept++;
			const same =
				!row.retired &&
				row.order === order &&
				row.noteId === card.noteId &&
				row.tags.join() === card.tags.join();
			if (!same) {
				const updated = { ...row, tags: card.tags, noteId: card.noteId, order, retired: false };
				changed.push(withSchedule(updated, row.fsrs));
			}
		});
		for (const row of existing.values()) {
			if (row.retired) continue;
			result.retired++;
			changed.push({ ...row, retired: true, bucket: 'off' });
		}
		await db.cards.bulkPut(changed);
		await db.preferences.put(hashRow);
		return result;
	});
}

export async function settings(): Promise<SchedulerSettings> {
	return normalizeSettings((await db.preferences.get(SETTINGS))?.value);
}

export async function saveSettings(value: SchedulerSettings): Promise<void> {
	await db.preferences.put(preferenceRow(await loadRules(), SETTINGS, normalizeSettings(value)));
}

async function todaySummary(now: Date, dayStartHour: number): Promise<TodaySummary> {
	const since = studyDayStart(now, dayStartHour).getTime();
	const until = studyDayEnd(now, dayStartHour).getTime();
	// bounded above too: a clock set back must not count later answers as today's
	const rows = await db.reviews.where('reviewedAt').between(since, until).toArray();
	return summarizeToday(rows);
}

// room for siblings held back by the one-card-per-note rule
const SIBLING_SLACK = 50;

const noteOf = (cardId: string) => cardId.slice(0, cardId.indexOf(':'));
const queueCard = (id: string): QueueCard => ({ id, noteId: noteOf(id) });

type Range = [from: number, to: number];
const ALL: Range = [-Infinity, Infinity];
/** Due times before the study day ends. */
const dueToday = (dayEnd: Date): Range => [-Infinity, dayEnd.getTime() - 1];

/**
 * Card ids from one index range (both ends included), in index order. Reads primary keys only
 * (IDBIndex.getAllKeys: no values to clone, no cursor), so building a queue reads no card rows.
 */
function rangeKeys(
	bucket: Bucket,
	index: 'due' | 'order',
	[from, to]: Range,
	limit = Infinity
): Promise<string[]> {
	if (from > to) return Promise.resolve([]);
	const range = db.cards
		.where(`[bucket+${index}]`)
		.between([bucket, from], [bucket, to], true, true);
	return (limit < Infinity ? range.limit(limit) : range).primaryKeys() as Promise<string[]>;
}

/** Up to `want` ids of a deck's cards from one index range, reading more while too few match. */
async function deckKeys(
	bucket: Bucket,
	index: 'due' | 'order',
	range: Range,
	members: DeckMembers | undefined,
	want: number
): Promise<string[]> {
	if (want <= 0) return [];
	if (!members) return rangeKeys(bucket, index, range, want);
	// enough keys for `want` members at the deck's share of cards, then more if unlucky
	for (let read = Math.ceil((want / Math.max(members.share, 0.001)) * 1.3) + 50; ; read *= 4) {
		const ids = await rangeKeys(bucket, index, range, read);
		const found = ids.filter((id) => members.ids.has(id));
		if (found.length >= want || ids.length < read) return found.slice(0, want);
	}
}

type LearningKeys = Record<keyof LearningCards, string[]>;

/** Learning cards due today, grouped as buildQueue wants them: three index range reads. */
async function learningKeys(now: Date, dayEnd: Date): Promise<LearningKeys> {
	const ranges = learningRanges(now, dayEnd);
	const [due, soon, later] = await Promise.all(
		[ranges.now, ranges.soon, ranges.later].map((r) => rangeKeys('learning', 'due', r))
	);
	return { now: due!, soon: soon!, later: later! };
}

/** A deck's share of some card ids, as queue cards (every id for "All"). */
function pick(ids: string[], members: DeckMembers | undefined): QueueCard[] {
	return (members ? ids.filter((id) => members.ids.has(id)) : ids).map(queueCard);
}

const learningOf = (keys: LearningKeys, members: DeckMembers | undefined): LearningCards => ({
	now: pick(keys.now, members),
	soon: pick(keys.soon, members),
	later: pick(keys.later, members)
});

/** A deck's queue, with what the study page needs next: the first card's row, when to come back. */
export interface DeckQueue extends StudyQueue {
	/** The row of `cards[0]`, read in the same transaction. */
	first?: CardRow;
	/** When the first learning card still waiting today is due. */
	nextDue?: Date;
}

/**
 * Today's queue for a deck: index range reads on [bucket+due] and [bucket+order] that return
 * card ids only, never a scan of the card table. `members` is the deck's card ids (from the tag
 * filter over deck.json), or undefined for every card.
 */
export async function dueQueue(
	members: DeckMembers | undefined,
	now: Date,
	options: SchedulerSettings
): Promise<DeckQueue> {
	const dayEnd = studyDayEnd(now, options.dayStartHour);
	return db.transaction('r', db.cards, db.reviews, async () => {
		const today = await todaySummary(now, options.dayStartHour);
		const reviewRoom = Math.max(0, options.reviewsPerDay - today.reviewsDone);
		const newRoom = Math.max(0, options.newPerDay - today.newDone);
		const [learning, reviews, fresh] = await Promise.all([
			learningKeys(now, dayEnd),
			deckKeys('review', 'due', dueToday(dayEnd), members, reviewRoom + SIBLING_SLACK),
			deckKeys('new', 'order', ALL, members, newRoom + SIBLING_SLACK)
		]);
		const queue = buildQueue({
			learning: learningOf(learning, members),
			reviews: reviews.map(queueCard),
			fresh: fresh.map(queueCard),
			today,
			limits: options
		});
		const [first, waiting] = await Promise.all(
			[queue.cards[0], queue.waiting].map((c) => (c ? db.cards.get(c.id) : undefined))
		);
		return { ...queue, first, nextDue: waiting ? new Date(waiting.due) : undefined };
	});
}

/** New / learning / due counts for several decks at once (the deck list): one read for all. */
export async function deckCounts(
	decks: (DeckMembers | undefined)[],
	now: Date,
	options: SchedulerSettings
): Promise<StudyQueue['counts'][]> {
	const dayEnd = studyDayEnd(now, options.dayStartHour);
	return db.transaction('r', db.cards, db.reviews, async () => {
		const today = await todaySummary(now, options.dayStartHour);
		const [learning, reviews, fresh] = await Promise.all([
			learningKeys(now, dayEnd),
			rangeKeys('review', 'due', dueToday(dayEnd)),
			rangeKeys('new', 'order', ALL)
		]);
		return decks.map(
			(members) =>
				buildQueue({
					learning: learningOf(learning, members),
					reviews: pick(reviews, members),
					fresh: pick(fresh, members),
					today,
					limits: options
				}).counts
		);
	});
}

/** Every card of a deck that is studied (not suspended or retired): for practice mode. */
export async function deckCardIds(members: DeckMembers | undefined): Promise<string[]> {
	return db.transaction('r', db.cards, async () => {
		const [learning, reviews, fresh] = await Promise.all([
			rangeKeys('learning', 'due', ALL),
			rangeKeys('review', 'due', ALL),
			rangeKeys('new', 'order', ALL)
		]);
		return [...learning, ...reviews, ...fresh].filter((id) => !members || members.ids.has(id));
	});
}

export async function card(id: string): Promise<CardRow | undefined> {
	return db.cards.get(id);
}

/**
 * Records an answer: the card's new schedule and the review log in one transaction.
 * Returns the review's id, for undo.
 */
export async function answer(
	cardId: string,
	grade: Grade,
	now: Date,
	scheduler: Scheduler
): Promise<number> {
	return writing(() =>
		db.transaction('rw', db.cards, db.reviews, async () => {
			const row = await db.cards.get(cardId);
			if (!row) throw new Error(`No card ${cardId} on this device: reload the app.`);
			return writeAnswer(row, grade, now, scheduler);
		})
	);
}

/** The card's new schedule and its review log; call inside a transaction on cards and reviews. */
async function writeAnswer(
	row: CardRow,
	grade: Grade,
	now: Date,
	scheduler: Scheduler
): Promise<number> {
	const { card: next, log } = scheduler.answer(row.fsrs, now, grade);
	await db.cards.put(withSchedule(row, next));
	const id = await db.reviews.add({
		...log,
		cardId: row.id,
		noteId: row.noteId,
		reviewedAt: log.review.getTime(),
		before: row.fsrs
	});
	return id as number;
}

/**
 * Counts a finished class quiz as reviews (right = Good, wrong or timed out = Again), once per
 * quiz: the reviews and the quiz's "recorded" mark are written in one transaction. Cards that are
 * suspended, retired or not on this device are left alone. Returns how many reviews were written.
 */
export async function recordQuizReviews(
	run: QuizRun,
	deck: { hash: string; cards: Card[] },
	scheduler: Scheduler,
	now: Date
): Promise<number> {
	await syncDeck(deck, now);
	const rules = await loadRules();
	return db.transaction('rw', db.cards, db.reviews, db.quizRuns, async () => {
		const stored = await db.quizRuns.get(run.id);
		if (stored?.reviewsRecorded) return 0;
		let written = 0;
		for (const event of reviewEvents(run)) {
			const row = await db.cards.get(event.cardId);
			if (!row || row.suspended || row.retired) continue;
			await writeAnswer(
				row,
				event.correct ? Rating.Good : Rating.Again,
				event.answeredAt,
				scheduler
			);
			written++;
		}
		await db.quizRuns.put(quizRunRow(rules, { ...(stored ?? run), reviewsRecorded: true }));
		return written;
	});
}

/**
 * Takes back an answer: the card gets its earlier schedule and the log row goes. Only the
 * card's latest answer can be undone; returns the card id, or undefined when nothing changed.
 */
export async function undo(reviewId: number): Promise<string | undefined> {
	return db.transaction('rw', db.cards, db.reviews, async () => {
		const review = await db.reviews.get(reviewId);
		if (!review) return undefined;
		const latest = await db.reviews.where('cardId').equals(review.cardId).last();
		if (latest?.id !== reviewId) return undefined;
		const row = await db.cards.get(review.cardId);
		if (row) await db.cards.put(withSchedule(row, review.before));
		await db.reviews.delete(reviewId);
		return review.cardId;
	});
}

export async function reviewsOf(cardId: string): Promise<ReviewRow[]> {
	return db.reviews.where('cardId').equals(cardId).sortBy('id');
}

async function setSuspended(cardId: string, suspended: boolean): Promise<void> {
	await db.transaction('rw', db.cards, async () => {
		const row = await db.cards.get(cardId);
		if (row) await db.cards.put(withSchedule({ ...row, suspended }, row.fsrs));
	});
}

/** Ids of the suspended cards still in the deck, for the list to unsuspend them from. */
export async function suspendedCards(): Promise<string[]> {
	const off = await db.cards
		.where('[bucket+due]')
		.between(['off', -Infinity], ['off', Infinity])
		.toArray();
	return off.filter((r) => r.suspended && !r.retired).map((r) => r.id);
}

/** Takes a card out of study until unsuspended; its schedule is kept. */
export const suspend = (cardId: string) => setSuspended(cardId, true);
export const unsuspend = (cardId: string) => setSuspended(cardId, false);

export async function flag(
	cardId: string,
	noteId: string,
	reason: FlagRow['reason'],
	comment: string,
	now: Date
): Promise<void> {
	const row = flagRow(await loadRules(), {
		cardId,
		noteId,
		reason,
		comment: cut(comment.trim(), MAX_TEXT),
		createdAt: now.getTime()
	});
	await db.flags.add(row);
}

export async function flags(): Promise<FlagRow[]> {
	return db.flags.orderBy('createdAt').toArray();
}

/** A deck the student saved: a name and a tag filter. */
export interface SavedDeck {
	name: string;
	tags: string[];
	exclude: string[];
}

export async function savedDecks(): Promise<SavedDeck[]> {
	const value = (await db.preferences.get(SAVED_DECKS))?.value;
	return Array.isArray(value) ? (value as SavedDeck[]) : [];
}

/** A deck's name as it is saved: trimmed, at most MAX_NAME characters. */
export const deckNameOf = (name: string) => cut(name.trim(), MAX_NAME).trim();

/** Saves (or replaces, by name) a deck; its name is cut to MAX_NAME characters. */
export async function saveDeck(deck: SavedDeck): Promise<void> {
	const saved = storableDeck(deck);
	await changeDecks((decks) => [...decks.filter((d) => d.name !== saved.name), saved]);
}

export async function deleteDeck(name: string): Promise<void> {
	await changeDecks((decks) => decks.filter((d) => d.name !== name));
}

function storableDeck(deck: SavedDeck): SavedDeck {
	return {
		name: deckNameOf(deck.name),
		tags: normalizeTags(deck.tags),
		exclude: normalizeTags(deck.exclude)
	};
}

/** Decks saved before these limits existed are brought within them on the next change. */
async function changeDecks(change: (decks: SavedDeck[]) => SavedDeck[]): Promise<void> {
	const rules = await loadRules();
	await db.transaction('rw', db.preferences, async () => {
		const decks = (await savedDecks()).map(storableDeck).filter((d) => d.name);
		await db.preferences.put(preferenceRow(rules, SAVED_DECKS, change(decks)));
	});
}

/** Where a study session stands, so closing the app and reopening it continues there. */
export type StudySession = SavedSession;

export async function saveSession(session: StudySession): Promise<void> {
	await db.preferences.put(preferenceRow(await loadRules(), SESSION, session));
}

export async function session(): Promise<StudySession | undefined> {
	return (await db.preferences.get(SESSION))?.value as StudySession | undefined;
}
