import type { Quiz, QuizQuestion } from './build';
import type { QuizParams } from './params';
import { quizKey } from './params';
import { opensAt, pacedSchedule, scheduledIndex, type PacedSchedule } from './paced';
import { pointsFor } from './scoring';

/** Extra time a student may give themselves (accommodations); the result records it. */
export type ExtraTime = 1 | 1.5 | 2;
export const EXTRA_TIMES: readonly ExtraTime[] = [1, 1.5, 2];

export interface AnswerRecord {
	cardId: string;
	/** Index into the question's (shuffled) options; null when time ran out or it was missed. */
	choice: number | null;
	correct: boolean;
	timedOut: boolean;
	/** Paced quiz: the question had closed before this phone joined (not answered). */
	missed?: true;
	elapsedMs: number;
	points: number;
	answeredAt: number;
}

/**
 * One person taking one quiz, as stored on the device. Times are epoch milliseconds. The running
 * question keeps its `deadline`, not a counter, so a reload resumes with the time that was left.
 */
export interface QuizRun {
	id: string;
	key: string;
	params: QuizParams;
	deckHash: string;
	/** The questions as asked, kept so results and history still show them after a deck update. */
	questions: QuizQuestion[];
	startedAt: number;
	index: number;
	/** question: answering; locked: answered or timed out, waiting for Next; finished: results. */
	phase: 'question' | 'locked' | 'finished';
	shownAt: number;
	deadline: number | null;
	answers: AnswerRecord[];
	finishedAt?: number;
	/** The student's setting when the quiz started: its answers also count as study reviews. */
	countsAsReviews?: true;
	/** Set once the finished quiz has been counted as spaced-repetition reviews. */
	reviewsRecorded?: true;
	/** Extra time the student chose (x1.5, x2); absent means none. */
	extraTime?: 1.5 | 2;
}

/** The question at `index` of a run (the run's own questions, so never missing for a valid index). */
export function questionAt(run: Pick<QuizRun, 'questions'>, index: number): QuizQuestion {
	const question = run.questions[index];
	if (!question) throw new RangeError(`This quiz has no question ${index + 1}.`);
	return question;
}

/**
 * What is wrong with a stored run, or undefined when it is one the functions here can make:
 * a run from an old or edited backup may contradict itself, and the quiz pages must not break on it.
 */
export function runProblem(
	run: Pick<QuizRun, 'questions' | 'index' | 'phase' | 'answers'>
): string | undefined {
	const n = run.questions.length;
	if (n === 0) return 'it has no questions';
	if (run.index >= n) return `it is at question ${run.index + 1} of ${n}`;
	const expected = { question: run.index, locked: run.index + 1, finished: n }[run.phase];
	if (run.phase === 'finished' && run.index !== n - 1)
		return `it is finished at question ${run.index + 1} of ${n}`;
	if (run.answers.length !== expected)
		return `it has ${run.answers.length} answers at question ${run.index + 1} of ${n} (${run.phase})`;
	for (const [i, question] of run.questions.entries()) {
		if (question.answerIndex >= question.options.length)
			return `question ${i + 1} has no option ${question.answerIndex + 1}`;
	}
	for (const [i, answer] of run.answers.entries()) {
		const question = run.questions[i]!;
		if (answer.cardId !== question.cardId) return `answer ${i + 1} is not for question ${i + 1}`;
		if (answer.choice !== null && answer.choice >= question.options.length)
			return `answer ${i + 1} picks option ${answer.choice + 1} of ${question.options.length}`;
	}
	return undefined;
}

/** The time a student has for one question, with their extra time; null when untimed. */
export function limitMs(run: Pick<QuizRun, 'params' | 'extraTime'>): number | null {
	return run.params.seconds === null ? null : run.params.seconds * 1000 * (run.extraTime ?? 1);
}

function schedule(run: Pick<QuizRun, 'params' | 'questions'>): PacedSchedule | null {
	return pacedSchedule(run.params, run.questions.length);
}

/**
 * Starts a quiz at `now`. Self-paced: the first question is shown now. Paced: the phone lands on
 * the question the class is on; the questions that closed before it count as not answered.
 */
