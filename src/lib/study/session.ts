import { Rating, type Grade, type QueueCard } from '$lib/scheduler';

/**
 * A study session as a pure state machine: which card is on screen, what the student did with
 * it, what comes next. Where the two kinds of session differ (the schedule's queue or a practice
 * round) a `Round` decides, as ts-fsrs has a basic and a long-term scheduler behind one interface.
 * The controller (./controller.svelte.ts) does the storage I/O and passes its results in.
 * @example const round = new PracticeRound(noteOf); let s = nextCard(startSession(round, ids, now), round, [], now);
 */

/** The answers given in a session, for its summary. */
export interface Tally {
	again: number;
	hard: number;
	good: number;
	easy: number;
	/** Time spent on the cards answered, each counted up to TIME_CAP_MS. */
	ms: number;
}

/** A card left on screen while the student went away counts this long at most (Anki: 60 s). */
export const TIME_CAP_MS = 60_000;

export const emptyTally = (): Tally => ({ again: 0, hard: 0, good: 0, easy: 0, ms: 0 });

export const reviewed = (t: Tally) => t.again + t.hard + t.good + t.easy;

/** What undo goes back to: the session as it was before an answer. */
type Step = Pick<Session, 'cardId' | 'remaining' | 'done' | 'tally'>;

export interface Session {
	mode: 'scheduled' | 'practice';
	/** The card on screen; undefined before the first card and once nothing is left. */
	cardId?: string;
	revealed: boolean;
	/** The option picked on an MCQ; the MCQ is answered once this is set. */
	picked?: number;
	/** When the card on screen was shown (epoch ms). */
	shownAt: number;
	/** Scheduled: the review written by the last answer, for undo. */
	lastReviewId?: number;
	/** Practice: the cards still to go, the one on screen included. */
	remaining: string[];
	/** Practice: cards answered right (a card answered wrong comes back at the end). */
	done: number;
	tally: Tally;
	/** The steps undo can go back through; kept in memory only. */
	history: Step[];
}

/** What differs between a session on the schedule and a practice round. */
export interface Round {
	readonly mode: Session['mode'];
	/** The note of a card id (for the sibling rule). */
	readonly noteOf: (cardId: string) => string | undefined;
	/**
	 * Whether an MCQ is answered for good when an option is picked (the schedule writes a review
	 * at once, so a full disk leaves it answerable) rather than when the student moves on.
	 */
	readonly writesOnPick: boolean;
	/** The cards that may come next, in order: today's queue, or the cards still to go. */
	upcoming(session: Session, queue: readonly QueueCard[]): QueueCard[];
	/** The session after the student moved on from the card on screen, answered with `grade`. */
	advance(session: Session, grade: Grade): Session;
	/** The session without a card taken out of study. */
	without(session: Session, cardId: string): Session;
	/** Whether a saved card on screen can be shown again on resume. */
	resumable(session: Session, cardId: string, queue: readonly QueueCard[]): boolean;
}

/** Studies today's queue: every answer is a review on the schedule. */
export class ScheduledRound implements Round {
	readonly mode = 'scheduled';
	readonly writesOnPick = true;
	constructor(readonly noteOf: (cardId: string) => string | undefined) {}
	upcoming(_session: Session, queue: readonly QueueCard[]): QueueCard[] {
		return [...queue];
	}
	advance(session: Session, _grade: Grade): Session {
		return session;
	}
	without(session: Session, _cardId: string): Session {
		return session;
	}
	resumable(session: Session, cardId: string, queue: readonly QueueCard[]): boolean {
		// an answered MCQ stays on screen for its result, even though it has left the queue
		return session.picked !== undefined || queue.some((c) => c.id === cardId);
	}
}

