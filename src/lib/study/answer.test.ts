import { describe, expect, it } from 'vitest';
import type { Flashcard } from '$lib/content/schema';
import { noteAddsToAnswer } from './answer';

const card = (front: string, back: string, kind: Flashcard['kind'] = 'recall'): Flashcard => ({
	id: 'n1:recall:a',
	noteId: 'n1',
	tags: [],
	kind,
	front,
	back
});

describe('noteAddsToAnswer (the answer was shown twice: the answer, then the note saying it)', () => {
	it('is false for a note that only says the answer again', () => {
		const recall = card('What is bane?', 'A tool for creating AppArmor profiles.');
		expect(
			noteAddsToAnswer(recall, 'bane is a tool for creating apparmor profiles #apparmor')
		).toBe(false);
	});

	it('is false for a cloze: its note is the front with the blank filled in', () => {
		const cloze = card(
			'"___" restricts which labels a node can modify.',
			'NodeRestriction',
			'cloze'
		);
		expect(
			noteAddsToAnswer(cloze, '"NodeRestriction" restricts which labels a node can modify.')
		).toBe(false);
	});

	it('is true when the note says more', () => {
		const recall = card('Why may attackers use anonymous accounts?', 'To avoid attribution.');
		expect(
			noteAddsToAnswer(
				recall,
				'Attackers may use anonymous accounts to avoid attribution. Log anonymous requests from pod and node IPs.'
			)
		).toBe(true);
	});
});