export function startRun(quiz: Quiz, now: Date, extraTime: ExtraTime = 1): QuizRun {
	const key = quizKey(quiz.params);
	const at = now.getTime();
	const run: QuizRun = {
		id: `${key}@${at}`,
		key,
		params: quiz.params,
		deckHash: quiz.deckHash,
		questions: quiz.questions,
		startedAt: at,
		index: 0,
		phase: 'question',
		shownAt: at,
		deadline: null,
		answers: []
	};
	if (extraTime !== 1) run.extraTime = extraTime;
	const paced = schedule(run);
	if (!paced) return show(run, 0, at);
	const current = scheduledIndex(paced, at);
	const missed = (i: number): AnswerRecord => ({
		cardId: questionAt(run, i).cardId,
		choice: null,
		correct: false,
		timedOut: false,
		missed: true,
		elapsedMs: 0,
		points: 0,
		answeredAt: at
	});
	const skipped = { ...run, answers: run.questions.slice(0, current).map((_, i) => missed(i)) };
	if (current >= run.questions.length) return finish({ ...skipped, index: current - 1 }, at);
	const shown = show(skipped, current, at);
	// joined after this question closed for them: it is not answered either
	if (shown.deadline !== null && at >= shown.deadline) return lock(shown, missed(current));
	return shown;
}

function show(run: QuizRun, index: number, at: number): QuizRun {
	const limit = limitMs(run);
	const paced = schedule(run);
	if (paced && limit !== null) {
		// extra time runs into the gap, never into the next question
		const open = opensAt(paced, index);
		const deadline = open + Math.min(limit, paced.limitMs + paced.gapMs);
		return { ...run, index, phase: 'question', shownAt: open, deadline };
	}
	return {
		...run,
		index,
		phase: 'question',
		shownAt: at,
		deadline: limit === null ? null : at + limit
	};
}

function finish(run: QuizRun, at: number): QuizRun {
	return { ...run, phase: 'finished', deadline: null, finishedAt: at };
}

/** Whether the class clock, not the student, moves this run on. */
export function isPaced(run: Pick<QuizRun, 'params'>): boolean {
	return pacedSchedule(run.params, 1) !== null;
}

/**
 * The clock tick: locks a question whose time is up and, in a paced quiz, moves on to the
 * question the class is on (or finishes) once the schedule says so.
 */
export function follow(run: QuizRun, now: Date): QuizRun {
	const paced = schedule(run);
	let next = expire(run, now);
	if (!paced) return next;
	const target = scheduledIndex(paced, now.getTime());
	while (next.phase === 'locked' && next.index < target) {
		next =
			next.index + 1 < next.questions.length
				? show(next, next.index + 1, now.getTime())
				: finish(next, now.getTime());
		next = expire(next, now);
	}
	return next;
}

/** Milliseconds left on the current question (null when untimed or not answering). */
export function remainingMs(run: QuizRun, now: Date): number | null {
	if (run.phase !== 'question' || run.deadline === null) return null;
	return Math.max(0, run.deadline - now.getTime());
}

/** Records an answer to the current question; after the deadline it counts as a timeout instead. */
export function answerQuestion(run: QuizRun, choice: number, now: Date): QuizRun {
	if (run.phase !== 'question') return run;
	const at = now.getTime();
	if (run.deadline !== null && at > run.deadline) return expire(run, now);
	const question = questionAt(run, run.index);
	const correct = choice === question.answerIndex;
	const elapsedMs = Math.max(0, at - run.shownAt);
	return lock(run, {
		cardId: question.cardId,
		choice,
		correct,
		timedOut: false,
		elapsedMs,
		points: pointsFor(correct, elapsedMs, limitMs(run), run.params.scoring),
		answeredAt: at
	});
}

/** Locks the current question as wrong once its deadline has passed; otherwise changes nothing. */
export function expire(run: QuizRun, now: Date): QuizRun {
	const at = now.getTime();
	if (run.phase !== 'question' || run.deadline === null || at < run.deadline) return run;
	return lock(run, {
		cardId: questionAt(run, run.index).cardId,
		choice: null,
		correct: false,
		timedOut: true,
		elapsedMs: run.deadline - run.shownAt,
		points: 0,
		answeredAt: at
	});
}

function lock(run: QuizRun, answer: AnswerRecord): QuizRun {
	return { ...run, phase: 'locked', deadline: null, answers: [...run.answers, answer] };
}

/**
 * After a locked question: the next one starts its clock at `now`, or the quiz finishes.
 * A paced quiz moves on with the class clock instead (see follow).
 */
export function nextQuestion(run: QuizRun, now: Date): QuizRun {
	if (run.phase !== 'locked' || isPaced(run)) return run;
	const at = now.getTime();
	if (run.index + 1 < run.questions.length) return show(run, run.index + 1, at);
	return finish(run, at);
}
