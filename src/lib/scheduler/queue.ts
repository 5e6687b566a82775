import { State } from 'ts-fsrs';

/** What the queue needs to know about a card: its note (for the sibling rule) and schedule. */
export interface QueueCard {
	id: string;
	noteId: string;
	state: State;
	/** Due time in ms since the epoch (0 for new cards). */
	due: number;
}

/** An answer given earlier in the current study day. */
export interface TodayAnswer {
	cardId: string;
	noteId: string;
	/** The card's state before the answer (ts-fsrs ReviewLog.state). */
	state: State;
}

export interface TodaySummary {
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
		newDone: newCards.size,
		reviewsDone,
		cardsSeen: new Set(answers.map((a) => a.cardId)),
		notesSeen: new Set(answers.map((a) => a.noteId))
	};
}

export interface QueueInput {
	/** Learning and relearning cards of the deck, due any time (earliest first). */
	learning: QueueCard[];
	/** Review cards of the deck due before the study day ends (earliest first). */
	reviews: QueueCard[];
	/** New cards of the deck in deck order; at least the daily limit plus their siblings. */
	fresh: QueueCard[];
	today: TodaySummary;
	limits: { newPerDay: number; reviewsPerDay: number };
	now: Date;
	dayEnd: Date;
	/** When nothing else is left, learning cards due this soon are shown early (Anki: 20 min). */
	learnAheadMs?: number;
}

export interface StudyQueue {
	/** Cards to show now, in order. */
	cards: QueueCard[];
	counts: { learning: number; review: number; new: number };
	/** A learning card due later today that is not in `cards`: when to come back. */
	nextDue?: Date;
}

const LEARN_AHEAD_MS = 20 * 60_000;

/**
 * Today's session order: learning cards that are due, then reviews, then new cards, within the
 * daily limits. One card per note per day: a note's other cards (siblings) wait for tomorrow.
 */
export function buildQueue(input: QueueInput): StudyQueue {
	const { today, now } = input;
	const notes = new Set<string>();
	const allowed = (c: QueueCard) => {
		if (today.notesSeen.has(c.noteId) && !today.cardsSeen.has(c.id)) return false;
		if (notes.has(c.noteId)) return false;
		notes.add(c.noteId);
		return true;
	};
	const nowMs = now.getTime();
	const dayEndMs = input.dayEnd.getTime();

	const learningToday = input.learning.filter((c) => c.due < dayEndMs && allowed(c));
	const learningNow = learningToday.filter((c) => c.due <= nowMs);
	const reviews = take(input.reviews, input.limits.reviewsPerDay - today.reviewsDone, allowed);
	const fresh = take(input.fresh, input.limits.newPerDay - today.newDone, allowed);

	const cards = [...learningNow, ...reviews, ...fresh];
	const later = learningToday.filter((c) => c.due > nowMs);
	const ahead = input.learnAheadMs ?? LEARN_AHEAD_MS;
	if (cards.length === 0) cards.push(...later.filter((c) => c.due <= nowMs + ahead));
	const waiting = later.find((c) => !cards.includes(c));
	return {
		cards,
		counts: { learning: learningToday.length, review: reviews.length, new: fresh.length },
		nextDue: waiting ? new Date(waiting.due) : undefined
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
