import type { CardRow } from './db';
import { db } from './db';
import type { QuizRun } from '$lib/quiz/run';

/** The rows /stats needs: cards, answers since `since` (ms), finished quizzes. */
export async function statsRows(since: number): Promise<{
	cards: CardRow[];
	reviews: { cardId: string; reviewedAt: number; rating: number; state: number }[];
	quizRuns: QuizRun[];
}> {
	return db.transaction('r', db.cards, db.reviews, db.quizRuns, async () => {
		const [cards, reviews, quizRuns] = await Promise.all([
			db.cards.toArray(),
			db.reviews.where('reviewedAt').aboveOrEqual(since).toArray(),
			db.quizRuns.where('finishedAt').above(0).toArray()
		]);
		return {
			cards,
			reviews: reviews.map(({ cardId, reviewedAt, rating, state }) => ({
				cardId,
				reviewedAt,
				rating,
				state
			})),
			quizRuns
		};
	});
}
