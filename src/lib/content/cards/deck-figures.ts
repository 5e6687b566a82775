/**
 * Deck-wide figures of card quality that can be measured without a reader: where the answer
 * sits, how often it is the longest option, answer forms left in a stem, repeated fronts.
 * `npm test` holds every deck to them (deck-quality.test.ts); `sample-cards` uses `corpusHalf`.
 */
import { hashString } from '../../quiz/random';
import type { Card, McqCard } from '../schema';
import { frontKey, frontOf } from './finalize';
import { answerForms, formIn } from './forms';

/** The half of a corpus a note is in, by its id: tune the generator on one, rate the other. */
export function corpusHalf(noteId: string): 'tune' | 'held' {
	return hashString(`corpus-half|${noteId}`) % 2 === 0 ? 'tune' : 'held';
}

const mcqsOf = (cards: Card[]) => cards.filter((c): c is McqCard => c.kind === 'mcq');

/** Share of MCQs with the answer at each of the four positions. */
export function answerPositions(cards: Card[]): number[] {
	const mcqs = mcqsOf(cards);
	const counts = [0, 0, 0, 0];
	for (const c of mcqs) counts[c.answerIndex] = (counts[c.answerIndex] ?? 0) + 1;
	return counts.map((n) => n / Math.max(1, mcqs.length));
}

/** Share of MCQs whose answer is strictly the longest option. */
export function answerLongestShare(cards: Card[]): number {
	const mcqs = mcqsOf(cards);
	const longest = mcqs.filter((c) => {
		const answer = c.options[c.answerIndex]?.length ?? 0;
		return c.options.every((o, i) => i === c.answerIndex || o.length < answer);
	});
	return longest.length / Math.max(1, mcqs.length);
}

/** MCQs whose stem, or one of whose wrong options, still holds a form of the answer. */
export function answerLeaks(cards: Card[]): string[] {
	const leaks: string[] = [];
	for (const c of mcqsOf(cards)) {
		const forms = answerForms(c.options[c.answerIndex] ?? '');
		const where = [c.question, ...c.options.filter((_, i) => i !== c.answerIndex)];
		const found = where.map((text) => formIn(text, forms)).find(Boolean);
		if (found) leaks.push(`${c.id}: "${found}"`);
	}
	return leaks;
}

/** Fronts (an MCQ's question, a flashcard's front) that two cards share. */
export function repeatedFronts(cards: Card[]): string[] {
	const seen = new Set<string>();
	const repeated: string[] = [];
	for (const card of cards) {
		const front = frontKey(card);
		if (seen.has(front)) repeated.push(front);
		seen.add(front);
	}
	return repeated;
}

/** Fronts that are a template, not a question ("Complete the statement: ..."). */
export function templateFronts(cards: Card[]): string[] {
	return cards.map(frontOf).filter((f) => /^complete the (?:statement|advice)\b/i.test(f));
}
