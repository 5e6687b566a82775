import type { Quiz, QuizQuestion } from './build';
import type { QuizParams } from './params';
import { quizKey } from './params';
import { pointsFor } from './scoring';

export interface AnswerRecord {
	cardId: string;
	/** Index into the question's (shuffled) options; null when time ran out. */
	choice: number | null;
	correct: boolean;
	timedOut: boolean;
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
	/** Set once the finished quiz has been counted as spaced-repetition reviews. */
	reviewsRecorded?: true;
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

function limitMs(run: Pick<QuizRun, 'params'>): number | null {
	return run.params.seconds === null ? null : run.params.seconds * 1000;
}

/** Starts a quiz: the first question is shown at `now`. */
export function startRun(quiz: Quiz, now: Date): QuizRun {
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
	return show(run, 0, at);
}

function show(run: QuizRun, index: number, at: number): QuizRun {
	const limit = limitMs(run);
	return {
		...run,
		index,
		phase: 'question',
		shownAt: at,
		deadline: limit === null ? null : at + limit
	};
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
		points: pointsFor(correct, elapsedMs, limitMs(run)),
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

/** After a locked question: the next one starts its clock at `now`, or the quiz finishes. */
export function nextQuestion(run: QuizRun, now: Date): QuizRun {
	if (run.phase !== 'locked') return run;
	const at = now.getTime();
	if (run.index + 1 < run.questions.length) return show(run, run.index + 1, at);
	return { ...run, phase: 'finished', deadline: null, finishedAt: at };
}
