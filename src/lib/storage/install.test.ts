import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildQuiz } from '$lib/quiz/build';
import { answerQuestion, nextQuestion, startRun } from '$lib/quiz/run';
import { fixtureDeck } from '$lib/quiz/test-deck';
import { defaultSettings, Rating, Scheduler } from '$lib/scheduler';
import { db } from './db';
import * as storage from './index';

const now = new Date(Date.UTC(2026, 10, 30, 12));
const deck = fixtureDeck(6);
const params = { tags: [], exclude: [], count: 5, seconds: 20, seed: 's', deckHash: deck.hash };

beforeEach(async () => {
	await Promise.all([
		db.preferences.clear(),
		db.cards.clear(),
		db.reviews.clear(),
		db.quizRuns.clear()
	]);
	vi.unstubAllGlobals();
});

describe('hasProgress', () => {
	it('is false on a new device, even with the deck synced and a quiz started', async () => {
		await storage.syncDeck({ hash: deck.hash, cards: deck.cards }, now);
		await storage.saveQuizRun(startRun(buildQuiz(deck, params), now));
		expect(await storage.hasProgress()).toBe(false);
	});

	it('is true after one answered card', async () => {
		await storage.syncDeck({ hash: deck.hash, cards: deck.cards }, now);
		const scheduler = new Scheduler({ ...defaultSettings(), enableFuzz: false });
		await storage.answer(deck.cards[0]!.id, Rating.Good, now, scheduler);
		expect(await storage.hasProgress()).toBe(true);
	});

	it('is true after a finished quiz', async () => {
		let run = startRun(buildQuiz(deck, params), now);
		for (let i = 0; i < params.count; i++) {
			run = answerQuestion(run, 0, new Date(now.getTime() + i * 1000 + 500));
			run = nextQuestion(run, new Date(now.getTime() + (i + 1) * 1000));
		}
		expect(run.finishedAt).toBeDefined();
		await storage.saveQuizRun(run);
		expect(await storage.hasProgress()).toBe(true);
	});
});

describe('install choice', () => {
	it('is remembered once given', async () => {
		expect(await storage.installChoice()).toBeUndefined();
		await storage.saveInstallChoice('not-now', now);
		expect(await storage.installChoice()).toBe('not-now');
		await storage.saveInstallChoice('accepted', now);
		expect(await storage.installChoice()).toBe('accepted');
	});
});

describe('persistAfterFirstAnswer', () => {
	// a fresh page each time: the module remembers that it asked in this page
	const freshPage = async () => {
		vi.resetModules();
		return import('./index');
	};

	function storageManager() {
		const manager = {
			persisted: vi.fn(async () => false),
			persist: vi.fn(async () => true),
			estimate: vi.fn(async () => ({ usage: 1, quota: 2 }))
		};
		vi.stubGlobal('navigator', { storage: manager });
		return manager;
	}

	it('asks the browser the first time and reports what it granted', async () => {
		const manager = storageManager();
		const storage = await freshPage();
		expect(await storage.persistAfterFirstAnswer(now)).toEqual({
			persisted: true,
			usage: 1,
			quota: 2
		});
		expect(manager.persist).toHaveBeenCalledTimes(1);
	});

	it('never asks again after the first time, even if the browser said no', async () => {
		const manager = storageManager();
		manager.persist.mockResolvedValue(false);
		await (await freshPage()).persistAfterFirstAnswer(now);
		// the same page, and a later one (reload)
		expect(await storage.persistAfterFirstAnswer(now)).toBeUndefined();
		expect(await (await freshPage()).persistAfterFirstAnswer(now)).toBeUndefined();
		expect(manager.persist).toHaveBeenCalledTimes(1);
	});
});
