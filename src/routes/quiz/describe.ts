import type { QuizParams } from '$lib/quiz/params';

/** "#etcd, #rbac without #trivia" for headings. */
export function describeParams(params: QuizParams): string {
	const topics = params.tags.length ? params.tags.map((t) => `#${t}`).join(', ') : 'All topics';
	const without = params.exclude.length
		? ` without ${params.exclude.map((t) => `#${t}`).join(', ')}`
		: '';
	return topics + without;
}

/** Seconds with one decimal: "4.2 s". */
export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** "10 questions · 20 s each · paced, starts at 09:00:00 · accuracy only" under a quiz's title. */
export function describeFormat(params: QuizParams, questions: number): string {
	const parts = [`${questions} ${questions === 1 ? 'question' : 'questions'}`];
	parts.push(params.seconds === null ? 'untimed' : `${params.seconds} s each`);
	if (params.start !== undefined)
		parts.push(
			`paced, starts at ${new Date(params.start * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
		);
	if (params.scoring === 'accuracy') parts.push('accuracy only');
	return parts.join(' · ');
}

/** "1 question", "3 questions". */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** "Nov 30, 2026, 9:00 AM" in the reader's locale. */
export function dateTime(ms: number): string {
	return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
