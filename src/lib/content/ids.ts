/**
 * The id formats, in one place. A note id is `n` and ten hex digits (given out by
 * ./note-ids.ts, kept in content/notes.lock.json); a card id is `<noteId>:<kind>:<key>`, the key
 * chosen by the generator. Students' progress (IndexedDB, backups) is keyed on both: a format
 * change here is a data migration.
 * @example parseCardId('n0123456789:cloze:pod-security') // { noteId, kind: 'cloze', key }
 */

export const NOTE_ID = /^n[0-9a-f]{10}$/;
/** A card's key: letters, digits, `.`, `_`, `-`. */
export const CARD_KEY = /^[\p{L}\p{N}._-]+$/u;
export const CARD_ID = /^n[0-9a-f]{10}:[a-z]+:[\p{L}\p{N}._-]+$/u;

export interface CardIdParts {
	noteId: string;
	kind: string;
	key: string;
}

/** A note id from a hex hash of its text: `n` and the first ten digits. */
export const noteIdFromHash = (hex: string) => `n${hex.slice(0, 10)}`;

export const cardId = (noteId: string, kind: string, key: string) => `${noteId}:${kind}:${key}`;

/** The parts of a card id, or undefined when it is not one. */
export function parseCardId(id: string): CardIdParts | undefined {
	if (!CARD_ID.test(id)) return undefined;
	const first = id.indexOf(':');
	const second = id.indexOf(':', first + 1);
	return {
		noteId: id.slice(0, first),
		kind: id.slice(first + 1, second),
		key: id.slice(second + 1)
	};
}

/**
 * The note a card id belongs to, without checking the rest: for hot paths over ids that were
 * checked when they were stored (the due queue reads thousands per answer).
 */
export const noteOfCardId = (id: string) => id.slice(0, id.indexOf(':'));
