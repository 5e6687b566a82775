import { describe, expect, it } from 'vitest';
import { CARD_ID, NOTE_ID, cardId, noteIdFromHash, noteOfCardId, parseCardId } from './ids';

describe('card ids', () => {
	it('are made of note, kind and key, and taken apart again', () => {
		const id = cardId('n0123456789', 'cloze', 'pod-security.1');
		expect(id).toBe('n0123456789:cloze:pod-security.1');
		expect(parseCardId(id)).toEqual({
			noteId: 'n0123456789',
			kind: 'cloze',
			key: 'pod-security.1'
		});
		expect(noteOfCardId(id)).toBe('n0123456789');
	});

	it.each([
		'n0123456789',
		'n0123456789:cloze:',
		'n012345678:cloze:a',
		'x0123456789:cloze:a',
		'n0123456789:Cloze:a',
		'n0123456789:cloze:a:b',
		'n0123456789:cloze:a b'
	])('refuses %s', (id) => {
		expect(parseCardId(id)).toBeUndefined();
		expect(CARD_ID.test(id)).toBe(false);
	});

	it('keeps keys in any script (the generator slugs Unicode words)', () => {
		expect(parseCardId('n0123456789:recall:größe')?.key).toBe('größe');
	});
});

describe('note ids', () => {
	it('are n and the first ten hex digits of a hash', () => {
		const id = noteIdFromHash('0123456789abcdef');
		expect(id).toBe('n0123456789');
		expect(NOTE_ID.test(id)).toBe(true);
		expect(NOTE_ID.test('n0123456789a')).toBe(false);
	});
});
