import { generateCards, type CardBuild } from './cards/generate';
import { Glossary } from './cards/glossary';
import { emptyOverlay, type Overlay } from './cards/overlay';
import { hashText } from './hash';
import { assignNoteIds, type NoteLock } from './note-ids';
import { NoteFileError, parseNotes, type ParseWarning } from './parse';
import { renderNote, type Sanitizer } from './render';
import { DECK_FORMAT, type Card, type Deck, type DeckTag, type Note } from './schema';
import type { TagVocabulary } from './tag-vocabulary';

export interface NoteSource {
	/** Path shown to the author in warnings and in the deck (e.g. content/notes/a.txt). */
	file: string;
	text: string;
}

export interface DeckBuild {
	deck: Deck;
	lock: NoteLock;
	warnings: ParseWarning[];
	/** Per-note card results, blocked items and stale overlay entries: the review report's input. */
	cards: CardBuild;
	/** Tags as written that are not in the vocabulary, per note id. */
	unknownTags: Map<string, string[]>;
}

export interface CardSources {
	glossary?: Glossary;
	overlay?: Overlay;
}

/**
 * Builds the deck from note files: parse, give stable ids, render markdown, count tags.
 * Pure and deterministic: the same input gives a byte-identical deck.
 */
export function buildDeck(
	sources: NoteSource[],
	vocabulary: TagVocabulary,
	lock: NoteLock,
	sanitizer: Sanitizer,
	cardSources: CardSources = {}
): DeckBuild {
	const parsed = sources.map((s) => parseNotes(s.file, s.text, vocabulary));
	const parsedNotes = parsed.flatMap((p) => p.notes);
	const warnings = parsed.flatMap((p) => p.warnings);

	const assignment = assignNoteIds(
		parsedNotes.map((n) => n.text),
		lock
	);
	for (const index of assignment.duplicates) {
		const note = parsedNotes[index];
		if (note)
			warnings.push({ ...note.source, message: 'duplicate note: the same text appears earlier' });
	}

	const notes: Note[] = parsedNotes.map((note, i) => ({
		id: assignment.ids[i] ?? '',
		text: note.text,
		html: renderAt(note, sanitizer),
		tags: note.tags,
		source: note.source
	}));

	const cardBuild = generateCards(notes, {
		glossary: cardSources.glossary ?? Glossary.empty(),
		overlay: cardSources.overlay ?? emptyOverlay()
	});
	const cards: Card[] = cardBuild.cards;
	const content = { notes, tags: countTags(notes, vocabulary), cards };
	const deck: Deck = { version: DECK_FORMAT, hash: hashText(JSON.stringify(content)), ...content };
	const unknownTags = new Map(
		parsedNotes
			.map((n, i) => [notes[i]?.id ?? '', n.unknownTags] as const)
			.filter(([, u]) => u.length > 0)
	);
	return { deck, lock: assignment.lock, warnings, cards: cardBuild, unknownTags };
}

function countTags(notes: Note[], vocabulary: TagVocabulary): DeckTag[] {
	const counts = new Map<string, number>();
	for (const note of notes)
		for (const tag of note.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
	return [...counts.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, count]) => {
			const info = vocabulary.tags.find((t) => t.name === name);
			return { name, count, description: info?.description ?? '', aliases: info?.aliases ?? [] };
		});
}

/** A note's HTML; a note nested too deep for the renderer is an error at its file:line. */
function renderAt(
	note: { text: string; source: { file: string; line: number } },
	sanitizer: Sanitizer
): string {
	try {
		return renderNote(note.text, sanitizer);
	} catch (error) {
		if (!(error instanceof RangeError)) throw error;
		throw new NoteFileError(
			note.source.file,
			note.source.line,
			'this note is nested too deep to render (thousands of ">" or list markers?): simplify it'
		);
	}
}
