import { hashText } from './hash';
import { noteIdFromHash } from './ids';

const noteIdOf = (text: string, salt: number) => noteIdFromHash(hashText(text, salt));

/**
 * The lock file (content/notes.lock.json) remembers every id ever given to a note, with the
 * note's text at the time, so that ids survive edits, reorders and deletions, and a deleted
 * note's id is never given to another note.
 */
export interface LockEntry {
	id: string;
	/** The note's normalised text when it last had this id. */
	text: string;
	/** Set once the note is gone: the id stays reserved. */
	deleted?: true;
}

export interface NoteLock {
	version: 1;
	notes: LockEntry[];
}

export const emptyLock = (): NoteLock => ({ version: 1, notes: [] });

/**
 * Similarity (Dice over character trigrams) from which an edited note keeps its old id.
 * On the course notes the most similar pair of different notes scores 0.56.
 */
export const SAME_NOTE_SIMILARITY = 0.6;

export interface IdAssignment {
	/** ids in the order of the notes given */
	ids: string[];
	lock: NoteLock;
	/** index of notes whose text equals an earlier note's */
	duplicates: number[];
}

/** Lower-case words: what a note says, ignoring case, spacing and punctuation. */
export function normaliseText(text: string): string {
	return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Dice coefficient of the character-trigram multisets of two normalised texts, 0..1. */
export function similarity(a: string, b: string): number {
	const gramsA = trigrams(a);
	const gramsB = trigrams(b);
	let shared = 0;
	for (const [gram, count] of gramsA) shared += Math.min(count, gramsB.get(gram) ?? 0);
	const total = Math.max(a.length, 1) + Math.max(b.length, 1);
	return (2 * shared) / total;
}

function trigrams(text: string): Map<string, number> {
	const padded = ` ${text} `;
	const grams = new Map<string, number>();
	for (let i = 0; i + 3 <= padded.length; i++) {
		const gram = padded.slice(i, i + 3);
		grams.set(gram, (grams.get(gram) ?? 0) + 1);
	}
	return grams;
}

/**
 * Gives each note a stable id:
 * 1. a note whose text is unchanged keeps its id (wherever it moved);
 * 2. an edited note keeps the id of the most similar vanished note (greedy, best pairs first);
 * 3. any other note gets a new id from its text hash, never one the lock already holds.
 * Notes of the old lock that matched nothing are kept as deleted, so their ids stay reserved.
 */
export function assignNoteIds(texts: string[], previous: NoteLock = emptyLock()): IdAssignment {
	const normalised = texts.map(normaliseText);
	const ids: (string | undefined)[] = new Array(texts.length).fill(undefined);
	const duplicates: number[] = [];
	const taken = new Set<string>();
	const reserved = new Set(previous.notes.map((e) => e.id));

	// 1. exact text matches, including notes that come back after deletion
	const byText = new Map<string, LockEntry[]>();
	for (const entry of previous.notes) {
		const list = byText.get(entry.text) ?? [];
		list.push(entry);
		byText.set(entry.text, list);
	}
	const seenText = new Set<string>();
	normalised.forEach((text, i) => {
		if (seenText.has(text)) duplicates.push(i);
		seenText.add(text);
		const entry = byText.get(text)?.find((e) => !taken.has(e.id));
		if (entry) {
			ids[i] = entry.id;
			taken.add(entry.id);
		}
	});

	// 2. edited notes: the closest live entry that lost its note
	const orphans = previous.notes.filter((e) => !e.deleted && !taken.has(e.id));
	const unmatched = normalised.flatMap((text, i) => (ids[i] === undefined ? [i] : []));
	const pairs: { note: number; entry: LockEntry; score: number }[] = [];
	for (const note of unmatched) {
		for (const entry of orphans) {
			const score = similarity(normalised[note] ?? '', entry.text);
			if (score >= SAME_NOTE_SIMILARITY) pairs.push({ note, entry, score });
		}
	}
	pairs.sort(
		(a, b) => b.score - a.score || a.note - b.note || a.entry.id.localeCompare(b.entry.id)
	);
	for (const { note, entry } of pairs) {
		if (ids[note] !== undefined || taken.has(entry.id)) continue;
		ids[note] = entry.id;
		taken.add(entry.id);
	}

	// 3. new notes; the k-th copy of a duplicated text goes on from the salt the copy before it
	// used (every lower salt is taken), or thousands of copies cost a quadratic number of hashes
	const lastSalt = new Map<string, number>();
	normalised.forEach((text, i) => {
		if (ids[i] !== undefined) return;
		let salt = lastSalt.get(text) ?? 0;
		let id = noteIdOf(text, salt);
		while (reserved.has(id) || taken.has(id)) id = noteIdOf(text, ++salt);
		lastSalt.set(text, salt);
		ids[i] = id;
		taken.add(id);
	});

	const final = ids as string[];
	const live = new Set(final);
	const lock: NoteLock = {
		version: 1,
		notes: [
			...final.map((id, i) => ({ id, text: normalised[i] ?? '' })),
			...previous.notes
				.filter((e) => !live.has(e.id))
				.map((e) => ({ id: e.id, text: e.text, deleted: true as const }))
		].sort((a, b) => a.id.localeCompare(b.id))
	};
	return { ids: final, lock, duplicates };
}
