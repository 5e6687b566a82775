import type { Card } from '../schema';
import {
	definitionCards,
	definitionOf,
	formsOfDefinition,
	kindOf,
	sentenceDefinitionCards,
	type Definition
} from './families/definitions';
import { DefinedTerms } from './families/defined-terms';
import { passageCards, topicsOf } from './families/passages';
import { proposal } from './families/proposal';
import { termCards } from './families/terms';
import { writtenCards } from './families/written';
import { dropRepeatedFronts, orderOptions } from './finalize';
import { formIn } from './forms';
import type { Glossary } from './glossary';
import type { Overlay, OverlayEntry } from './overlay';
import { readNote } from './reading';
import { plainText } from './text';

/** What the generator needs to know about a note. */
export interface NoteInput {
	id: string;
	text: string;
	tags: string[];
	source: { file: string; line: number };
}

export type NoteClass = 'fact' | 'advice' | 'open' | 'answered' | 'fragment';

export interface BlockedItem {
	/** The term or card that was not made. */
	item: string;
	reason: string;
}

export interface NoteCards {
	noteId: string;
	source: { file: string; line: number };
	noteClass: NoteClass;
	cardIds: string[];
	blocked: BlockedItem[];
	/** Overlay fixes applied to this note, as shown to the learner. */
	corrections: string[];
	/** The plain text cards were made from: the note after its fixes, plus overlay answers. */
	studied: string;
}

export interface StaleEntry {
	file: string;
	/** Index in the overlay's entries array. */
	index: number;
	type: OverlayEntry['type'];
	note: string;
	quote: string;
	reason: string;
}

export interface CardBuild {
	cards: Card[];
	notes: NoteCards[];
	stale: StaleEntry[];
}

export interface GeneratorOptions {
	glossary: Glossary;
	overlay: Overlay;
}

/**
 * Turns notes into cloze and recall flashcards and MCQs, applying the editorial overlay.
 * A pipeline: each note is read and classed (reading.ts); each family proposes its cards
 * (families/: definitions, typed terms, hand-written), every generated card passing one gate
 * (gate.ts); the overlay's suppressions apply; then the deck is settled in one place
 * (finalize.ts: repeated fronts dropped, answer positions spread). Every refused candidate is in
 * its note's `blocked` list with the reason, for the review report.
 * Pure and deterministic: the same notes, glossary and overlay give the same cards in the same order.
 *
 * @example
 * generateCards(deck.notes, { glossary, overlay }).cards
 * // [{ id: 'n1a2b3c4d5e:mcq:noderestriction', kind: 'mcq', question: '___ is an admission ...', ... }]
 */
export function generateCards(notes: NoteInput[], options: GeneratorOptions): CardBuild {
	const { glossary, overlay } = options;
	const byNote = new Map<string, OverlayEntry[]>();
	const stale: StaleEntry[] = [];
	const noteById = new Map(notes.map((n) => [n.id, n]));
	overlay.entries.forEach((entry, index) => {
		const note = noteById.get(entry.note);
		const staleAs = (reason: string) =>
			stale.push({
				file: overlay.file,
				index,
				type: entry.type,
				note: entry.note,
				quote: entry.quote,
				reason
			});
		if (!note) return staleAs('no note has this id (deleted, or the lock file changed)');
		if (!note.text.includes(entry.quote)) return staleAs('the quote is no longer in the note text');
		byNote.set(note.id, [...(byNote.get(note.id) ?? []), entry]);
	});

	const definitions = new Map<string, Definition>();
	for (const note of notes) {
		const definition = definitionOf(note.text, note.tags);
		if (definition) definitions.set(note.id, definition);
	}
	// terms the notes define are answers, and each other's wrong options, in every note
	const known = glossary.withDefinedTerms(
		[...definitions.values()].map((d) => ({ ...d, kind: kindOf(d) }))
	);

	const topics = topicsOf(notes, definitions);
	// what the notes say of each defined term: how related two terms are
	const about = new Map<Definition, string>();
	for (const note of notes) {
		const d = definitions.get(note.id) ?? topics.get(note.id);
		if (d) about.set(d, `${about.get(d) ?? ''} ${plainText(note.text)}`);
	}
	const defined = new DefinedTerms(definitions, about);

	const proposed: Card[] = [];
	const reports: NoteCards[] = [];
	for (const note of notes) {
		const result = cardsForNote(note, byNote.get(note.id) ?? [], known, defined, topics);
		proposed.push(...result.cards);
		reports.push(result.report);
	}
	const { kept, dropped } = dropRepeatedFronts(proposed);
	const reportOf = new Map(reports.map((r) => [r.noteId, r]));
	for (const { card, reason } of dropped) {
		const report = reportOf.get(card.noteId);
		if (!report) continue;
		report.cardIds = report.cardIds.filter((id) => id !== card.id);
		report.blocked.push({ item: card.id, reason });
	}
	return { cards: orderOptions(kept), notes: reports, stale };
}

