import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from './build';
import { classCsv, classReport } from './class-report';
import type { ClassResult } from './result-code';

const question = (n: number, answerIndex: number, tags: string[]): QuizQuestion => ({
	cardId: `c${n}`,
	noteId: `n${n}`,
	tags,
	question: `Question ${n}?`,
	options: ['a', 'b', 'c', 'd'],
	answerIndex,
	explanation: ''
});
const questions = [
	question(1, 0, ['etcd']),
	question(2, 1, ['rbac']),
	question(3, 2, ['etcd', 'trivia'])
];
const params = { seconds: 20 };

type Given = number | [number, number] | 'timeout' | 'missed';
/** A student's result: each answer an option and the ms it took, 'timeout' or 'missed'. */
function student(nickname: string, device: number, given: Given[]): ClassResult {
	return {
		short: false,
		quiz: 1,
		deck: 1,
		device: device << 12,
		run: 1,
		scoring: 'speed',
		extraTime: 1,
		nickname,
		answers: given.map((g) =>
			g === 'timeout'
				? { choice: null, timedOut: true, missed: false, elapsedMs: 20_000 }
				: g === 'missed'
					? { choice: null, timedOut: false, missed: true, elapsedMs: 0 }
					: typeof g === 'number'
						? { choice: g, timedOut: false, missed: false, elapsedMs: 0 }
						: { choice: g[0], timedOut: false, missed: false, elapsedMs: g[1] }
		)
	};
}

// six students; points = 1000 * (1 - elapsed / 20 s / 2) for each right answer
const CLASS = [
	student('A', 1, [
		[0, 2000],
		[1, 2000],
		[2, 2000]
	]), // 3 right, 2850
	student('B', 2, [
		[0, 10_000],
		[1, 4000],
		[3, 1000]
	]), // 2 right, 1650
	student('C', 3, [
		[0, 4000],
		[0, 1000],
		[2, 10_000]
	]), // 2 right, 1650
	student('D', 4, [[1, 1000], [1, 6000], 'timeout']), // 1 right, 850
	student('E', 5, [[2, 1000], [0, 1000], 'missed']), // 0 right
	student('F', 6, [0, [3, 1000], [0, 1000]]) // 1 right, 1000
];

describe('the class report of a known class', () => {
	const report = classReport(questions, params, CLASS);

	it('puts the top five on the podium by points, ties by right answers then name', () => {
		expect(report.podium.map((s) => [s.name, s.correct, s.points])).toEqual([
			['A', 3, 2850],
			['B', 2, 1650],
			['C', 2, 1650],
			['F', 1, 1000],
			['D', 1, 850]
		]);
		expect(report.students).toHaveLength(6);
	});

	it('splits the answers of each question, with timeouts and missed apart', () => {
		expect(report.questions.map((q) => q.split)).toEqual([
			[4, 1, 1, 0],
			[2, 3, 0, 1],
			[1, 0, 2, 1]
		]);
		expect(report.questions[2]).toMatchObject({ timedOut: 1, missed: 1, right: 2 });
	});

	it('gives the share right per question and per tag, and the options nobody chose', () => {
		expect(report.questions.map((q) => q.rightShare)).toEqual([4 / 6, 3 / 6, 2 / 6]);
		expect(report.questions.map((q) => q.unchosen)).toEqual([[3], [2], [1]]);
		expect(report.tags).toEqual([
			{ tag: 'trivia', right: 2, total: 6 },
			{ tag: 'etcd', right: 6, total: 12 },
			{ tag: 'rbac', right: 3, total: 6 }
		]);
	});

	it('lists only the quiz topics by topic when the quiz has some', () => {
		const etcd = classReport(questions, { ...params, tags: ['etcd'] }, CLASS);
		expect(etcd.tags).toEqual([{ tag: 'etcd', right: 6, total: 12 }]);
	});

	it('measures discrimination as upper third minus lower third', () => {
		// upper third A, B; lower third D, E
		expect(report.questions.map((q) => q.discrimination)).toEqual([1, 0.5, 0.5]);
	});

	it('lists questions to revisit: under half right, or not telling who knows (D <= 0)', () => {
		expect(report.revisit.map((q) => q.number)).toEqual([3]);
		const flat = classReport(questions, params, [
			student('w', 6, [0, 1, 2]),
			student('x', 7, [1, 1, 2]),
			student('y', 8, [1, 1, 2]),
			student('z', 9, [0, 0, 0])
		]);
		// question 1: half right, but the strongest and the weakest student alike
		expect(flat.questions[0]).toMatchObject({ rightShare: 0.5, discrimination: 0 });
		expect(flat.revisit.map((q) => q.number)).toEqual([1]);
	});

	it('has no discrimination figure under three students and no revisit list with none', () => {
		expect(
			classReport(questions, params, CLASS.slice(0, 2)).questions[0]?.discrimination
		).toBeNull();
		expect(classReport(questions, params, []).revisit).toEqual([]);
	});

	it('scores accuracy-only quizzes and extra time as the link and the student said', () => {
		const slow = {
			...student('S', 10, [[0, 15_000], 'missed', 'missed']),
			extraTime: 1.5 as const
		};
		expect(classReport(questions, params, [slow]).students[0]?.points).toBe(750);
		expect(
			classReport(questions, { seconds: 20, scoring: 'accuracy' }, [slow]).students[0]?.points
		).toBe(1000);
	});
});

describe('the class CSV', () => {
	it('has one row a student and one column a question, after the right answers', () => {
		const csv = classCsv(classReport(questions, params, CLASS));
		const lines = csv.trimEnd().split('\r\n');
		expect(lines[0]).toBe('Student,Right,Points,Extra time,Q1,Q2,Q3');
		expect(lines[1]).toBe('Right answer,,,,1,2,3');
		expect(lines.slice(2)).toEqual([
			'A,3,2850,,1,2,3',
			'B,2,1650,,1,2,4',
			'C,2,1650,,1,1,3',
			'F,1,1000,,1,4,1',
			'D,1,850,,2,2,timeout',
			'E,0,0,,3,1,missed'
		]);
	});

	it('quotes commas and never lets a nickname run as a formula', () => {
		const csv = classCsv(
			classReport(questions, params, [
				student('=HYPERLINK("x")', 1, [0, 1, 2]),
				student('Lee, Jo', 2, [0, 1, 2])
			])
		);
		expect(csv).toContain(`"'=HYPERLINK(""x"")",3`);
		expect(csv).toContain('"Lee, Jo",3');
	});
});
