import Dexie, { type EntityTable } from 'dexie';
import type { ClassResult } from '$lib/quiz/result-code';
import type { QuizRun } from '$lib/quiz/run';
import type { Card as FsrsCard, ReviewLog } from 'ts-fsrs';
import { UPGRADED_ELSEWHERE } from './upgrade-signal';

/** A small key-value table for preferences such as the last tag filter used. */
export interface Preference {
	key: string;
	value: unknown;
}

/** Where a card sits for the due queries: `off` is suspended or retired (not studied). */
export type Bucket = 'new' | 'learning' | 'review' | 'off';

/** A card's schedule on this device. The card's content stays in deck.json. */
export interface CardRow {
	id: string;
	noteId: string;
	tags: string[];
	/** Position in the deck: new cards come in this order. */
	order: number;
	bucket: Bucket;
	/** `fsrs.due` in ms, 0 for new cards: the second half of the `[bucket+due]` index. */
	due: number;
	/** ts-fsrs's Card, stored as it is. */
	fsrs: FsrsCard;
	suspended: boolean;
	/** The card is no longer in the deck (its note was deleted); its history is kept. */
	retired: boolean;
}

/** One answer: ts-fsrs's ReviewLog as it is, plus the card, and its state before (for undo). */
export interface ReviewRow extends ReviewLog {
	id?: number;
	cardId: string;
	noteId: string;
	/** `review` in ms, indexed for "answers given today". */
	reviewedAt: number;
	before: FsrsCard;
}

/** A student's report that a card is wrong or unclear, kept for the author's export. */
export interface FlagRow {
	id?: number;
	cardId: string;
	noteId: string;
	reason: 'wrong' | 'unclear';
	comment: string;
	createdAt: number;
}

/**
 * A copy of everything the user made, kept automatically before an import replaced it.
 * `json` is a backup file's text, so restoring it goes through the same checks as any import.
 */
export interface BackupRow {
	id?: number;
	createdAt: number;
	reason: string;
	json: string;
}

/** A class quiz whose results the instructor collected on this device (see ./class.ts). */
export interface ClassQuizRow {
	/** quizIdentity hashes as `quiz-deck` in base 36. */
	id: string;
	/** The quiz link's query string, to open the report again. */
	search: string;
	title: string;
	results: number;
	createdAt: number;
	updatedAt: number;
}

/** One student's result, as scanned or typed; one per device and quiz. */
export interface ClassResultRow {
	/** `<class quiz id>|<device key>`. */
	id: string;
	quiz: string;
	result: ClassResult;
	code: string;
	receivedAt: number;
}

export { DB_VERSION } from './version';

export class StudyDatabase extends Dexie {
	preferences!: EntityTable<Preference, 'key'>;
	/** Class quizzes taken on this device, in progress and finished (see ./quiz.ts). */
	quizRuns!: EntityTable<QuizRun, 'id'>;
	cards!: EntityTable<CardRow, 'id'>;
	reviews!: EntityTable<ReviewRow, 'id'>;
	flags!: EntityTable<FlagRow, 'id'>;
	/** Automatic backups taken before an import (the last few, see ./backup.ts). */
	backups!: EntityTable<BackupRow, 'id'>;
	/** Class quizzes the instructor collected results of, and the results (see ./class.ts). */
	classQuizzes!: EntityTable<ClassQuizRow, 'id'>;
	classResults!: EntityTable<ClassResultRow, 'id'>;

	constructor(name = 'kubesec-study') {
		super(name);
		// A shipped version is never edited: add db.version(n + 1) with an upgrade() instead.
		this.version(1).stores({ preferences: 'key' });
		this.version(2).stores({
			cards: 'id, [bucket+due], [bucket+order], noteId',
			reviews: '++id, cardId, reviewedAt',
			flags: '++id, cardId, createdAt'
		});
		this.version(3).stores({ quizRuns: 'id, key, finishedAt' });
		this.version(4).stores({ backups: '++id, createdAt' });
		// DB_VERSION in ./version.ts names the newest version here. Two new tables, no data to move
		this.version(5).stores({ classQuizzes: 'id, updatedAt', classResults: 'id, quiz' });
		// handle cross-tab upgrades: a newer app in another tab wants a newer schema. Let go at once
		// so its upgrade is never blocked, stay closed so this older code cannot write into the newer
		// schema (Dexie would reopen on the next query), and ask the user to reload this tab.
		this.on('versionchange', (event) => {
			if (!event.newVersion || event.newVersion <= event.oldVersion) return;
			this.close({ disableAutoOpen: true });
			// Dexie's own handler may run after this one and re-enable auto-open: close again after it
			queueMicrotask(() => this.close({ disableAutoOpen: true }));
			if (typeof window !== 'undefined') window.dispatchEvent(new Event(UPGRADED_ELSEWHERE));
		});
	}
}

export const db = new StudyDatabase();
