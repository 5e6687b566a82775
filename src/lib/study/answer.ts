import type { Flashcard } from '$lib/content/schema';

/** A note's words that are not already on the card this many times, or more, make it worth showing. */
const NEW_WORDS = 3;

const words = (text: string): string[] =>
	text
		.toLowerCase()
		.replace(/#[\w-]+/g, ' ')
		.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether the source note says something the card's answer side does not: a cloze's note is its
 * front with the blank filled in, and a recall card's answer is often the note reworded, so
 * showing the note again would only say the answer twice.
 * @example noteAddsToAnswer({ kind: 'recall', front: 'What is bane?', back: 'A tool for AppArmor profiles.', ... }, 'bane is a tool for AppArmor profiles') // false
 */
export function noteAddsToAnswer(card: Flashcard, noteText: string): boolean {
	const known = new Set([card.front, card.back].flatMap(words));
	return words(noteText).filter((w) => !known.has(w)).length >= NEW_WORDS;
}
