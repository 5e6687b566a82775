import { tagList, type TagResolver } from '../content/tag-filter';
import { MAX_TOKEN } from '../storage/limits';

/** What a quiz link says: which cards, how many, how long, and the seed that fixes the order. */
export interface QuizParams {
	tags: string[];
	exclude: string[];
	/** Number of questions, 5-50. */
	count: number;
	/** Seconds per question, 10-120, or null for an untimed quiz. */
	seconds: number | null;
	seed: string;
	/** The deck hash the link was made with; compared with this device's deck. */
	deckHash: string | null;
	/** Paced quiz: epoch seconds of question 1; every device follows the same clock (see paced.ts). */
	start?: number;
	/** `accuracy`: a right answer is worth a flat 1000 whatever its speed. Absent: speed points. */
	scoring?: 'accuracy';
}

export const COUNT_MIN = 5;
export const COUNT_MAX = 50;
export const SECONDS_MIN = 10;
export const SECONDS_MAX = 120;

export type ParamsResult = { ok: true; params: QuizParams } | { ok: false; problems: string[] };

/** A seed or a deck version: letters, digits, _ and -, at most MAX_TOKEN characters. */
const TOKEN = new RegExp(`^[\\w-]{1,${MAX_TOKEN}}$`);

/** Digits only (`1e1`, `0x10`, `+5`, ` 5` are not written by the app): NaN otherwise. */
function wholeNumber(text: string): number {
	return /^[0-9]{1,6}$/.test(text.trim()) ? Number(text.trim()) : NaN;
}

/**
 * Reads `?tags=etcd,rbac&exclude=trivia&n=10&t=20&seed=k3x9&v=<deck hash>`.
 * A missing `t` (or `t=0`, `t=none`) means untimed. Tags go through `resolve` (aliases, case).
 * @example paramsFromSearch(new URLSearchParams('tags=etcd&n=10&t=20&seed=abc'), resolve)
 */
export function paramsFromSearch(search: URLSearchParams, resolve: TagResolver): ParamsResult {
	const problems: string[] = [];
	const list = (key: string) => tagList(search, key, resolve).sort();

	const seed = (search.get('seed') ?? '').trim();
	if (!TOKEN.test(seed)) problems.push('The link has no valid seed (seed=…).');

	const n = wholeNumber(search.get('n') ?? '10');
	// NaN (not digits) fails both comparisons
	if (!(n >= COUNT_MIN && n <= COUNT_MAX))
		problems.push(
			`The number of questions (n=) must be a whole number from ${COUNT_MIN} to ${COUNT_MAX}.`
		);

	const t = (search.get('t') ?? '').trim();
	let seconds: number | null = null;
	if (t !== '' && t !== '0' && t !== 'none') {
		seconds = wholeNumber(t);
		if (!(seconds >= SECONDS_MIN && seconds <= SECONDS_MAX))
			problems.push(
				`The seconds per question (t=) must be a whole number from ${SECONDS_MIN} to ${SECONDS_MAX}, or none.`
			);
	}

	const startText = (search.get('start') ?? '').trim();
	const start = Number(startText);
	if (startText !== '') {
		if (!/^\d{9,11}$/.test(startText))
			problems.push('The start time (start=) must be a time in whole seconds since 1970.');
		else if (seconds === null && !problems.length)
			problems.push('A paced quiz (start=) needs seconds per question (t=).');
	}

	const score = (search.get('score') ?? '').trim();
	if (score !== '' && score !== 'speed' && score !== 'accuracy')
		problems.push('The scoring (score=) must be speed or accuracy.');

	const v = (search.get('v') ?? '').trim();
	if (v && !TOKEN.test(v)) problems.push('The deck version in the link (v=…) is not valid.');
	if (problems.length) return { ok: false, problems };
	const params: QuizParams = {
		tags: list('tags'),
		exclude: list('exclude'),
		count: n,
		seconds,
		seed,
		deckHash: v || null
	};
	if (startText !== '') params.start = start;
	if (score === 'accuracy') params.scoring = 'accuracy';
	return { ok: true, params };
}

/** The query string for a quiz link, in a fixed order so the same quiz has one URL. */
export function paramsToSearch(params: QuizParams): string {
	const parts: string[] = [];
	if (params.tags.length) parts.push(`tags=${params.tags.map(encodeURIComponent).join(',')}`);
	if (params.exclude.length)
		parts.push(`exclude=${params.exclude.map(encodeURIComponent).join(',')}`);
	parts.push(`n=${params.count}`);
	if (params.seconds !== null) parts.push(`t=${params.seconds}`);
	parts.push(`seed=${encodeURIComponent(params.seed)}`);
	if (params.deckHash) parts.push(`v=${params.deckHash}`);
	if (params.start !== undefined) parts.push(`start=${params.start}`);
	if (params.scoring) parts.push(`score=${params.scoring}`);
	return `?${parts.join('&')}`;
}

/** One string per quiz (same questions, same timing): used to find a quiz in progress. */
export function quizKey(params: QuizParams): string {
	return paramsToSearch({
		...params,
		tags: [...params.tags].sort(),
		exclude: [...params.exclude].sort()
	});
}
