import { z } from 'zod';
import { CARD_ID, NOTE_ID } from './ids';

/** Version of the deck.json format; bump when its shape changes. */
export const DECK_FORMAT = 1;

const tagName = z.string().regex(/^[\p{L}][\p{L}\p{N}_-]*$/u);

export const NoteSchema = z.object({
	id: z.string().regex(NOTE_ID),
	text: z.string().min(1),
	html: z.string(),
	tags: z.array(tagName),
	source: z.object({ file: z.string(), line: z.number().int().positive() })
});
export type Note = z.infer<typeof NoteSchema>;

export const DeckTagSchema = z.object({
	name: tagName,
	count: z.number().int().positive(),
	description: z.string(),
	aliases: z.array(z.string())
});
export type DeckTag = z.infer<typeof DeckTagSchema>;

const cardBase = {
	/** Stable across rebuilds and note edits: `<noteId>:<kind>:<key>`, key chosen by the generator. */
	id: z.string().regex(CARD_ID),
	noteId: z.string().regex(NOTE_ID),
	tags: z.array(tagName),
	/** An editorial correction of the note (overlay fix), shown with the answer. Plain text. */
	correction: z.string().min(1).optional()
};

/** A multiple-choice question: four plain-text options, exactly one right. */
export const McqCardSchema = z.object({
	...cardBase,
	kind: z.literal('mcq'),
	question: z.string().min(1),
	options: z.array(z.string().min(1)).length(4),
	answerIndex: z.number().int().min(0).max(3),
	explanation: z.string()
});

/** A flashcard: `cloze` (front has a ___ blank) or `recall` (front asks, back answers). Plain text. */
export const FlashcardSchema = z.object({
	...cardBase,
	kind: z.enum(['cloze', 'recall']),
	front: z.string().min(1),
	back: z.string().min(1)
});

export const CardSchema = z.discriminatedUnion('kind', [McqCardSchema, FlashcardSchema]);
export type McqCard = z.infer<typeof McqCardSchema>;
export type Flashcard = z.infer<typeof FlashcardSchema>;
export type Card = z.infer<typeof CardSchema>;

export const DeckSchema = z.object({
	version: z.literal(DECK_FORMAT),
	/** Content hash: two devices with the same hash have the same notes and cards. */
	hash: z.string().regex(/^[0-9a-f]{14}$/),
	notes: z.array(NoteSchema),
	tags: z.array(DeckTagSchema),
	cards: z.array(CardSchema)
});
export type Deck = z.infer<typeof DeckSchema>;

// strict: a misspelt field of a file the author edits is an error, not dropped in silence
export const TagFileSchema = z.strictObject({
	$comment: z.string().optional(),
	tags: z.record(
		z.string().regex(/^[a-z][a-z0-9_-]*$/, 'tag names are lower-case words'),
		z.strictObject({
			description: z.string().min(1),
			aliases: z.array(z.string().regex(/^[a-z][a-z0-9_-]*$/)).default([])
		})
	)
});
export type TagFile = z.infer<typeof TagFileSchema>;

export const NoteLockSchema = z.object({
	version: z.literal(1),
	notes: z.array(
		z.object({
			id: z.string().regex(NOTE_ID),
			text: z.string(),
			deleted: z.literal(true).optional()
		})
	)
});

/** A zod error as `path: message` lines an author can act on. */
export function describeZodError(error: z.ZodError): string {
	return error.issues
		.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
		.join('\n');
}
