/* eslint-disable svelte/prefer-svelte-reactivity -- its Map and Dates are never changed in place: what the view reads is in the $state.raw fields, replaced whole */
import type { Card, Deck } from '$lib/deck';
import {
	filterMembers,
	formatInterval,
	GRADES,
	Rating,
	Scheduler,
	type FilterMembers,
	type Grade,
	type SchedulerSettings
} from '$lib/scheduler';
import type { TagFilter } from '$lib/content/tag-filter';
// the storage modules a session needs, not the barrel (stats, backups, exports)
import * as study from '$lib/storage/study';
import { persistAfterFirstAnswer } from '$lib/storage/install';
import {
	canUndo,
	mcqGrade,
	nextCard,
	PracticeRound,
	pick,
	record,
	resume,
	reveal,
	ScheduledRound,
	settle,
	startSession,
	toSaved,
	undo,
	type Round,
	type Session
} from './session';
import { countQuizReviews } from './quiz-reviews';

export interface SessionSource {
	deck: Deck;
	filter: TagFilter;
	practice: boolean;
	/** Practice exactly these cards (a quiz's mistakes) instead of the filter's deck. */
	cardIds?: string[];
	/** The deck's address, the key of the saved session. */
	deckKey: string;
}

/**
 * Runs a study session: the pure steps of ./session.ts with the storage reads and writes in
 * between, one user action at a time. The view reads its state and calls its actions.
 */
export class StudyController {
	session = $state.raw<Session>();
	/** Today's queue and counts (scheduled sessions). */
	queue = $state.raw<study.DueQueue>();
	/** The interval each grade would give the card on screen, for the buttons. */
	intervals = $state.raw<Record<Grade, string>>();
	loading = $state(true);
	error = $state('');
	notice = $state('');

	readonly #source: SessionSource;
	readonly #round: Round;
	readonly #cards: Map<string, Card>;
	readonly #members: FilterMembers | undefined;
	#settings: SchedulerSettings | undefined;
	#scheduler: Scheduler | undefined;
	#busy = false;

	constructor(source: SessionSource) {
		this.#source = source;
		this.#cards = new Map(source.deck.cards.map((c) => [c.id, c]));
		this.#round = source.practice
			? new PracticeRound(this.#noteOf)
			: new ScheduledRound(this.#noteOf);
		this.#members = filterMembers(source.deck.cards, source.filter);
	}

	#noteOf = (id: string) => this.#cards.get(id)?.noteId;

	get card(): Card | undefined {
		const id = this.session?.cardId;
		return id === undefined ? undefined : this.#cards.get(id);
	}

	get canUndo(): boolean {
		return !!this.session && canUndo(this.session);
	}

	async start(): Promise<void> {
		try {
			const now = new Date();
			const [settings, , saved, waiting] = await Promise.all([
				study.settings(),
				study.syncDeck(this.#source.deck, now),
				study.session(),
				study.quizRunsAwaitingReviews()
			]);
			this.#settings = settings;
			this.#scheduler = new Scheduler(settings);
			await countQuizReviews(settings, waiting);
			const known = (id: string) => this.#cards.has(id);
			let session = resume(saved, this.#round, this.#source.deckKey, known, now);
			if (!session) {
				const { cardIds, practice } = this.#source;
				const cards = !practice
					? []
					: cardIds
						? cardIds.filter(known)
						: await study.filterCardIds(this.#members);
				session = startSession(this.#round, cards, now);
			}
			await this.#refreshQueue(now);
			await this.#show(settle(session, this.#round, this.#queueCards(), now));
		} catch (e) {
			this.error = `Could not read your progress on this device: ${(e as Error).message}`;
		} finally {
			this.loading = false;
		}
	}

	/** Not one of the one-at-a-time actions: a tap on a grade right after it must not be lost. */
	reveal = () => {
		if (this.session) this.#show(reveal(this.session), false);
	};

	rate = (grade: Grade) =>
		this.#once(async (s) => {
			if (!s.revealed || !s.cardId) return;
			const now = new Date();
			const reviewId = await this.#answer(s.cardId, grade, now, record(s, grade, now));
			await this.#next(this.#round.advance(record(s, grade, now, reviewId), grade));
		});

	pick = (index: number) =>
		this.#once(async (s) => {
			const card = this.card;
			if (card?.kind !== 'mcq' || s.picked !== undefined) return;
			const now = new Date();
			// save first: an answer that could not be saved (disk full) must stay answerable
			const grade = index === card.answerIndex ? Rating.Good : Rating.Again;
			const reviewId = this.#round.writesOnPick
				? await this.#answer(card.id, grade, now, pick(s, index, card.answerIndex, now))
				: undefined;
			await this.#show(pick(s, index, card.answerIndex, now, reviewId), false);
		});

	/** After an answered MCQ. */
	continue = () =>
		this.#once(async (s) => {
			const card = this.card;
			if (card?.kind !== 'mcq' || s.picked === undefined) return;
			await this.#next(this.#round.advance(s, mcqGrade(s, card.answerIndex)));
		});

