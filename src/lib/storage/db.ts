import Dexie, { type EntityTable } from 'dexie';

/** A small key-value table for preferences such as the last tag filter used. */
export interface Preference {
	key: string;
	value: unknown;
}

export class StudyDatabase extends Dexie {
	preferences!: EntityTable<Preference, 'key'>;

	constructor(name = 'kubesec-study') {
		super(name);
		// A shipped version is never edited: add db.version(n + 1) with an upgrade() instead.
		this.version(1).stores({ preferences: 'key' });
	}
}

export const db = new StudyDatabase();
