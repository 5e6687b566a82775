/**
 * Issue 16: parseBackup threw on some keys and on deep nesting, and accepted backups that
 * contradict themselves (a quiz with more answers than questions, a deck hash with no cards,
 * any JSON under an unknown setting key).
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuiz } from '$lib/quiz/build';
import { answerQuestion, nextQuestion, startRun } from '$lib/quiz/run';
import { fixtureDeck } from '$lib/quiz/test-deck';
import * as storage from '$lib/storage';
import { parseBackup } from './parse';

const deck = fixtureDeck(3);
const now = new Date(2026, 10, 27, 10);
let good: string;

beforeAll(async () => {
	await storage.syncDeck(deck, now);
	await storage.saveFilter({ name: 'Exam', tags: ['etcd'], exclude: [] });
	let run = startRun(
		buildQuiz(deck, { tags: [], exclude: [], count: 5, seconds: null, seed: 's', deckHash: null }),
		now
	);
	for (let i = 0; i < run.questions.length; i++) {
		run = answerQuestion(run, 0, new Date(now.getTime() + i * 1000 + 500));
		run = nextQuestion(run, new Date(now.getTime() + (i + 1) * 1000));
	}
	await storage.saveQuizRun(run);
	good = (await storage.exportBackup(now)).json;
});

// a parsed copy of the good file, edited freely
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function edited(change: (b: any) => void): string {
	const b = JSON.parse(good);
	change(b);
	return JSON.stringify(b);
}

const parsed = (text: string) => {
	const result = parseBackup(text);
	if (!result.ok) throw new Error(`refused: ${result.message}`);
	return result;
};
const keys = (text: string) => parsed(text).backup.tables.preferences.map((p) => p.key);

describe('parseBackup never throws', () => {
	for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
		it(`drops a setting keyed ${key} with a warning`, () => {
			const text = good.replace(
				'"preferences":[',
				`"preferences":[{"key":"${key}","value":{"tags":[],"exclude":[],"query":""}},`
			);
			const result = parsed(text);
			expect(result.warnings).toEqual([
				`Setting 1 was left out: "${key}" is not a setting of this app.`
			]);
			expect(keys(text)).not.toContain(key);
			expect(Object.getPrototypeOf(result.backup.tables)).toBe(Object.prototype);
		});
	}

	it('a setting nested 5,000 deep is dropped with a warning', () => {
		const deep = '['.repeat(5000) + ']'.repeat(5000);
		const text = edited((b) => b.tables.preferences.push({ key: 'unknown', value: 0 })).replace(
			'"value":0',
			`"value":${deep}`
		);
		expect(() => parseBackup(text)).not.toThrow();
		expect(parsed(text).warnings).toEqual([
			expect.stringMatching(/^Setting \d+ was left out: "unknown" is not a setting/)
		]);
	});

	it('a known setting nested 5,000 deep is dropped with a warning', () => {
		const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
		const text = edited((b) => {
			b.tables.preferences = b.tables.preferences.filter((p: { key: string }) => p.key !== 'decks');
			b.tables.preferences.push({ key: 'decks', value: 0 });
		}).replace('"value":0', `"value":${deep}`);
		expect(parsed(text).warnings).toEqual([
			expect.stringMatching(/^Setting \d+ was left out: value: not an array/)
		]);
	});

	it('a whole file nested 200,000 deep is refused with a message, not an exception', () => {
		const text = '['.repeat(200_000) + ']'.repeat(200_000);
		expect(() => parseBackup(text)).not.toThrow();
		expect(parseBackup(text).ok).toBe(false);
	});
});

describe('semantic checks', () => {
	it('the good file passes with no warning', () => {
		expect(parsed(good).warnings).toEqual([]);
		expect(parsed(good).backup.tables.quizRuns).toHaveLength(1);
	});

	it('a quiz run with more answers than questions is left out', () => {
		const text = edited((b) => b.tables.quizRuns[0].answers.push(b.tables.quizRuns[0].answers[0]));
		const result = parsed(text);
		expect(result.warnings).toEqual([
			'Quiz 1 was left out: it has 6 answers at question 5 of 5 (finished).'
		]);
		expect(result.backup.tables.quizRuns).toEqual([]);
	});

	it('a quiz run at question 999 is left out', () => {
		const result = parsed(edited((b) => (b.tables.quizRuns[0].index = 998)));
		expect(result.warnings).toEqual(['Quiz 1 was left out: it is at question 999 of 5.']);
	});

	it('a quiz answer for another question, or an option that is not there, is left out', () => {
		const other = parsed(
			edited((b) => (b.tables.quizRuns[0].answers[1].cardId = 'n0000000fff:mcq:z'))
		);
		expect(other.warnings[0]).toMatch(/answer 2 is not for question 2/);
		const option = parsed(edited((b) => (b.tables.quizRuns[0].answers[0].choice = 7)));
		expect(option.warnings[0]).toMatch(/answer 1 picks option 8 of 4/);
	});

	it('a quiz that is in the file twice is kept once', () => {
		const result = parsed(edited((b) => b.tables.quizRuns.push(b.tables.quizRuns[0])));
		expect(result.warnings).toEqual(['Quiz 2 was left out: it is in the file twice.']);
		expect(result.backup.tables.quizRuns).toHaveLength(1);
	});

	it('a deck hash with no cards is left out, so the next start syncs the cards again', () => {
		const result = parsed(edited((b) => (b.tables.cards = [])));
		expect(result.warnings).toEqual([
			'The deck version was left out: the file has no cards for it.'
		]);
		expect(keys(JSON.stringify(result.backup))).not.toContain('deckHash');
	});

	it('an unknown setting key is dropped, however large its value', () => {
		const blob = 'x'.repeat(6_000_000);
		const result = parsed(edited((b) => b.tables.preferences.push({ key: 'blob', value: blob })));
		expect(result.warnings).toEqual([
			expect.stringMatching(/^Setting \d+ was left out: "blob" is not a setting of this app\.$/)
		]);
		expect(JSON.stringify(result.backup).length).toBeLessThan(good.length + 100);
	});

	it('a known setting over 5,000,000 characters is dropped', () => {
		const result = parsed(
			edited((b) => {
				const session = {
					deck: '?all',
					practice: true,
					revealed: false,
					remaining: [] as string[]
				};
				session.remaining = Array(300_000).fill(deck.cards[0]!.id);
				b.tables.preferences.push({ key: 'session', value: session });
			})
		);
		expect(result.warnings).toEqual([
			expect.stringMatching(
				/^Setting \d+ was left out: its value is too large \(\d+ characters\)\.$/
			)
		]);
	});

	it('a bad value of a known setting is dropped, naming what is wrong', () => {
		const result = parsed(
			edited((b) => {
				const decks = b.tables.preferences.find((p: { key: string }) => p.key === 'decks');
				decks.value[0].name = 'x'.repeat(201);
			})
		);
		expect(result.warnings).toEqual([
			expect.stringMatching(
				/^Setting \d+ was left out: value\.0\.name: more than 200 characters\.$/
			)
		]);
	});
});
