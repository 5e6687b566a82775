import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildQuiz } from '$lib/quiz/build';
import { fixtureDeck } from '$lib/quiz/test-deck';
import { answerQuestion, nextQuestion, startRun, type QuizRun } from '$lib/quiz/run';
import { db } from './db';
import * as storage from './index';

const deck = fixtureDeck(6);
const params = { tags: [], exclude: [], count: 5, seconds: 20, seed: 's', deckHash: deck.hash };
const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

function finished(startMs: number): QuizRun {
	let run = startRun(buildQuiz(deck, params), new Date(startMs));
	for (let i = 0; i < 5; i++) {
		run = answerQuestion(run, 0, new Date(startMs + i * 1000 + 500));
		run = nextQuestion(run, new Date(startMs + (i + 1) * 1000));
	}
	return run;
}

beforeEach(async () => {
	await db.quizRuns.clear();
});

describe('quiz runs', () => {
	it('resumes the run in progress with its deadline', async () => {
		const run = startRun(buildQuiz(deck, params), new Date(T0));
		await storage.saveQuizRun(run);
		const back = await storage.quizRunInProgress(run.key);
		expect(back).toEqual(run);
		expect(back?.deadline).toBe(T0 + 20_000);
	});

	it('has no run in progress once the quiz is finished', async () => {
		const run = finished(T0);
		await storage.saveQuizRun(run);
		expect(await storage.quizRunInProgress(run.key)).toBeUndefined();
		expect(await storage.lastFinishedQuizRun(run.key)).toEqual(run);
		expect(await storage.quizRun(run.id)).toEqual(run);
	});

	it('lists finished quizzes newest first, without those in progress', async () => {
		await storage.saveQuizRun(finished(T0));
		await storage.saveQuizRun(finished(T0 + 60_000));
		await storage.saveQuizRun(startRun(buildQuiz(deck, params), new Date(T0 + 120_000)));
		const history = await storage.finishedQuizRuns();
		expect(history.map((r) => r.startedAt)).toEqual([T0 + 60_000, T0]);
	});
});
