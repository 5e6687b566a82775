import type { QuizQuestion } from './build';
import { questionAt, type AnswerRecord, type QuizRun } from './run';
import { MAX_POINTS } from './scoring';

export interface TagScore {
	tag: string;
	correct: number;
	total: number;
}

export interface QuestionResult {
	number: number;
	question: QuizQuestion;
	answer: AnswerRecord;
}

export interface QuizResults {
	correct: number;
	total: number;
	points: number;
	maxPoints: number;
	questions: QuestionResult[];
	mistakes: QuestionResult[];
	byTag: TagScore[];
}

/** Score, points, per-question times, a per-tag breakdown and the mistakes of a run. */
export function summarize(run: QuizRun): QuizResults {
	const questions = run.answers.map((answer, i) => ({
		number: i + 1,
		question: questionAt(run, i),
		answer
	}));
	const tags = new Map<string, TagScore>();
	// a quiz on some topics is scored on those: a question's other tags are not what was asked
	const asked = (tag: string) => !run.params.tags.length || run.params.tags.includes(tag);
	for (const { question, answer } of questions) {
		for (const tag of question.tags.filter(asked)) {
			const score = tags.get(tag) ?? { tag, correct: 0, total: 0 };
			score.total++;
			if (answer.correct) score.correct++;
			tags.set(tag, score);
		}
	}
	return {
		correct: questions.filter((q) => q.answer.correct).length,
		total: run.questions.length,
		points: questions.reduce((sum, q) => sum + q.answer.points, 0),
		maxPoints: run.questions.length * MAX_POINTS,
		questions,
		mistakes: questions.filter((q) => !q.answer.correct),
		byTag: [...tags.values()].sort(
			(a, b) => a.correct / a.total - b.correct / b.total || a.tag.localeCompare(b.tag)
		)
	};
}

/** What a quiz answer would mean for spaced repetition. */
export interface QuizReviewEvent {
	cardId: string;
	noteId: string;
	correct: boolean;
	timedOut: boolean;
	elapsedMs: number;
	answeredAt: Date;
}

/**
 * Hook for the "quiz answers count as reviews" setting (default off; not wired yet): the answers
 * of a finished run as review events the scheduler can turn into ratings (e.g. wrong → Again,
 * right → Good). The quiz page calls nothing with them; the integration reads them from here.
 */
export function reviewEvents(run: QuizRun): QuizReviewEvent[] {
	if (run.phase !== 'finished') return [];
	return run.answers.map((answer, i) => ({
		cardId: answer.cardId,
		noteId: questionAt(run, i).noteId,
		correct: answer.correct,
		timedOut: answer.timedOut,
		elapsedMs: answer.elapsedMs,
		answeredAt: new Date(answer.answeredAt)
	}));
}
