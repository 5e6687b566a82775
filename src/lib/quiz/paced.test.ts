import { describe, expect, it } from 'vitest';
import { buildQuiz } from './build';
import { minutesSeconds, opensAt, pacedMoment, pacedSchedule, scheduledIndex } from './paced';
import type { QuizParams } from './params';
import { summarize } from './results';
import { answerQuestion, follow, nextQuestion, questionAt, remainingMs, startRun } from './run';
import { fixtureDeck } from './test-deck';

const deck = fixtureDeck(12);
const START = Date.UTC(2026, 10, 30, 9, 0, 0);
const params = (over: Partial<QuizParams> = {}): QuizParams => ({
	tags: [],
	exclude: [],
	count: 5,
	seconds: 20,
	seed: 'paced',
	deckHash: deck.hash,
	start: START / 1000,
	...over
});
const at = (ms: number) => new Date(START + ms);
const schedule = pacedSchedule(params(), 5)!;

describe('the paced schedule', () => {
	it('opens question i at start + i * (t + gap)', () => {
		expect(schedule).toEqual({ startMs: START, limitMs: 20_000, gapMs: 10_000, count: 5 });
		expect([0, 1, 4].map((i) => opensAt(schedule, i) - START)).toEqual([0, 30_000, 120_000]);
	});

	it('waits before the start, then runs question, reveal, next question, end', () => {
		expect(pacedMoment(schedule, START - 125_000)).toEqual({
			phase: 'waiting',
			startsInMs: 125_000
		});
		expect(pacedMoment(schedule, START + 5_000)).toEqual({
			phase: 'question',
			index: 0,
			closesAt: START + 20_000,
			remainingMs: 15_000
		});
		expect(pacedMoment(schedule, START + 20_000)).toEqual({
			phase: 'reveal',
			index: 0,
			nextAt: START + 30_000,
			remainingMs: 10_000
		});
		expect(pacedMoment(schedule, START + 30_000)).toMatchObject({ phase: 'question', index: 1 });
		expect(pacedMoment(schedule, START + 149_999)).toMatchObject({ phase: 'reveal', index: 4 });
		expect(pacedMoment(schedule, START + 150_000)).toEqual({ phase: 'finished' });
		expect(scheduledIndex(schedule, START + 150_000)).toBe(5);
	});

	it('is self-paced without start= or without a time limit', () => {
		expect(pacedSchedule(params({ start: undefined }), 5)).toBeNull();
		expect(pacedSchedule(params({ seconds: null }), 5)).toBeNull();
	});

	it('shows waits as m:ss, rounded up', () => {
		expect(minutesSeconds(125_000)).toBe('2:05');
		expect(minutesSeconds(59_001)).toBe('1:00');
		expect(minutesSeconds(0)).toBe('0:00');
		expect(minutesSeconds(-3)).toBe('0:00');
	});
});

describe('a paced run', () => {
	const quiz = buildQuiz(deck, params());

	it('times each answer from the question opening, not from when the phone showed it', () => {
		let run = startRun(quiz, at(-60_000));
		expect(run).toMatchObject({ index: 0, phase: 'question', deadline: START + 20_000 });
		run = follow(run, at(4_000));
		run = answerQuestion(run, questionAt(run, 0).answerIndex, at(5_000));
		expect(run.answers[0]).toMatchObject({ correct: true, elapsedMs: 5_000, points: 875 });
	});

	it('moves on with the clock, not with Next', () => {
		let run = answerQuestion(startRun(quiz, at(0)), 0, at(1_000));
		expect(nextQuestion(run, at(2_000))).toBe(run);
		run = follow(run, at(29_999));
		expect(run).toMatchObject({ index: 0, phase: 'locked' });
		run = follow(run, at(30_000));
		expect(run).toMatchObject({ index: 1, phase: 'question', deadline: START + 50_000 });
		expect(remainingMs(run, at(35_000))).toBe(15_000);
	});

	it('puts a late joiner on the current question; earlier ones count as not answered', () => {
		const run = startRun(quiz, at(65_000));
		expect(run).toMatchObject({ index: 2, phase: 'question', shownAt: START + 60_000 });
		expect(run.answers).toHaveLength(2);
		expect(run.answers.every((a) => a.missed && !a.timedOut && a.choice === null)).toBe(true);
		expect(summarize(run).mistakes).toHaveLength(2);
	});

	it('counts the question whose time is up when joining in its gap as not answered', () => {
		const run = startRun(quiz, at(85_000));
		expect(run).toMatchObject({ index: 2, phase: 'locked' });
		expect(run.answers).toHaveLength(3);
		expect(run.answers[2]?.missed).toBe(true);
	});

	it('times out a question nobody answered and finishes after the last one', () => {
		let run = startRun(quiz, at(0));
		run = follow(run, at(20_000));
		expect(run.answers[0]).toMatchObject({ timedOut: true, elapsedMs: 20_000 });
		// the phone slept through the rest: it catches up in one tick
		run = follow(run, at(200_000));
		expect(run.phase).toBe('finished');
		expect(run.answers).toHaveLength(5);
	});

	it('lets extra time run into the gap but never into the next question', () => {
		expect(startRun(quiz, at(0), 1.5).deadline).toBe(START + 30_000);
		expect(startRun(quiz, at(0), 2).deadline).toBe(START + 30_000);
		const slower = answerQuestion(startRun(quiz, at(0), 1.5), 0, at(25_000));
		expect(slower.answers[0]?.timedOut).toBe(false);
		expect(slower.extraTime).toBe(1.5);
	});
});
