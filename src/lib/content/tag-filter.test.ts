import { describe, expect, it } from 'vitest';
import {
	filterFromSearch,
	filterToSearch,
	matchesFilter,
	MAX_QUERY,
	MAX_TAG,
	MAX_TAGS
} from './tag-filter';

const resolve = (t: string) =>
	({ runtimes: 'runtime', triva: 'trivia' })[t.toLowerCase()] ?? t.toLowerCase();
const note = (tags: string[], text = 'etcd stores keys') => ({ tags, text });

describe('tag filter', () => {
	it('reads tags, exclusions and the query from the URL, resolving aliases and case', () => {
		const filter = filterFromSearch(
			new URLSearchParams('tags=ETCD,runtimes,%23rbac&exclude=triva&q= mTLS '),
			resolve
		);
		expect(filter).toEqual({
			tags: ['etcd', 'runtime', 'rbac'],
			exclude: ['trivia'],
			query: 'mTLS'
		});
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
		expect(matchesFilter(note(['trivia']), { tags: [], exclude: ['trivia'], query: '' })).toBe(
			false
		);
	});

	it('searches every word, ignoring case and accents', () => {
		const filter = { tags: [], exclude: [], query: 'ETCD clés' };
		expect(matchesFilter(note([], 'etcd stores clés'), filter)).toBe(true);
		expect(matchesFilter(note([], 'etcd stores cles'), filter)).toBe(true);
		expect(matchesFilter(note([], 'etcd stores keys'), filter)).toBe(false);
	});

	// issue 16: what a link holds is kept the way the app stores it
	it('normalises tags with NFKC (fullwidth ＥＴＣＤ is etcd) and keeps any other word', () => {
		const filter = filterFromSearch(
			new URLSearchParams('tags=%EF%BC%A5%EF%BC%B4%EF%BC%A3%EF%BC%A4,1x,k8s.io,%E2%84%AB'),
			resolve
		);
		expect(filter.tags).toEqual(['etcd', '1x', 'k8s.io', 'å']);
	});

	it('drops a tag longer than MAX_TAG, keeps at most MAX_TAGS and cuts the query', () => {
		const many = Array.from({ length: 80 }, (_, i) => `t${i}`).join(',');
		const filter = filterFromSearch(
			new URLSearchParams(`tags=${'x'.repeat(MAX_TAG + 1)},${many}&q=${'q'.repeat(5000)}`),
			resolve
		);
		expect(filter.tags).toHaveLength(MAX_TAGS);
		expect(filter.tags[0]).toBe('t0');
		expect(filter.query).toHaveLength(MAX_QUERY);
	});

	it('never cuts a query in the middle of a character', () => {
		const filter = filterFromSearch(
			new URLSearchParams(`q=${'a' + '\u{1F510}'.repeat(MAX_QUERY)}`),
			resolve
		);
		expect(filter.query.length).toBe(MAX_QUERY - 1);
		expect(() => encodeURIComponent(filter.query)).not.toThrow();
	});
});
