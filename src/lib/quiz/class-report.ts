import type { QuizQuestion } from './build';
import type { QuizParams } from './params';
import { deviceKey, type ClassResult } from './result-code';
import { pointsFor } from './scoring';

/** One student's line of the class report. */
export interface StudentLine {
	key: string;
	/** The nickname, or "Student <id>" when none was given (typed codes carry none). */
	name: string;
	correct: number;
	points: number;
	extraTime: ClassResult['extraTime'];
	/** Per question: the option chosen (0-3), 'timeout', or 'missed'. */
	answers: (number | 'timeout' | 'missed')[];
}

export interface QuestionLine {
	number: number;
	question: QuizQuestion;
	/** How many chose each option. */
	split: number[];
	timedOut: number;
	missed: number;
	right: number;
	/** Share of the class that answered right, 0-1 (students who missed it count as wrong). */
	rightShare: number;
	/** Options (indexes) nobody chose. */
	unchosen: number[];
	/**
	 * Right share in the upper third of the class (by score) minus the lower third, -1 to 1:
	 * near 0 or below, the question does not tell who knows the topic. Null under 3 students.
	 */
	discrimination: number | null;
}

export interface ClassReport {
	students: StudentLine[];
	/** The top 5 by points, then right answers. */
	podium: StudentLine[];
	questions: QuestionLine[];
	tags: { tag: string; right: number; total: number }[];
	/** Questions most of the class missed (under 50% right) or that tell nothing (D <= 0), worst first. */
	revisit: QuestionLine[];
}

const PODIUM = 5;

/**
 * The class report of one quiz from the results collected: scores, answer splits, item analysis.
 * @example classReport(quiz.questions, quiz.params, results).podium[0]?.name
 */
export function classReport(
	questions: QuizQuestion[],
	params: Pick<QuizParams, 'seconds' | 'scoring'> & Partial<Pick<QuizParams, 'tags'>>,
	results: ClassResult[]
): ClassReport {
	const students = results
		.map((result) => studentLine(questions, params, result))
		.sort(
			(a, b) => b.points - a.points || b.correct - a.correct || a.name.localeCompare(b.name, 'en')
		);
	const ranked = [...students].sort((a, b) => b.correct - a.correct || b.points - a.points);
	const third = Math.floor(ranked.length / 3);
	const upper = ranked.slice(0, third);
	const lower = ranked.slice(ranked.length - third);

	const lines = questions.map((question, i): QuestionLine => {
		const split = question.options.map(() => 0);
		let timedOut = 0;
		let missed = 0;
		for (const s of students) {
			const a = s.answers[i];
			if (a === 'timeout') timedOut++;
			else if (typeof a === 'number') split[a] = (split[a] ?? 0) + 1;
			else missed++;
		}
		const right = split[question.answerIndex] ?? 0;
		const share = (group: StudentLine[]) =>
			group.filter((s) => s.answers[i] === question.answerIndex).length / group.length;
		return {
			number: i + 1,
			question,
			split,
			timedOut,
			missed,
			right,
			rightShare: students.length ? right / students.length : 0,
			unchosen: split.flatMap((n, option) => (n === 0 ? [option] : [])),
			discrimination: third ? share(upper) - share(lower) : null
		};
	});

	const tags = new Map<string, { tag: string; right: number; total: number }>();
	// the quiz's topics only: a question's other tags are not what the class was asked about
	const asked = (tag: string) => !params.tags?.length || params.tags.includes(tag);
	for (const line of lines)
		for (const tag of line.question.tags.filter(asked)) {
			const t = tags.get(tag) ?? { tag, right: 0, total: 0 };
			t.right += line.right;
			t.total += students.length;
			tags.set(tag, t);
		}

	return {
		students,
		podium: students.slice(0, PODIUM),
		questions: lines,
		tags: [...tags.values()].sort(
			(a, b) => a.right / (a.total || 1) - b.right / (b.total || 1) || a.tag.localeCompare(b.tag)
		),
		revisit: students.length
			? lines
					.filter((l) => l.rightShare < 0.5 || (l.discrimination !== null && l.discrimination <= 0))
					.sort((a, b) => a.rightShare - b.rightShare || a.number - b.number)
			: []
	};
}

function studentLine(
	questions: QuizQuestion[],
	params: Pick<QuizParams, 'seconds' | 'scoring'>,
	result: ClassResult
): StudentLine {
	const limit = params.seconds === null ? null : params.seconds * 1000 * result.extraTime;
	let correct = 0;
	let points = 0;
	const answers = questions.map((question, i): StudentLine['answers'][number] => {
		const a = result.answers[i];
		if (a?.timedOut) return 'timeout';
		if (!a || a.missed || a.choice === null) return 'missed';
		const right = a.choice === question.answerIndex;
		if (right) correct++;
		points += pointsFor(right, a.elapsedMs ?? 0, limit, params.scoring);
		return a.choice;
	});
	const key = deviceKey(result);
	return {
		key,
		name: result.nickname || `Student ${key.toUpperCase()}`,
		correct,
		points,
		extraTime: result.extraTime,
		answers
	};
}

/** A CSV cell; a leading = + - @ is neutralized so a spreadsheet never runs a nickname as a formula. */
function cell(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV: one row a student, one column a question (the option number chosen, 1-4,
 * "timeout" or "missed"), after a row with the right answers.
 */
export function classCsv(report: ClassReport): string {
	const header = [
		'Student',
		'Right',
		'Points',
		'Extra time',
		...report.questions.map((q) => `Q${q.number}`)
	];
	const key = [
		'Right answer',
		'',
		'',
		'',
		...report.questions.map((q) => q.question.answerIndex + 1)
	];
	const rows = report.students.map((s) => [
		s.name,
		s.correct,
		s.points,
		s.extraTime === 1 ? '' : `x${s.extraTime}`,
		...s.answers.map((a) => (typeof a === 'number' ? a + 1 : a))
	]);
	return [header, key, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
