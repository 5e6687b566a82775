/**
 * Today's cards of a tag filter, read through the [bucket+due] and [bucket+order] indexes as
 * card ids only: building a queue never scans or clones card rows.
 */
import { noteOfCardId } from '$lib/content/ids';
import {
	buildQueue,
	learningRanges,
	studyDayEnd,
	studyDayStart,
	summarizeToday,
	todayInFilter,
	type FilterMembers,
	type LearningCards,
	type QueueCard,
	type SchedulerSettings,
	type StudyQueue,
	type TodaySummary
} from '$lib/scheduler';
import { db, type Bucket, type CardRow } from './db';

async function todaySummary(now: Date, dayStartHour: number): Promise<TodaySummary> {
	const since = studyDayStart(now, dayStartHour).getTime();
	const until = studyDayEnd(now, dayStartHour).getTime();
	// bounded above too: a clock set back must not count later answers as today's
	const rows = await db.reviews.where('reviewedAt').between(since, until).toArray();
	return summarizeToday(rows);
}

/**
 * How many more ids than the daily room to read: room for siblings held back by the
 * one-card-per-note rule and for a filter's share of cards not being even along the index. When
 * that is not enough, the queue is read again with more (rare: see dueQueue).
 */
const withSlack = (room: number) => (room > 0 ? room + Math.ceil(room / 10) + 5 : 0);

const queueCard = (id: string): QueueCard => ({ id, noteId: noteOfCardId(id) });

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

interface FilterKeys {
	ids: string[];
	/** The range may hold more of the filter's cards than were read. */
	more: boolean;
}

/**
 * About `want` ids of a filter's cards from one index range: as many keys as hold `want` members
 * at the filter's share of all cards (fewer or more members may turn up).
 */
async function filterKeys(
	bucket: Bucket,
	index: 'due' | 'order',
	range: Range,
	members: FilterMembers | undefined,
	want: number
): Promise<FilterKeys> {
	if (want <= 0) return { ids: [], more: true };
	const read = members ? Math.ceil(want / Math.max(members.share, 0.001)) : want;
	const ids = await rangeKeys(bucket, index, range, read);
	return {
		ids: members ? ids.filter((id) => members.ids.has(id)) : ids,
		more: ids.length === read
	};
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

/** A filter's share of some card ids, as queue cards (every id for "All"). */
function pick(ids: string[], members: FilterMembers | undefined): QueueCard[] {
	return (members ? ids.filter((id) => members.ids.has(id)) : ids).map(queueCard);
}

const learningOf = (keys: LearningKeys, members: FilterMembers | undefined): LearningCards => ({
	now: pick(keys.now, members),
	soon: pick(keys.soon, members),
	later: pick(keys.later, members)
});

/** A filter's queue, with what the study page needs next: the first card's row, when to come back. */
export interface DueQueue extends StudyQueue {
	/** The row of `cards[0]`, read in the same transaction. */
	first?: CardRow;
	/** When the first learning card still waiting today is due. */
	nextDue?: Date;
}

/**
 * Today's queue for a tag filter. `members` is the filter's card ids (filterMembers over
 * deck.json), or undefined for every card. Its new cards count against its own daily limit
 * (see todayInFilter); reviews against the one limit for all.
 */
export async function dueQueue(
	members: FilterMembers | undefined,
	now: Date,
	options: SchedulerSettings
): Promise<DueQueue> {
	const dayEnd = studyDayEnd(now, options.dayStartHour);
	return db.transaction('r', db.cards, db.reviews, async () => {
		// today's answers, the learning cards and the first read of reviews and new cards in one
		// round trip: sized for the whole daily limits, since today's answers are not known yet
		const read = (scale: number) =>
			Promise.all([
				filterKeys(
					'review',
					'due',
					dueToday(dayEnd),
					members,
					withSlack(options.reviewsPerDay) * scale
				),
				filterKeys('new', 'order', ALL, members, withSlack(options.newPerDay) * scale)
			]);
		const [summary, learningIds, first] = await Promise.all([
			todaySummary(now, options.dayStartHour),
			learningKeys(now, dayEnd),
			read(1)
		]);
		const today = todayInFilter(summary, members);
		const reviewRoom = Math.max(0, options.reviewsPerDay - today.reviewsDone);
		const newRoom = Math.max(0, options.newPerDay - today.newDone);
		const learning = learningOf(learningIds, members);
		// again with more while the queue comes out short of a limit and the range has more of the
		// filter's cards
		for (let scale = 1, keys = first; ; scale *= 4, keys = await read(scale)) {
			const [reviews, fresh] = keys;
			const queue = buildQueue({
				learning,
				reviews: reviews.ids.map(queueCard),
				fresh: fresh.ids.map(queueCard),
				today,
				limits: options
			});
			const short =
				(queue.counts.review < reviewRoom && reviews.more) ||
				(queue.counts.new < newRoom && fresh.more);
			if (short) continue;
			const [firstRow, waiting] = await Promise.all(
				[queue.cards[0], queue.waiting].map((c) => (c ? db.cards.get(c.id) : undefined))
			);
			return { ...queue, first: firstRow, nextDue: waiting ? new Date(waiting.due) : undefined };
		}
	});
}

/** New / learning / due counts for several tag filters at once (the deck list): one read for all. */
export async function filterCounts(
	filters: (FilterMembers | undefined)[],
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
		return filters.map(
			(members) =>
				buildQueue({
					learning: learningOf(learning, members),
					reviews: pick(reviews, members),
					fresh: pick(fresh, members),
					today: todayInFilter(today, members),
					limits: options
				}).counts
		);
	});
}

/** Every card of a tag filter that is studied (not suspended or retired): for practice mode. */
export async function filterCardIds(members: FilterMembers | undefined): Promise<string[]> {
	return db.transaction('r', db.cards, async () => {
		const [learning, reviews, fresh] = await Promise.all([
			rangeKeys('learning', 'due', ALL),
			rangeKeys('review', 'due', ALL),
			rangeKeys('new', 'order', ALL)
		]);
		return [...learning, ...reviews, ...fresh].filter((id) => !members || members.ids.has(id));
	});
}
