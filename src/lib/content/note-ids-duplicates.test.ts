import { describe, expect, it, vi } from 'vitest';
import * as hash from './hash';
import { assignNoteIds } from './note-ids';

vi.mock('./hash', async (original) => {
	const actual = await original<typeof import('./hash')>();
	return { hashText: vi.fn(actual.hashText) };
});

describe('assignNoteIds on many copies of one note', () => {
	it('gives each copy its own id, hashing each copy about once (was quadratic)', () => {
		const copies = Array.from({ length: 2000 }, () => 'The same note pasted again. #etcd');
		const actual = vi.mocked(hash.hashText);
		actual.mockClear();
		const { ids, duplicates } = assignNoteIds(copies);
		expect(duplicates).toHaveLength(1999);
		expect(new Set(ids).size).toBe(2000);
		expect(ids[0]).toMatch(/^n[0-9a-f]{10}$/);
		// 2000 copies: a few thousand hashes, not two million
		expect(actual.mock.calls.length).toBeLessThan(3 * 2000 + 10);
	});
});
