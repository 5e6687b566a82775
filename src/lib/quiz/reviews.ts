/**
 * A finished class quiz as answers for the study schedule (when the student chose to count
 * quizzes as reviews): right = Good, wrong or timed out = Again, at the moment it was answered.
 * Study writes them when it next opens (lib/study/quiz-reviews.ts).
 */
import { Rating, type ReviewEvent } from '$lib/scheduler';
import { reviewEvents } from './results';
import type { QuizRun } from './run';

export function quizReviews(run: QuizRun): ReviewEvent[] {
	return reviewEvents(run).map((e) => ({
		cardId: e.cardId,
		grade: e.correct ? Rating.Good : Rating.Again,
		at: e.answeredAt
	}));
}