/** Goes once through a set of cards without touching the schedule; a wrong answer comes back. */
export class PracticeRound implements Round {
	readonly mode = 'practice';
	readonly writesOnPick = false;
	constructor(readonly noteOf: (cardId: string) => string | undefined) {}
	upcoming(session: Session): QueueCard[] {
		return session.remaining.map((id) => ({ id, noteId: this.noteOf(id) ?? id }));
	}
	advance(session: Session, grade: Grade): Session {
		const { cardId } = session;
		if (!cardId) return session;
		const rest = session.remaining.filter((id) => id !== cardId);
		return grade === Rating.Again
			? { ...session, remaining: [...rest, cardId] }
			: { ...session, remaining: rest, done: session.done + 1 };
	}
	without(session: Session, cardId: string): Session {
		return { ...session, remaining: session.remaining.filter((id) => id !== cardId) };
	}
	resumable(session: Session, cardId: string): boolean {
		return session.remaining.includes(cardId);
	}
}

/** A new session: practice goes through `cards`; the schedule's cards come with each queue. */
export function startSession(round: Round, cards: readonly string[], now: Date): Session {
	return {
		mode: round.mode,
		revealed: false,
		shownAt: now.getTime(),
		remaining: round.mode === 'practice' ? [...new Set(cards)] : [],
		done: 0,
		tally: emptyTally(),
		history: []
	};
}

/**
 * The card to show after `previous`: the first that is not of the same note (a cloze and then
 * an MCQ on the same sentence give each other away), else the first. Of those, the first that
 * leaves a rest that can still be shown with no two of a note side by side: taking a note's
 * cards in deck order would leave its last ones together at the end.
 */
export function nextOf(cards: readonly QueueCard[], previous?: QueueCard): QueueCard | undefined {
	const counts = new Map<string, number>();
	for (const c of cards) counts.set(c.noteId, (counts.get(c.noteId) ?? 0) + 1);
	// the two notes with the most cards: enough to check every candidate in constant time
	let top: [string, number] = ['', 0];
	let second = 0;
	for (const [note, n] of counts) {
		if (n > top[1]) [second, top] = [top[1], [note, n]];
		else if (n > second) second = n;
	}
	const rest = cards.length - 1;
	// the rest, led by another note, can alternate: this note's cards fit in every other place
	const leavesRoom = (c: QueueCard) =>
		counts.get(c.noteId)! - 1 <= Math.floor(rest / 2) &&
		(top[0] === c.noteId ? second : top[1]) <= Math.ceil(rest / 2);
	const others = cards.filter((c) => c.noteId !== previous?.noteId && c.id !== previous?.id);
	return others.find(leavesRoom) ?? others[0] ?? cards[0];
}

/** Shows a card (or none: the round is done), question side up. */
export function show(session: Session, cardId: string | undefined, now: Date): Session {
	return { ...session, cardId, revealed: false, picked: undefined, shownAt: now.getTime() };
}

/** Moves on from the card on screen to the next one. */
export function nextCard(
	session: Session,
	round: Round,
	queue: readonly QueueCard[],
	now: Date
): Session {
	const { cardId } = session;
	const previous = cardId ? { id: cardId, noteId: round.noteOf(cardId) ?? cardId } : undefined;
	return show(session, nextOf(round.upcoming(session, queue), previous)?.id, now);
}

export function reveal(session: Session): Session {
	return session.cardId && !session.revealed ? { ...session, revealed: true } : session;
}

/**
 * Counts an answer to the card on screen: in the tally, and as a step undo can go back to.
 * `reviewId`: the review the schedule wrote for it.
 */
