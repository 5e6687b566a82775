import { State } from 'ts-fsrs';
import type { FilterMembers } from './members';

/** What the queue needs to know about a card: its note, for the sibling rule. */
export interface QueueCard {
	id: string;
	noteId: string;
}

/** An answer given earlier in the current study day. */
export interface TodayAnswer {
	cardId: string;
	noteId: string;
	/** The card's state before the answer (ts-fsrs ReviewLog.state). */
	state: State;
}

export interface TodaySummary {
	/** Cards studied for the first time today. */
	newCards: ReadonlySet<string>;
	/** How many of them count against the new-card limit of the queue being built. */
	newDone: number;
	reviewsDone: number;
	cardsSeen: Set<string>;
	notesSeen: Set<string>;
}

export function summarizeToday(answers: TodayAnswer[]): TodaySummary {
	const newCards = new Set<string>();
	let reviewsDone = 0;
	for (const a of answers) {
		if (a.state === State.New) newCards.add(a.cardId);
		else if (a.state === State.Review) reviewsDone++;
	}
	return {
		newCards,
		newDone: newCards.size,
		reviewsDone,
		cardsSeen: new Set(answers.map((a) => a.cardId)),
		notesSeen: new Set(answers.map((a) => a.noteId))
	};
}

/**
 * Today's answers as one tag filter's queue counts them: each filter has its own new-card limit,
 * so only the new cards of this filter that were studied today use it up (19 new #etcd cards
 * leave #rbac its full 20). Reviews share one limit, and the sibling rule looks at every card.
 * Undefined members: "All cards", which counts every new card.
 */
export function todayInFilter(
	today: TodaySummary,
	members: FilterMembers | undefined
): TodaySummary {
	if (!members) return today;
	let newDone = 0;
	for (const id of today.newCards) if (members.ids.has(id)) newDone++;
	return { ...today, newDone };
}

/** Learning and relearning cards due today, each group earliest first. */
export interface LearningCards {
	/** Due now. */
	now: QueueCard[];
	/** Due within the learn-ahead window: shown early when nothing else is left (Anki: 20 min). */
	soon: QueueCard[];
	/** Due later today. */
	later: QueueCard[];
}

/** How far ahead learning cards are shown when nothing else is left. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/**
 * The due-time ranges of the LearningCards groups, as [from, to] in ms, both ends included:
 * callers read each group with one index range.
 */
export function learningRanges(
	now: Date,
	dayEnd: Date
): Record<keyof LearningCards, [number, number]> {
	const nowMs = now.getTime();
	const lastToday = dayEnd.getTime() - 1;
	const soonEnd = Math.min(nowMs + LEARN_AHEAD_MS, lastToday);
	return {
		now: [-Infinity, nowMs],
		soon: [nowMs + 1, soonEnd],
		later: [soonEnd + 1, lastToday]
	};
}

export interface QueueInput {
	learning: LearningCards;
	/** Review cards of the tag filter due before the study day ends (earliest first). */
	reviews: QueueCard[];
	/** New cards of the tag filter in deck order; at least the daily limit plus their siblings. */
	fresh: QueueCard[];
	today: TodaySummary;
	limits: { newPerDay: number; reviewsPerDay: number };
}

export interface StudyQueue {
	/** Cards to show now, in order. */
	cards: QueueCard[];
	counts: { learning: number; review: number; new: number };
	/** The first learning card due later today that is not in `cards`: when to come back. */
	waiting?: QueueCard;
}

/**
 * Today's session order: learning cards that are due, then reviews, then new cards, within the
 * daily limits. One card per note per day: a note's other cards (siblings) wait for tomorrow.
 */
export function buildQueue(input: QueueInput): StudyQueue {
	const { today, learning } = input;
	const notes = new Set<string>();
	const allowed = (c: QueueCard) => {
		if (today.notesSeen.has(c.noteId) && !today.cardsSeen.has(c.id)) return false;
		if (notes.has(c.noteId)) return false;
		notes.add(c.noteId);
		return true;
	};
	// learning cards claim their notes first, in due order
	const learningNow = learning.now.filter(allowed);
	const soon = learning.soon.filter(allowed);
	const later = learning.later.filter(allowed);
	const reviews = take(input.reviews, input.limits.reviewsPerDay - today.reviewsDone, allowed);
	const fresh = take(input.fresh, input.limits.newPerDay - today.newDone, allowed);

	const cards = [...learningNow, ...reviews, ...fresh];
	const learnAhead = cards.length === 0;
	if (learnAhead) cards.push(...soon);
	const waiting = learnAhead ? later[0] : (soon[0] ?? later[0]);
	return {
		cards,
		counts: {
			learning: learningNow.length + soon.length + later.length,
			review: reviews.length,
			new: fresh.length
		},
		waiting
	};
}

function take(cards: QueueCard[], limit: number, allowed: (c: QueueCard) => boolean): QueueCard[] {
	const out: QueueCard[] = [];
	for (const c of cards) {
		if (out.length >= limit) break;
		if (allowed(c)) out.push(c);
	}
	return out;
}
