import { describe, expect, it } from 'vitest';
import type { Card, McqCard } from '../schema';
import { dropRepeatedFronts, orderOptions } from './finalize';

const mcq = (i: number): McqCard => ({
	id: `n${String(i).padStart(10, '0')}:mcq:k`,
	noteId: `n${String(i).padStart(10, '0')}`,
	tags: [],
	kind: 'mcq',
	question: `Question ${i}?`,
	options: [`right ${i}`, 'wrong a', 'wrong b', 'wrong c'],
	answerIndex: 0,
	explanation: ''
});

describe('option order', () => {
	const ordered = orderOptions(Array.from({ length: 101 }, (_, i) => mcq(i))) as McqCard[];

	it('keeps each answer right and every option', () => {
		ordered.forEach((c, i) => {
			expect(c.options[c.answerIndex]).toBe(`right ${i}`);
			expect([...c.options].sort()).toEqual([`right ${i}`, 'wrong a', 'wrong b', 'wrong c'].sort());
		});
	});

	it('puts the answer at each position for a quarter of the deck, within one card', () => {
		const counts = [0, 1, 2, 3].map((p) => ordered.filter((c) => c.answerIndex === p).length);
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
	});

	it('gives the same order for the same cards', () => {
		expect(orderOptions(Array.from({ length: 101 }, (_, i) => mcq(i)))).toEqual(ordered);
	});
});

describe('repeated fronts', () => {
	it('keeps the first card with a front and says which one it repeats', () => {
		const a: Card = {
			id: 'n0000000001:cloze:a',
			noteId: 'n0000000001',
			tags: [],
			kind: 'cloze',
			front: 'The ___ port.',
			back: 'x'
		};
		const b: Card = {
			...a,
			id: 'n0000000002:cloze:b',
			noteId: 'n0000000002',
			front: 'The  ___ PORT.'
		};
		const { kept, dropped } = dropRepeatedFronts([a, b]);
		expect(kept).toEqual([a]);
		expect(dropped[0]?.reason).toBe('same front as n0000000001:cloze:a');
	});
});