function cardsForNote(
	note: NoteInput,
	entries: OverlayEntry[],
	glossary: Glossary,
	definitions: DefinedTerms,
	topics: ReadonlyMap<string, Definition>
): { cards: Card[]; report: NoteCards } {
	const definition = definitions.byNote.get(note.id);
	const reading = readNote(note, entries, definition, glossary);
	const p = proposal(note, reading, glossary, definitions);
	const { noteClass } = reading;

	const cards: Card[] = [];
	if (definition && reading.corrections.length === 0 && noteClass !== 'open')
		cards.push(...definitionCards(p, definition));
	if (noteClass !== 'open' && noteClass !== 'fragment') {
		if (!definition) cards.push(...sentenceDefinitionCards(p));
		// a defined term already has its own MCQ and flashcard
		cards.push(...termCards(p, new Set(definition?.names.map((n) => n.toLowerCase()))));
		const topic = topics.get(note.id);
		if (topic && !cards.some((c) => c.kind === 'mcq')) {
			const passage = passageCards(p, topic);
			// the passage asks its term: a cloze of the same term would show the answer's sentence again
			const forms = formsOfDefinition(topic);
			if (passage.length > 0)
				cards.splice(
					0,
					cards.length,
					...cards.filter((c) => c.kind !== 'cloze' || !formIn(c.back, forms)),
					...passage
				);
		}
	}
	cards.push(...writtenCards(p, entries));
	if (
		(noteClass === 'fact' || noteClass === 'advice' || noteClass === 'answered') &&
		cards.length === 0
	) {
		p.blocked.push({
			item: 'card',
			reason: 'no statement a card can ask about well (add a `question` to the overlay)'
		});
	}

	const kept = suppressed(note, entries, cards, p.blocked);
	return {
		cards: kept,
		report: {
			noteId: note.id,
			source: note.source,
			noteClass,
			cardIds: kept.map((c) => c.id),
			blocked: p.blocked,
			corrections: reading.corrections,
			studied: reading.body
		}
	};
}

/** The cards the overlay does not suppress; each suppression, and each stale one, is reported. */
function suppressed(
	note: NoteInput,
	entries: OverlayEntry[],
	cards: Card[],
	blocked: NoteCards['blocked']
): Card[] {
	const why = new Map<string, string>();
	for (const e of entries) if (e.type === 'suppress') why.set(`${note.id}:${e.card}`, e.why);
	const kept = cards.filter((card) => {
		if (!why.has(card.id)) return true;
		blocked.push({ item: card.id, reason: `suppressed by the overlay: ${why.get(card.id)}` });
		return false;
	});
	for (const id of why.keys()) {
		if (!cards.some((c) => c.id === id))
			blocked.push({
				item: id,
				reason: 'overlay suppresses a card that is not generated (stale suppression)'
			});
	}
	return kept;
}
