/**
 * What every card family works from: the note as read (reading.ts) and the build's shared
 * knowledge, and where it puts what it makes (cards with stable ids) and what it refuses (the
 * review report's blocked items, each with its reason).
 */
import type { McqCard } from '../../schema';
import { cardId } from '../../ids';
import type { BlockedItem, NoteInput } from '../generate';
import type { Glossary } from '../glossary';
import type { NoteReading } from '../reading';
import type { DefinedTerms } from './defined-terms';
import { slug } from '../text';

export interface Proposal {
	note: NoteInput;
	reading: NoteReading;
	/** The curated glossary plus the terms the notes define. */
	glossary: Glossary;
	/** The terms the notes define, and how related they are. */
	definitions: DefinedTerms;
	/** Fields every card of the note carries. */
	base: { noteId: string; tags: string[]; correction?: string };
	blocked: BlockedItem[];
	/** A card id on the note's id, unique within the note: `<noteId>:<kind>:<key>`. */
	idFor(kind: string, key: string): string;
	/** Whether a `<kind>:<key>` is already taken (a hand-written card's key must be free). */
	taken(kind: string, key: string): boolean;
}

export function proposal(
	note: NoteInput,
	reading: NoteReading,
	glossary: Glossary,
	definitions: DefinedTerms
): Proposal {
	const usedKeys = new Set<string>();
	const { correction } = reading;
	return {
		note,
		reading,
		glossary,
		definitions,
		base: { noteId: note.id, tags: note.tags, ...(correction ? { correction } : {}) },
		blocked: [],
		idFor(kind, key) {
			let k = slug(key);
			for (let n = 2; usedKeys.has(`${kind}:${k}`); n++) k = `${slug(key)}-${n}`;
			usedKeys.add(`${kind}:${k}`);
			return cardId(note.id, kind, k);
		},
		taken(kind, key) {
			if (usedKeys.has(`${kind}:${key}`)) return true;
			usedKeys.add(`${kind}:${key}`);
			return false;
		}
	};
}

/** An MCQ with the answer first; the final order is set for the whole deck (finalize.ts). */
export function mcqCard(
	id: string,
	question: string,
	answer: string,
	distractors: string[],
	explanation: string,
	base: Proposal['base']
): McqCard {
	return {
		id,
		kind: 'mcq',
		question,
		options: [answer, ...distractors],
		answerIndex: 0,
		explanation,
		...base
	};
}