	undo = () =>
		this.#once(async (s) => {
			if (!canUndo(s)) return;
			const now = new Date();
			if (this.#round.mode === 'practice') {
				await this.#show(undo(s, now));
				this.notice = 'Back to the previous card.';
				return;
			}
			const cardId = await study.undo(s.lastReviewId!);
			await this.#refreshQueue(now);
			await this.#show(undo(s, now, cardId));
			if (cardId) this.notice = 'Answer undone.';
		});

	suspend = () =>
		this.#once(async (s) => {
			if (!s.cardId) return;
			await study.suspend(s.cardId);
			this.notice =
				'Card suspended: to study it again, unsuspend it under “Suspended cards” in the deck list.';
			await this.#next(this.#round.without(s, s.cardId));
		});

	/** Resolves to whether the flag was saved. */
	flag = (reason: 'wrong' | 'unclear', comment: string) =>
		this.#once(async () => {
			const card = this.card;
			if (!card) throw new Error('there is no card on screen.');
			await study.flag(card.id, card.noteId, reason, comment, new Date());
			this.notice = 'Thanks: the card is flagged for the author.';
		});

	/** Runs one user action at a time: a double tap must not answer two cards. */
	async #once(action: (session: Session) => Promise<void>): Promise<boolean> {
		if (this.#busy || !this.session) return false;
		this.#busy = true;
		this.notice = '';
		try {
			await action(this.session);
			return true;
		} catch (e) {
			this.error = `That answer was not saved: ${(e as Error).message}`;
			return false;
		} finally {
			this.#busy = false;
		}
	}

	/**
	 * Writes a review (scheduled sessions only) and, in the same transaction, the session as it
	 * stands once answered, so a closed tab never keeps one without the other; returns the
	 * review's id, for undo.
	 */
	async #answer(
		cardId: string,
		grade: Grade,
		now: Date,
		answered: Session
	): Promise<number | undefined> {
		if (this.#round.mode === 'practice' || !this.#scheduler) return undefined;
		const saved = toSaved(answered, this.#source.deckKey);
		const id = await study.answer(cardId, grade, now, this.#scheduler, saved);
		persistAfterFirstAnswer(now).catch(() => undefined);
		return id;
	}

	#queueCards() {
		return this.queue?.cards ?? [];
	}

	async #refreshQueue(now: Date) {
		if (this.#round.mode === 'practice') return;
		this.#settings ??= await study.settings();
		this.queue = await study.dueQueue(this.#members, now, this.#settings);
	}

	async #next(session: Session) {
		const now = new Date();
		await this.#refreshQueue(now);
		await this.#show(nextCard(session, this.#round, this.#queueCards(), now));
	}

	/** Shows a session state, with the button labels worked out first so they appear together. */
	async #show(session: Session, newCard = true) {
		if (newCard) this.intervals = await this.#labels(session.cardId);
		this.session = session;
		// not awaited: the next tap is not held up by it (IndexedDB keeps the saves in order)
		study.saveSession(toSaved(session, this.#source.deckKey)).catch(() => undefined);
	}

	async #labels(cardId: string | undefined): Promise<Record<Grade, string> | undefined> {
		const card = cardId ? this.#cards.get(cardId) : undefined;
		if (!card || card.kind === 'mcq' || !this.#scheduler || this.#round.mode === 'practice') return;
		const first = this.queue?.first;
		const row = first?.id === card.id ? first : await study.card(card.id);
		if (!row) return;
		const now = new Date();
		const preview = this.#scheduler.preview(row.fsrs, now);
		return Object.fromEntries(
			GRADES.map((g) => [g, formatInterval(preview[g].due.getTime() - now.getTime())])
		) as Record<Grade, string>;
	}
}
