/**
 * The hand-written family: the overlay's answers to open questions (a recall card each) and its
 * hand-written `question` cards, checked like any other card.
 */
import type { Card } from '../../schema';
import { cardId } from '../../ids';
import type { OverlayEntry } from '../overlay';
import { plainText } from '../text';
import type { Proposal } from './proposal';

export function writtenCards(p: Proposal, entries: OverlayEntry[]): Card[] {
	const { reading, blocked, base } = p;
	const cards: Card[] = [];
	for (const answer of reading.answers) {
		const front = answer.question ?? answer.quote;
		cards.push({
			id: p.idFor('recall', `answer-${front}`),
			kind: 'recall',
			front: plainText(front),
			back: answer.statement,
			...base
		});
	}
	for (const entry of entries) {
		if (entry.type !== 'question') continue;
		const card = entry.card;
		const item = `overlay question ${card.kind}:${card.key}`;
		if (p.taken(card.kind, card.key)) {
			blocked.push({ item, reason: 'its key is already used by a generated card' });
			continue;
		}
		const id = cardId(p.note.id, card.kind, card.key);
		if (card.kind === 'mcq') {
			const problem = invalidMcq(card.options, card.answerIndex);
			if (problem) {
				blocked.push({ item, reason: problem });
				continue;
			}
			// without an editor's explanation, the note itself (with its fixes) explains the answer
			const explanation = card.explanation || reading.body;
			cards.push({
				id,
				kind: 'mcq',
				question: card.question,
				options: card.options,
				answerIndex: card.answerIndex,
				explanation,
				...base
			});
		} else cards.push({ id, kind: card.kind, front: card.front, back: card.back, ...base });
	}
	return cards;
}

/** Why a hand-written MCQ is not valid, or undefined. */
export function invalidMcq(options: string[], answerIndex: number): string | undefined {
	if (options.length !== 4) return 'an MCQ needs exactly four options';
	if (new Set(options.map((o) => o.trim().toLowerCase())).size !== 4)
		return 'two options are the same';
	if (answerIndex < 0 || answerIndex > 3) return 'answerIndex must be 0 to 3';
	return undefined;
}
