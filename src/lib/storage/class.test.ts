import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deviceKey, type ClassResult } from '$lib/quiz/result-code';
import { db } from './db';
import * as storage from './index';

const QUIZ = { id: 'q1-d1', search: '?n=5&t=20&seed=s', title: 'All topics' };
const T0 = new Date(Date.UTC(2026, 10, 30, 9, 0, 0));
const result = (device: number, run: number | null, choice = 0): ClassResult => ({
	short: run === null,
	quiz: 1,
	deck: 1,
	device: run === null ? device : device << 12,
	run,
	scoring: 'speed',
	extraTime: 1,
	nickname: run === null ? '' : `s${device}`,
	answers: [{ choice, timedOut: false, missed: false, elapsedMs: 1000 }]
});

beforeEach(async () => {
	await Promise.all([db.classQuizzes.clear(), db.classResults.clear(), db.preferences.clear()]);
});

describe('collecting class results', () => {
	it('keeps each result as it arrives and counts the quiz in the history', async () => {
		expect(await storage.addClassResult(QUIZ, deviceKey(result(1, 7)), result(1, 7), 'A', T0)).toBe(
			'added'
		);
		expect(await storage.addClassResult(QUIZ, deviceKey(result(2, 7)), result(2, 7), 'B', T0)).toBe(
			'added'
		);
		expect((await storage.classResults(QUIZ.id)).map((r) => r.code)).toEqual(['A', 'B']);
		expect(await storage.classQuizzes()).toMatchObject([{ ...QUIZ, results: 2 }]);
	});

	it('counts a device once: a second scan of the same code or another run is a duplicate', async () => {
		await storage.addClassResult(QUIZ, deviceKey(result(1, 7)), result(1, 7), 'A', T0);
		expect(await storage.addClassResult(QUIZ, deviceKey(result(1, 7)), result(1, 7), 'A', T0)).toBe(
			'duplicate'
		);
		expect(
			await storage.addClassResult(QUIZ, deviceKey(result(1, 8, 2)), result(1, 8, 2), 'A2', T0)
		).toBe('duplicate');
		// the typed code of the same device (top 20 bits of its id)
		expect(
			await storage.addClassResult(QUIZ, deviceKey(result(1, null)), result(1, null), 'T', T0)
		).toBe('duplicate');
		expect(await storage.classResults(QUIZ.id)).toHaveLength(1);
	});

	it('lets a later result of the same run replace the kept one', async () => {
		await storage.addClassResult(QUIZ, deviceKey(result(1, 7, 0)), result(1, 7, 0), 'A', T0);
		expect(
			await storage.addClassResult(QUIZ, deviceKey(result(1, 7, 3)), result(1, 7, 3), 'A+', T0)
		).toBe('replaced');
		expect((await storage.classResults(QUIZ.id))[0]?.code).toBe('A+');
	});
});

describe('the student side', () => {
	it('makes a device id once and keeps it', async () => {
		const id = await storage.deviceId();
		expect(await storage.deviceId()).toBe(id);
	});

	it('remembers the nickname for next time', async () => {
		expect(await storage.nickname()).toBe('');
		await storage.saveNickname('  Sam  ');
		expect(await storage.nickname()).toBe('Sam');
	});
});
