import { describe, expect, it } from 'vitest';
import { matchesWords, searchWords } from './search';
import { matchRanges } from './search-marks';

const finds = (query: string, text: string) => matchesWords(text, searchWords(query));
const marked = (text: string, query: string) =>
	matchRanges(text, searchWords(query)).map(([s, e]) => text.slice(s, e));

describe('note search', () => {
	it('finds a note when every word of the query is in it, in any case', () => {
		expect(finds('ETCD keys', 'etcd stores all keys')).toBe(true);
		expect(finds('etcd tokens', 'etcd stores all keys')).toBe(false);
	});

	// bug (issue 15): "anonymous-auth" found nothing when the note said "anonymous auth"
	it('treats a hyphen as a space, both ways', () => {
		expect(finds('anonymous-auth', 'Disable anonymous auth on the kubelet')).toBe(true);
		expect(finds('anonymous auth', 'Set --anonymous-auth=false')).toBe(true);
		expect(finds('anonymous‐auth', 'anonymous auth')).toBe(true); // U+2010 hyphen
	});

	it('ignores accents', () => {
		expect(finds('cafe', 'Café policy')).toBe(true);
	});

	it('an empty query has no words and matches everything', () => {
		expect(searchWords('  - ')).toEqual([]);
		expect(finds('', 'anything')).toBe(true);
	});
});

describe('match ranges for highlighting', () => {
	it('gives each occurrence of each word, in the text as written', () => {
		expect(marked('Anonymous-Auth: anonymous auth', 'anonymous-auth')).toEqual([
			'Anonymous',
			'Auth',
			'anonymous',
			'auth'
		]);
	});

	it('maps offsets through accents and characters that fold to several', () => {
		const text = 'Café ﬁle café';
		expect(marked(text, 'cafe')).toEqual(['Café', 'café']);
		expect(marked(text, 'file')).toEqual(['ﬁle']);
	});

	it('merges overlapping words into one range', () => {
		expect(matchRanges('kubelet', ['kube', 'belet'])).toEqual([[0, 7]]);
	});

	it('finds nothing for no words', () => {
		expect(matchRanges('etcd', [])).toEqual([]);
	});
});
