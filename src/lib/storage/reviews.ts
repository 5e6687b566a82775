/** Answers: the card's new schedule and the review log, written together; undo takes both back. */
import type { Grade, ReviewEvent, Scheduler } from '$lib/scheduler';
import type { QuizRun } from '$lib/quiz/run';
import { withSchedule } from './cards';
import { loadRules, preferenceRow, quizRunRow } from './checked';
import { db, type CardRow, type ReviewRow } from './db';
import { writing } from './errors';
import type { StudySession } from './preferences';

export type { ReviewRow };

/**
 * Records an answer: the card's new schedule, the review log and, when given, the study
 * session's new state (its `lastReviewId` set to this answer) in one transaction, so a session
 * resumed after a crash never points at an answer that was not saved. Returns the review's id,
 * for undo.
 */
export async function answer(
	cardId: string,
	grade: Grade,
	now: Date,
	scheduler: Scheduler,
	session?: StudySession
): Promise<number> {
	const rules = session && (await loadRules());
	const tables = session ? [db.cards, db.reviews, db.preferences] : [db.cards, db.reviews];
	return writing(() =>
		db.transaction('rw', tables, async () => {
			const row = await db.cards.get(cardId);
			if (!row) throw new Error(`No card ${cardId} on this device: reload the app.`);
			const id = await writeAnswer(row, grade, now, scheduler);
			if (session)
				await db.preferences.put(preferenceRow(rules, 'session', { ...session, lastReviewId: id }));
			return id;
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
	// both requests at once: the transaction runs them in order, without a wait between
	const [, id] = await Promise.all([
		db.cards.put(withSchedule(row, next)),
		db.reviews.add({
			...log,
			cardId: row.id,
			noteId: row.noteId,
			reviewedAt: log.review.getTime(),
			before: row.fsrs
		})
	]);
	return id as number;
}

/**
 * Records answers given elsewhere (a class quiz), in one transaction; the caller works out the
 * grades. Cards that are suspended, retired or not on this device are left alone. With `quiz`,
 * once per quiz: the quiz's "recorded" mark is written in the same transaction, and a quiz
 * already recorded writes nothing. Returns how many reviews were written.
 */
export async function recordReviews(
	events: readonly ReviewEvent[],
	scheduler: Scheduler,
	quiz?: QuizRun
): Promise<number> {
	const rules = await loadRules();
	return db.transaction('rw', db.cards, db.reviews, db.quizRuns, async () => {
		const stored = quiz && (await db.quizRuns.get(quiz.id));
		if (stored?.reviewsRecorded) return 0;
		let written = 0;
		for (const event of events) {
			const row = await db.cards.get(event.cardId);
			if (!row || row.suspended || row.retired) continue;
			await writeAnswer(row, event.grade, event.at, scheduler);
			written++;
		}
		if (quiz)
			await db.quizRuns.put(quizRunRow(rules, { ...(stored ?? quiz), reviewsRecorded: true }));
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
