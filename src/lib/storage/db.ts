import Dexie, { type EntityTable } from 'dexie';
import type { QuizRun } from '$lib/quiz/run';

/** A small key-value table for preferences such as the last tag filter used. */
export interface Preference {
	key: string;
	value: unknown;
}

export class StudyDatabase extends Dexie {
	preferences!: EntityTable<Preference, 'key'>;
	/** Class quizzes taken on this device, in progress and finished (see ./quiz.ts). */
	quizRuns!: EntityTable<QuizRun, 'id'>;

	constructor(name = 'kubesec-study') {
		super(name);
		// A shipped version is never edited: add db.version(n + 1) with an upgrade() instead.
		this.version(1).stores({ preferences: 'key' });
		// version(2) belongs to spaced repetition; Dexie keeps earlier tables and allows gaps
		this.version(3).stores({ quizRuns: 'id, key, finishedAt' });
	}
}

export const db = new StudyDatabase();
