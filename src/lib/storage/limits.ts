/**
 * How large what the app stores may be. The write paths cut user input to these, and the backup
 * schema ($lib/backup/schema) checks the same numbers, so whatever the app writes its own import
 * reads back.
 */

/** Free text a user types: a flag's comment. Also a quiz question's text. */
export const MAX_TEXT = 100_000;
/** A saved deck's name; a preference's key. */
export const MAX_NAME = 200;
/** Saved decks kept. */
export const MAX_SAVED_DECKS = 500;
/** A quiz seed, a deck hash (`v=` in a quiz link). */
export const MAX_TOKEN = 64;
/** A quiz's key and id, a study session's deck (query strings made of at most MAX_TAGS tags). */
export const MAX_KEY = 100_000;
/** One preference's value as JSON: more is not something this app wrote. */
export const MAX_PREFERENCE_CHARS = 5_000_000;

/** The first `max` UTF-16 units of a text, never half of a character (a lone surrogate). */
export function cut(text: string, max: number): string {
	return text.length <= max ? text : text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
}
