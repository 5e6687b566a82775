import { z } from 'zod';
import { CARD_KEY, NOTE_ID } from '../ids';

const noteId = z.string().regex(NOTE_ID, 'a note id like n0123456789');
const key = z.string().regex(CARD_KEY, 'a card key: letters, digits, . _ -');
const anchor = {
	/** The note's id (content/notes.lock.json). */
	note: noteId,
	/** A short quote that must appear in the note's text, or the entry is stale. */
	quote: z.string().min(3)
};

export const OverlayMcqSchema = z.strictObject({
	kind: z.literal('mcq'),
	key,
	question: z.string().min(1),
	options: z.array(z.string().min(1)).length(4),
	answerIndex: z.number().int().min(0).max(3),
	explanation: z.string().default('')
});
export const OverlayFlashcardSchema = z.strictObject({
	kind: z.enum(['cloze', 'recall']),
	key,
	front: z.string().min(1),
	back: z.string().min(1)
});
const overlayCard = z.discriminatedUnion('kind', [OverlayMcqSchema, OverlayFlashcardSchema]);

export const OverlayEntrySchema = z.discriminatedUnion('type', [
	/** A garbled fact: cards use `replace` instead of `quote`; the note keeps its text. */
	z.strictObject({
		type: z.literal('fix'),
		...anchor,
		replace: z.string().min(1),
		why: z.string().optional()
	}),
	/** A known answer to an open question: `statement` is studied as if the note said it. */
	z.strictObject({
		type: z.literal('answer'),
		...anchor,
		statement: z.string().min(1),
		/** Front of the recall card; the quoted question by default. */
		question: z.string().optional(),
		source: z.string().optional()
	}),
	/** A hand-written card for a fact the generator cannot reach. */
	z.strictObject({ type: z.literal('question'), ...anchor, card: overlayCard }),
	/** The author's reading of a note the classifier gets wrong (a to-do without #todo, say). */
	z.strictObject({
		type: z.literal('classify'),
		...anchor,
		as: z.enum(['fact', 'advice', 'open', 'fragment']),
		why: z.string().min(1)
	}),
	/** A generated card that is wrong or poor: `card` is `<kind>:<key>` of its id. */
	z.strictObject({
		type: z.literal('suppress'),
		...anchor,
		card: z.string().regex(/^(mcq|cloze|recall):[\p{L}\p{N}._-]+$/u),
		why: z.string().min(1)
	})
]);
export type OverlayEntry = z.infer<typeof OverlayEntrySchema>;

export const OverlayFileSchema = z.strictObject({
	$comment: z.string().optional(),
	entries: z.array(OverlayEntrySchema)
});
export type OverlayFile = z.infer<typeof OverlayFileSchema>;

export interface Overlay {
	/** Shown in stale-entry messages (content/overlay.json). */
	file: string;
	entries: OverlayEntry[];
}

export class OverlayError extends Error {}

export function parseOverlay(raw: unknown, file: string): Overlay {
	const result = OverlayFileSchema.safeParse(raw);
	if (!result.success) {
		const lines = result.error.issues.map(
			(i) => `${i.path.join('.') || '(top level)'}: ${i.message}`
		);
		throw new OverlayError(`${file}: invalid\n${lines.join('\n')}`);
	}
	return { file, entries: result.data.entries };
}

export const emptyOverlay = (): Overlay => ({ file: '(none)', entries: [] });
