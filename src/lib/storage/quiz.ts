import type { QuizRun } from '$lib/quiz/run';
import { loadRules, quizRunRow } from './checked';
import { db } from './db';

/** Saves a quiz run after every step, so a reload resumes it. */
export async function saveQuizRun(run: QuizRun): Promise<void> {
	await db.quizRuns.put(quizRunRow(await loadRules(), run));
}

/** Removes a quiz run (one the pages found damaged, see runProblem). */
export async function discardQuizRun(id: string): Promise<void> {
	await db.quizRuns.delete(id);
}

/** The quiz run with this id (for results and history). */
export async function quizRun(id: string): Promise<QuizRun | undefined> {
	return db.quizRuns.get(id);
}

/** The latest unfinished run of the quiz with this key (see quizKey), to resume after a reload. */
export async function quizRunInProgress(key: string): Promise<QuizRun | undefined> {
	const runs = await db.quizRuns.where('key').equals(key).toArray();
	return runs
		.filter((run) => run.phase !== 'finished')
		.sort((a, b) => b.startedAt - a.startedAt)[0];
}

/** The latest finished run of the quiz with this key. */
export async function lastFinishedQuizRun(key: string): Promise<QuizRun | undefined> {
	const runs = await db.quizRuns.where('key').equals(key).toArray();
	return runs
		.filter((run) => run.phase === 'finished')
		.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))[0];
}

/** Finished quizzes, newest first. */
export async function finishedQuizRuns(limit = 100): Promise<QuizRun[]> {
	return db.quizRuns.orderBy('finishedAt').reverse().limit(limit).toArray();
}

/** Finished quizzes whose answers count as study reviews and are not written yet, oldest first. */
export async function quizRunsAwaitingReviews(): Promise<QuizRun[]> {
	const runs = await db.quizRuns.filter((run) => run.phase === 'finished').toArray();
	return runs
		.filter((run) => run.countsAsReviews && !run.reviewsRecorded)
		.sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
}
