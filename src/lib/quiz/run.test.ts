import { describe, expect, it } from 'vitest';
import { fixtureDeck } from './test-deck';
import { buildQuiz } from './build';
import type { QuizParams } from './params';
import { reviewEvents, summarize } from './results';
import {
	answerQuestion,
	questionAt,
	expire,
	nextQuestion,
	remainingMs,
	startRun,
	type QuizRun
} from './run';

const deck = fixtureDeck(12);
const params = (over: Partial<QuizParams> = {}): QuizParams => ({
	tags: [],
	exclude: [],
	count: 5,
	seconds: 20,
	seed: 'run',
	deckHash: deck.hash,
	...over
});
const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);
const at = (ms: number) => new Date(T0 + ms);
const right = (run: QuizRun) => questionAt(run, run.index).answerIndex;
const wrong = (run: QuizRun) => (right(run) + 1) % 4;

describe('running a quiz', () => {
	it('starts on the first question with a deadline, not a counter', () => {
		const run = startRun(buildQuiz(deck, params()), at(0));
		expect(run).toMatchObject({ index: 0, phase: 'question', shownAt: T0, deadline: T0 + 20_000 });
		expect(remainingMs(run, at(7_500))).toBe(12_500);
	});

	it('scores a right answer by its speed and locks the question', () => {
		let run = startRun(buildQuiz(deck, params()), at(0));
		run = answerQuestion(run, right(run), at(5_000));
		expect(run.phase).toBe('locked');
		expect(run.answers[0]).toMatchObject({
			correct: true,
			elapsedMs: 5_000,
			points: 875,
			timedOut: false
		});
	});

	it('ignores a second answer to a locked question', () => {
		let run = startRun(buildQuiz(deck, params()), at(0));
		run = answerQuestion(run, wrong(run), at(1_000));
		const again = answerQuestion(run, right(run), at(2_000));
		expect(again).toBe(run);
	});

	it('locks a timed-out question as wrong with 0 points', () => {
		let run = startRun(buildQuiz(deck, params()), at(0));
		expect(expire(run, at(19_999))).toBe(run);
		run = expire(run, at(20_000));
		expect(run.phase).toBe('locked');
		expect(run.answers[0]).toMatchObject({
			choice: null,
			correct: false,
			timedOut: true,
			points: 0
		});
	});

	it('counts an answer that arrives after the deadline as a timeout', () => {
		let run = startRun(buildQuiz(deck, params()), at(0));
		run = answerQuestion(run, right(run), at(20_001));
		expect(run.answers[0]).toMatchObject({ correct: false, timedOut: true, points: 0 });
	});

	it('accepts an answer at the deadline itself for 500 points', () => {
		let run = startRun(buildQuiz(deck, params()), at(0));
		run = answerQuestion(run, right(run), at(20_000));
		expect(run.answers[0]).toMatchObject({ correct: true, points: 500 });
	});

	it('starts the next question’s clock when it is shown', () => {
		let run = startRun(buildQuiz(deck, params()), at(0));
		run = answerQuestion(run, right(run), at(3_000));
		run = nextQuestion(run, at(10_000));
		expect(run).toMatchObject({
			index: 1,
			phase: 'question',
			shownAt: T0 + 10_000,
			deadline: T0 + 30_000
		});
	});

	it('has no deadline when untimed, and never times out', () => {
		let run = startRun(buildQuiz(deck, params({ seconds: null })), at(0));
		expect(run.deadline).toBeNull();
		expect(remainingMs(run, at(1e9))).toBeNull();
		expect(expire(run, at(1e9))).toBe(run);
		run = answerQuestion(run, right(run), at(1e9));
		expect(run.answers[0]?.points).toBe(1000);
	});

	it('finishes after the last question and summarizes it', () => {
		let run = startRun(buildQuiz(deck, params()), at(0));
		let t = 0;
		for (let i = 0; i < 5; i++) {
			if (i === 1) run = expire(run, at((t += 20_000)));
			else run = answerQuestion(run, i === 2 ? wrong(run) : right(run), at((t += 10_000)));
			run = nextQuestion(run, at(t));
		}
		expect(run.phase).toBe('finished');
		expect(run.finishedAt).toBe(T0 + t);
		const results = summarize(run);
		expect(results).toMatchObject({ correct: 3, total: 5, points: 3 * 750, maxPoints: 5000 });
		expect(results.mistakes.map((m) => m.number)).toEqual([2, 3]);
		const tagTotal = results.byTag.reduce((sum, s) => sum + s.total, 0);
		expect(tagTotal).toBe(run.questions.reduce((sum, q) => sum + q.tags.length, 0));
		expect(reviewEvents(run)).toHaveLength(5);
		expect(reviewEvents(run)[1]).toMatchObject({ correct: false, timedOut: true });
	});

	it('gives the same results for the same answers on two devices', () => {
		const play = () => {
			let run = startRun(buildQuiz(fixtureDeck(12), params()), at(0));
			for (let i = 0; i < 5; i++) {
				run = answerQuestion(run, i % 4, at(i * 30_000 + 4_000));
				run = nextQuestion(run, at((i + 1) * 30_000));
			}
			return summarize(run);
		};
		expect(play()).toEqual(play());
	});

	// bug: an #etcd quiz listed #trivia under "By topic" because some etcd questions carry it too
	it('lists only the quiz topics under By topic', () => {
		let run = startRun(buildQuiz(deck, params({ tags: ['etcd'] })), at(0));
		expect(run.questions.some((q) => q.tags.includes('trivia'))).toBe(true);
		for (let i = 0; i < 5; i++) {
			run = answerQuestion(run, right(run), at(i * 1_000 + 500));
			run = nextQuestion(run, at((i + 1) * 1_000));
		}
		expect(summarize(run).byTag.map((t) => t.tag)).toEqual(['etcd']);
	});

	it('gives no review events before the quiz is finished', () => {
		expect(reviewEvents(startRun(buildQuiz(deck, params()), at(0)))).toEqual([]);
	});
});
