import { describe, expect, it } from 'vitest';
import { matchesFilter } from '$lib/content/tag-filter';
import { filterMembers } from './members';

const TAGS = ['etcd', 'rbac', 'trivia', 'network', 'crypto'];
const cards = Array.from({ length: 200 }, (_, i) => ({
	id: `n${i}:recall:a`,
	tags: TAGS.filter((_, t) => (i * (t + 3)) % (t + 2) === 0)
}));

describe('filterMembers', () => {
	it('is undefined for "All": every card', () => {
		expect(filterMembers(cards, { tags: [], exclude: [] })).toBeUndefined();
	});

	it.each([
		{ tags: ['etcd'], exclude: [] },
		{ tags: ['etcd', 'rbac'], exclude: ['trivia'] },
		{ tags: [], exclude: ['trivia'] },
		{ tags: ['network'], exclude: ['network'] },
		{ tags: ['unknown'], exclude: [] },
		{ tags: ['crypto', 'crypto'], exclude: ['unknown'] }
	])('holds exactly the cards the tag filter matches: %o', (filter) => {
		const members = filterMembers(cards, filter)!;
		const expected = cards
			.filter((c) => matchesFilter({ tags: c.tags, text: '' }, { ...filter, query: '' }))
			.map((c) => c.id);
		expect([...members.ids].sort()).toEqual(expected.sort());
		expect(members.share).toBe(expected.length / cards.length);
	});

	it('sees a new card list: no stale index', () => {
		const more = [...cards, { id: 'x:recall:a', tags: ['etcd'] }];
		expect(filterMembers(more, { tags: ['etcd'], exclude: [] })!.ids.has('x:recall:a')).toBe(true);
	});
});
