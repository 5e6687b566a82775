import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { buildQuiz } from './build';
import type { QuizParams } from './params';
import {
	decodeResult,
	deviceKey,
	encodeResult,
	normalizeCode,
	quizIdentity,
	resultMismatch,
	ResultCodeError
} from './result-code';
import { answerQuestion, follow, startRun, type ExtraTime, type QuizRun } from './run';
import { fixtureDeck } from './test-deck';

const deck = fixtureDeck(30);
const START = Date.UTC(2026, 10, 30, 9, 0, 0);
const params = (over: Partial<QuizParams> = {}): QuizParams => ({
	tags: [],
	exclude: [],
	count: 10,
	seconds: 20,
	seed: 'codes',
	deckHash: deck.hash,
	start: START / 1000,
	...over
});
const who = { device: 0xdeadbeef, nickname: 'Zoë 🚀' };

/** A paced run: answers `choices[i]` (null: lets it time out) `times[i]` ms after each opening. */
function finishedRun(
	choices: (number | null)[],
	p = params(),
	extra: ExtraTime = 1,
	joinAt = -1_000
): QuizRun {
	let run = startRun(buildQuiz(deck, p), new Date(START + joinAt), extra);
	choices.forEach((choice, i) => {
		const open = START + i * 30_000;
		if (run.index !== i || run.phase !== 'question') return;
		if (choice !== null) run = answerQuestion(run, choice, new Date(open + 1_000 + i * 1_700));
	});
	return follow(run, new Date(START + 10 * 30_000));
}

const choices = [0, 1, 2, 3, null, 0, 1, 2, 3, 0];

describe('result codes', () => {
	it('round-trips a full result: identity, device, run, nickname, answers and times', () => {
		const run = finishedRun(choices);
		const text = encodeResult(run, who);
		expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
		const result = decodeResult(text, 20_000);
		expect(resultMismatch(result, quizIdentity(run.params, run.deckHash))).toBeNull();
		expect(result).toMatchObject({
			short: false,
			device: 0xdeadbeef,
			nickname: 'Zoë 🚀',
			scoring: 'speed',
			extraTime: 1
		});
		expect(result.run).not.toBeNull();
		expect(result.answers).toEqual(
			run.answers.map((a) => ({
				choice: a.choice,
				timedOut: a.timedOut,
				missed: false,
				elapsedMs: Math.round(a.elapsedMs / 100) * 100
			}))
		);
		expect(result.answers[4]).toMatchObject({ choice: null, timedOut: true });
	});

	it('records extra time, accuracy scoring and questions missed by a late joiner', () => {
		const run = finishedRun(choices, params({ scoring: 'accuracy' }), 2, 65_000);
		const result = decodeResult(encodeResult(run, who), 20_000);
		expect(result).toMatchObject({ scoring: 'accuracy', extraTime: 2 });
		expect(result.answers.slice(0, 3).map((a) => a.missed)).toEqual([true, true, false]);
	});

	it('fits in a small QR code at error correction M: 10 questions v4 (v5 with the longest nickname), 50 v9', () => {
		const version = (run: QuizRun, nickname: string) =>
			encode(encodeResult(run, { device: 1, nickname }), { ecc: 'M' }).version;
		const ten = finishedRun(choices);
		expect(version(ten, 'Sam the 2nd!')).toBeLessThanOrEqual(4);
		expect(version(ten, 'a'.repeat(40))).toBeLessThanOrEqual(5);
		const fifty = startRun(
			buildQuiz(fixtureDeck(60), params({ count: 50 })),
			new Date(START + 1e7)
		);
		expect(fifty.answers).toHaveLength(50);
		expect(version(fifty, 'a'.repeat(40))).toBeLessThanOrEqual(9);
	});

	it('round-trips the short typed code, with times to an eighth of the limit', () => {
		const run = finishedRun(choices, params(), 1.5);
		const typed = encodeResult(run, who, true);
		expect(typed).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-)+[0-9A-HJKMNP-TV-Z]{1,4}$/);
		expect(typed.replace(/-/g, '').length).toBeLessThanOrEqual(28);
		const result = decodeResult(typed.toLowerCase().replace(/-/g, ' '), 20_000);
		expect(result).toMatchObject({ short: true, run: null, nickname: '', extraTime: 1.5 });
		expect(result.answers.map((a) => a.choice)).toEqual(run.answers.map((a) => a.choice));
		run.answers.forEach((a, i) =>
			expect(Math.abs((result.answers[i]?.elapsedMs ?? 0) - a.elapsedMs)).toBeLessThanOrEqual(
				30_000 / 16
			)
		);
		expect(resultMismatch(result, quizIdentity(run.params, run.deckHash))).toBeNull();
		expect(deviceKey(result)).toBe(deviceKey(decodeResult(encodeResult(run, who), 20_000)));
	});

	it('reads O, I and L typed for 0, 1 and 1', () => {
		expect(normalizeCode('o1-il ')).toBe('0111');
	});

	it('refuses a result of another quiz, or of another deck version, saying which', () => {
		const run = finishedRun(choices);
		const result = decodeResult(encodeResult(run, who), 20_000);
		expect(resultMismatch(result, quizIdentity(params({ seed: 'other' }), run.deckHash))).toMatch(
			/another quiz/
		);
		expect(resultMismatch(result, quizIdentity(params({ start: 1 }), run.deckHash))).toMatch(
			/another quiz/
		);
		expect(resultMismatch(result, quizIdentity(run.params, 'ffffffffffffff'))).toMatch(
			/another version of the course/
		);
	});

	it('refuses a code of another version', () => {
		const text = encodeResult(finishedRun(choices), who);
		// version 2 in the first four bits: first character 0b00010 → 0b00100
		expect(() => decodeResult('4' + text.slice(1), 20_000)).toThrow(/format 2; it reads format 1/);
	});

	it('refuses a corrupt code: one character changed, cut short, made longer, not a code', () => {
		const text = encodeResult(finishedRun(choices), who);
		const swap = (i: number) =>
			text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
		for (const i of [1, 10, 30, text.length - 2]) {
			expect(() => decodeResult(swap(i), 20_000), `char ${i}`).toThrow(ResultCodeError);
		}
		expect(() => decodeResult(text.slice(0, -3), 20_000)).toThrow(ResultCodeError);
		expect(() => decodeResult(text + '00', 20_000)).toThrow(/too long/);
		expect(() => decodeResult('https://example.org/quiz?seed=abc', 20_000)).toThrow(
			/cannot be in it/
		);
		expect(() => decodeResult('', 20_000)).toThrow(/not a quiz result/);
	});
});
