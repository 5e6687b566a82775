import type { DeckBuild } from '../deck';
import type { Card } from '../schema';
import { mentions } from './text';
import { parseCardId } from '../ids';

const HTML = /<\/?[a-z!][^>]*>|javascript:/i;

/**
 * What issue 3 requires of every deck, on any input: four distinct options and one answer
 * index per MCQ, no distractor in the note, the answer in the note (after its fix) for
 * generated MCQs, no raw HTML in any card field, unique ids on the note's id.
 * `handWritten` lists overlay MCQ ids: their answers are paraphrases reviewed by an editor.
 */
export function deckProblems(build: DeckBuild, handWritten = new Set<string>()): string[] {
	const problems: string[] = [];
	const notes = new Map(build.deck.notes.map((n) => [n.id, n]));
	const studied = new Map(build.cards.notes.map((n) => [n.noteId, n.studied]));
	const seen = new Set<string>();
	for (const card of build.deck.cards) {
		const where = card.id;
		if (seen.has(card.id)) problems.push(`${where}: duplicate id`);
		seen.add(card.id);
		const parts = parseCardId(card.id);
		if (parts?.noteId !== card.noteId || parts.kind !== card.kind)
			problems.push(`${where}: id not built on its note`);
		const note = notes.get(card.noteId);
		if (!note) {
			problems.push(`${where}: no such note`);
			continue;
		}
		for (const field of textFields(card)) {
			if (HTML.test(field)) problems.push(`${where}: raw HTML in "${field}"`);
		}
		if (card.kind !== 'mcq') continue;
		if (card.options.length !== 4) problems.push(`${where}: ${card.options.length} options`);
		if (new Set(card.options.map((o) => o.toLowerCase())).size !== card.options.length)
			problems.push(`${where}: options not distinct`);
		// quiz results and study show the explanation after a wrong answer
		if (!card.explanation.trim()) problems.push(`${where}: no explanation`);
		if (!Number.isInteger(card.answerIndex) || !card.options[card.answerIndex])
			problems.push(`${where}: answer index ${card.answerIndex} out of range`);
		const text = `${note.text}\n${studied.get(note.id) ?? ''}`;
		card.options.forEach((option, i) => {
			if (i !== card.answerIndex && mentions(text, option))
				problems.push(`${where}: distractor "${option}" occurs in the note`);
		});
		const answer = card.options[card.answerIndex] ?? '';
		if (!handWritten.has(card.id) && !mentions(text, answer))
			problems.push(`${where}: answer "${answer}" is not in the note or its fix`);
	}
	return problems;
}

function textFields(card: Card): string[] {
	const common = [card.correction ?? ''];
	if (card.kind === 'mcq') return [...common, card.question, card.explanation, ...card.options];
	return [...common, card.front, card.back];
}
