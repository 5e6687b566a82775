/**
 * Class quizzes the student chose to count as reviews (Settings) are written into the schedule
 * when Study opens, not on /quiz: the quiz page, where students arrive from the QR code, then
 * carries neither the scheduler nor the review code.
 */
import { quizReviews } from '$lib/quiz/reviews';
import { Scheduler, type SchedulerSettings } from '$lib/scheduler';
import type { QuizRun } from '$lib/quiz/run';
import { recordReviews } from '$lib/storage/reviews';

/**
 * Writes the answers of the finished quizzes still waiting to count (`quizRunsAwaitingReviews()`,
 * read beside the other reads of opening Study), each quiz once: its mark is written in the same
 * transaction, so a quiz counted meanwhile is not counted again. Call after the deck is synced,
 * so its cards are on the device. Returns how many reviews were written.
 */
export async function countQuizReviews(
	settings: SchedulerSettings,
	waiting: readonly QuizRun[]
): Promise<number> {
	if (waiting.length === 0) return 0;
	const scheduler = new Scheduler(settings);
	let written = 0;
	for (const run of waiting) written += await recordReviews(quizReviews(run), scheduler, run);
	return written;
}