export function record(session: Session, grade: Grade, now: Date, reviewId?: number): Session {
	const { tally } = session;
	const key = ({ 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' } as const)[grade];
	const spent = Math.min(Math.max(0, now.getTime() - session.shownAt), TIME_CAP_MS);
	const step: Step = {
		cardId: session.cardId,
		remaining: session.remaining,
		done: session.done,
		tally
	};
	return {
		...session,
		tally: { ...tally, [key]: tally[key] + 1, ms: tally.ms + spent },
		lastReviewId: reviewId ?? session.lastReviewId,
		history: [...session.history, step]
	};
}

/** An MCQ answered: right counts as Good, wrong as Again. */
export function pick(
	session: Session,
	index: number,
	answerIndex: number,
	now: Date,
	reviewId?: number
): Session {
	if (!session.cardId || session.picked !== undefined) return session;
	const grade = index === answerIndex ? Rating.Good : Rating.Again;
	return { ...record(session, grade, now, reviewId), picked: index, revealed: true };
}

/** The grade an answered MCQ counts as. */
export const mcqGrade = (session: Session, answerIndex: number): Grade =>
	session.picked === answerIndex ? Rating.Good : Rating.Again;

/** Whether there is an answer to take back. */
export function canUndo(session: Session): boolean {
	return session.mode === 'practice'
		? session.history.length > 0
		: session.lastReviewId !== undefined;
}

/**
 * Goes back to before the last answer. Scheduled: `cardId` is the card whose review the storage
 * took back (undefined when it could not). Practice: the round as it was.
 */
export function undo(session: Session, now: Date, cardId?: string): Session {
	const before = session.history.at(-1);
	const history = session.history.slice(0, -1);
	if (session.mode === 'scheduled') {
		const undone = { ...session, lastReviewId: undefined };
		if (!cardId) return undone;
		// the tally goes back too when this session counted the answer (not one before a reload)
		const tally = before?.cardId === cardId ? before.tally : session.tally;
		return show(
			{ ...undone, tally, history: before?.cardId === cardId ? history : [] },
			cardId,
			now
		);
	}
	if (!before) return session;
	const { cardId: back, ...rest } = before;
	return show({ ...session, ...rest, history }, back, now);
}

/** What is saved on the device so that reopening the app continues the session. */
export interface SavedSession {
	/** The deck's address, e.g. `/study?tags=etcd`. */
	deck: string;
	practice: boolean;
	cardId?: string;
	revealed: boolean;
	/** The option chosen on an MCQ, once answered. */
	picked?: number;
	/** The last answer, for undo. */
	lastReviewId?: number;
	/** Practice mode: the cards still to go (the schedule does not say). */
	remaining?: string[];
	/** The answers so far, for the summary; absent in sessions saved before it existed. */
	tally?: Tally;
}

export function toSaved(session: Session, deck: string): SavedSession {
	const practice = session.mode === 'practice';
	return {
		deck,
		practice,
		cardId: session.cardId,
		revealed: session.revealed,
		picked: session.picked,
		lastReviewId: session.lastReviewId,
		remaining: practice ? [...session.remaining] : undefined,
		tally: session.tally
	};
}

/**
 * The saved session, when it is this deck's in this mode and still has something to go on with;
 * `known` says whether a card id is in the deck. Check its card with `settle` once the queue is in.
 */
export function resume(
	saved: SavedSession | undefined,
	round: Round,
	deck: string,
	known: (cardId: string) => boolean,
	now: Date
): Session | undefined {
	if (!saved || saved.deck !== deck || saved.practice !== (round.mode === 'practice')) return;
	const session = startSession(round, (saved.remaining ?? []).filter(known), now);
	if (round.mode === 'practice' && session.remaining.length === 0) return;
	const cardId = saved.cardId && known(saved.cardId) ? saved.cardId : undefined;
	return {
		...session,
		cardId,
		revealed: cardId ? saved.revealed : false,
		picked: cardId ? saved.picked : undefined,
		lastReviewId: saved.lastReviewId,
		tally: { ...emptyTally(), ...saved.tally }
	};
}

/**
 * After a resume or a start: keeps the card on screen when it may still be studied, else moves
 * on to the next one.
 */
export function settle(
	session: Session,
	round: Round,
	queue: readonly QueueCard[],
	now: Date
): Session {
	const { cardId } = session;
	if (cardId && round.resumable(session, cardId, queue)) return session;
	return nextCard({ ...session, cardId: undefined }, round, queue, now);
}
