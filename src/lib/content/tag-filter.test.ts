import { describe, expect, it } from 'vitest';
import { filterFromSearch, filterToSearch, matchesFilter } from './tag-filter';

const resolve = (t: string) => ({ runtimes: 'runtime', triva: 'trivia' })[t.toLowerCase()] ?? t.toLowerCase();
const note = (tags: string[], text = 'etcd stores keys') => ({ tags, text });

describe('tag filter', () => {
	it('reads tags, exclusions and the query from the URL, resolving aliases and case', () => {
		const filter = filterFromSearch(new URLSearchParams('tags=ETCD,runtimes,%23rbac&exclude=triva&q= mTLS '), resolve);
		expect(filter).toEqual({ tags: ['etcd', 'runtime', 'rbac'], exclude: ['trivia'], query: 'mTLS' });
	});

	it('writes a readable query string and reads it back unchanged', () => {
		const filter = { tags: ['etcd', 'rbac'], exclude: ['trivia'], query: 'client cert' };
		const search = filterToSearch(filter);
		expect(search).toBe('?tags=etcd,rbac&exclude=trivia&q=client%20cert');
		expect(filterFromSearch(new URLSearchParams(search), resolve)).toEqual(filter);
	});

	it('matches any of the tags, none of the excluded ones', () => {
		const filter = { tags: ['etcd', 'rbac'], exclude: ['trivia'], query: '' };
		expect(matchesFilter(note(['rbac']), filter)).toBe(true);
		expect(matchesFilter(note(['etcd', 'trivia']), filter)).toBe(false);
		expect(matchesFilter(note(['authn']), filter)).toBe(false);
	});

	it('with no tags, matches every note not excluded', () => {
		expect(matchesFilter(note(['authn']), { tags: [], exclude: [], query: '' })).toBe(true);
		expect(matchesFilter(note(['trivia']), { tags: [], exclude: ['trivia'], query: '' })).toBe(false);
	});

	it('searches every word, ignoring case and accents', () => {
		const filter = { tags: [], exclude: [], query: 'ETCD clés' };
		expect(matchesFilter(note([], 'etcd stores clés'), filter)).toBe(true);
		expect(matchesFilter(note([], 'etcd stores cles'), filter)).toBe(true);
		expect(matchesFilter(note([], 'etcd stores keys'), filter)).toBe(false);
	});
});
