/**
 * Class quizzes the student chose to count as reviews (Settings) are written into the schedule
 * when Study opens, not on /quiz: the quiz page, where students arrive from the QR code, then
 * carries neither the scheduler nor the review code.
 */
import { quizReviews } from '$lib/quiz/reviews';
import { Scheduler, type SchedulerSettings } from '$lib/scheduler';
import { quizRunsAwaitingReviews } from '$lib/storage/quiz';
import { recordReviews } from '$lib/storage/reviews';

/**
 * Writes the answers of every finished quiz still waiting to count, each quiz once (its mark is
 * written in the same transaction). Call after the deck is synced, so its cards are on the
 * device. Returns how many reviews were written.
 */
export async function countQuizReviews(settings: SchedulerSettings): Promise<number> {
	const scheduler = new Scheduler(settings);
	let written = 0;
	for (const run of await quizRunsAwaitingReviews())
		written += await recordReviews(quizReviews(run), scheduler, run);
	return written;
}
