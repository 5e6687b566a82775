// types only: the result code itself loads with the pages that read or make one, not with storage
import type { ClassResult } from '$lib/quiz/result-code';
import { loadRules, preferenceRow } from './checked';
import { db, type ClassQuizRow, type ClassResultRow } from './db';
import { preference, setPreference } from './preferences';

/** This device's random id for result codes: made once, then kept. */
export async function deviceId(): Promise<number> {
	const rules = await loadRules();
	return db.transaction('rw', db.preferences, async () => {
		const saved = await preference('deviceId');
		if (saved !== undefined) return saved;
		const id = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
		await db.preferences.put(preferenceRow(rules, 'deviceId', id));
		return id;
	});
}

/** The nickname used last time on this device ('' when none). */
export const nickname = () => preference('nickname');

export async function saveNickname(name: string): Promise<void> {
	await setPreference('nickname', name.trim().slice(0, 40));
}

/** added: a new student; replaced: the same run scanned again; duplicate: this device already counted. */
export type CollectOutcome = 'added' | 'replaced' | 'duplicate';

/**
 * Keeps one student's result as it arrives (one transaction): the same device (`device`, see
 * deviceKey) counts once; a later scan replaces the kept one only if it is the same run.
 */
export async function addClassResult(
	quiz: Pick<ClassQuizRow, 'id' | 'search' | 'title'>,
	device: string,
	result: ClassResult,
	code: string,
	now: Date
): Promise<CollectOutcome> {
	const id = `${quiz.id}|${device}`;
	return db.transaction('rw', db.classQuizzes, db.classResults, async () => {
		const existing = await db.classResults.get(id);
		const sameRun = existing && existing.result.run !== null && existing.result.run === result.run;
		if (existing && !sameRun) return 'duplicate';
		if (sameRun && existing.code === code) return 'duplicate';
		await db.classResults.put({ id, quiz: quiz.id, result, code, receivedAt: now.getTime() });
		const row = await db.classQuizzes.get(quiz.id);
		const results = await db.classResults.where('quiz').equals(quiz.id).count();
		await db.classQuizzes.put({
			...quiz,
			results,
			createdAt: row?.createdAt ?? now.getTime(),
			updatedAt: now.getTime()
		});
		return existing ? 'replaced' : 'added';
	});
}

/** The results collected for one class quiz, in the order they arrived. */
export async function classResults(quizId: string): Promise<ClassResultRow[]> {
	const rows = await db.classResults.where('quiz').equals(quizId).toArray();
	return rows.sort((a, b) => a.receivedAt - b.receivedAt);
}

/** Class reports kept on this device, the latest first. */
export async function classQuizzes(): Promise<ClassQuizRow[]> {
	return db.classQuizzes.orderBy('updatedAt').reverse().toArray();
}
