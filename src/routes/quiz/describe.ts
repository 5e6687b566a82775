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
