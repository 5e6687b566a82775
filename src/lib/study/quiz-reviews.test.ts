import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildQuiz } from '$lib/quiz/build';
import { fixtureDeck } from '$lib/quiz/test-deck';
import { answerQuestion, nextQuestion, startRun, type QuizRun } from '$lib/quiz/run';
import { defaultSettings, Rating } from '$lib/scheduler';
import * as storage from '$lib/storage';
import { db } from '$lib/storage/db';
import { countQuizReviews } from './quiz-reviews';

const deck = fixtureDeck(6);
const params = { tags: [], exclude: [], count: 5, seconds: 20, seed: 's', deckHash: deck.hash };
const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);
const settings = { ...defaultSettings(), enableFuzz: false };

describe('class quiz answers as spaced-repetition reviews, written when Study opens', () => {
	beforeEach(async () => {
		await Promise.all([
			db.cards.clear(),
			db.reviews.clear(),
			db.preferences.clear(),
			db.quizRuns.clear()
		]);
	});

	/** What Study does when it opens: the deck's cards on the device, then the quizzes waiting. */
	async function openStudy(now: Date) {
		const [, waiting] = await Promise.all([
			storage.syncDeck(deck, now),
			storage.quizRunsAwaitingReviews()
		]);
		return countQuizReviews(settings, waiting);
	}

	/** A quiz with the first two questions right and the rest wrong, finished or not. */
	function mixed(startMs: number, countsAsReviews: boolean, questions = 5): QuizRun {
		let run = startRun(buildQuiz(deck, params), new Date(startMs));
		if (countsAsReviews) run = { ...run, countsAsReviews: true };
		for (let i = 0; i < questions; i++) {
			const right = run.questions[i]!.answerIndex;
			run = answerQuestion(
				run,
				i < 2 ? right : (right + 1) % 4,
				new Date(startMs + i * 1000 + 500)
			);
			run = nextQuestion(run, new Date(startMs + (i + 1) * 1000));
		}
		return run;
	}

	it('records each answer once: right as Good, wrong as Again, at the time it was given', async () => {
		const run = mixed(T0, true);
		await storage.saveQuizRun(run);
		expect(await openStudy(new Date(T0 + 60_000))).toBe(5);

		const reviews = await db.reviews.orderBy('reviewedAt').toArray();
		expect(reviews.map((r) => r.cardId)).toEqual(run.answers.map((a) => a.cardId));
		expect(reviews.map((r) => r.rating)).toEqual(
			run.answers.map((a) => (a.correct ? Rating.Good : Rating.Again))
		);
		expect(reviews.map((r) => r.reviewedAt)).toEqual(run.answers.map((a) => a.answeredAt));
		expect(run.answers.map((a) => a.correct)).toEqual([true, true, false, false, false]);

		expect(await openStudy(new Date(T0 + 90_000))).toBe(0);
		expect(await db.reviews.count()).toBe(5);
		expect((await storage.quizRun(run.id))?.reviewsRecorded).toBe(true);
	});

	it('leaves alone a quiz started with the setting off, and one not finished yet', async () => {
		await storage.saveQuizRun(mixed(T0, false));
		const unfinished = mixed(T0 + 60_000, true, 3);
		expect(unfinished.phase).not.toBe('finished');
		await storage.saveQuizRun(unfinished);
		expect(await openStudy(new Date(T0 + 120_000))).toBe(0);
		expect(await db.reviews.count()).toBe(0);
	});

	it('writes two waiting quizzes in the order they were taken', async () => {
		const later = mixed(T0 + 600_000, true);
		const earlier = mixed(T0, true);
		await storage.saveQuizRun(later);
		await storage.saveQuizRun(earlier);
		expect(await openStudy(new Date(T0 + 900_000))).toBe(10);
		const reviews = await db.reviews.orderBy(':id').toArray();
		expect(reviews.map((r) => r.reviewedAt)).toEqual(
			[...earlier.answers, ...later.answers].map((a) => a.answeredAt)
		);
	});
});
