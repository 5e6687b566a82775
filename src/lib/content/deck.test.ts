import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDeck } from './deck';
import { emptyLock } from './note-ids';
import { DeckSchema, TagFileSchema } from './schema';
import { TagVocabulary } from './tag-vocabulary';
import { nodeSanitizer, unsafeParts } from './test-sanitizer';

const courseFile = 'content/notes/000_7ef2b5a9121132d0.txt';
const course = { file: courseFile, text: readFileSync(courseFile, 'utf8') };
const vocabulary = TagVocabulary.fromFile(
	TagFileSchema.parse(JSON.parse(readFileSync('content/tags.json', 'utf8')))
);
const build = () => buildDeck([course], vocabulary, emptyLock(), nodeSanitizer);

describe('the course deck', () => {
	const { deck, warnings } = build();

	it('holds every note of the course (about 200) and is a valid deck', () => {
		expect(deck.notes.length).toBeGreaterThanOrEqual(195);
		expect(deck.notes.length).toBeLessThanOrEqual(215);
		expect(() => DeckSchema.parse(deck)).not.toThrow();
	});

	it('merges each variant pair into one tag', () => {
		const names = deck.tags.map((t) => t.name);
		for (const [alias, canonical] of [
			['tenacy', 'tenancy'],
			['triva', 'trivia'],
			['runtimes', 'runtime'],
			['demos', 'demo']
		]) {
			expect(names).toContain(canonical);
			expect(names).not.toContain(alias);
		}
	});

	it('takes no tag from PKCS#11 and has no unknown tags', () => {
		expect(deck.tags.map((t) => t.name)).not.toContain('11');
		expect(warnings.filter((w) => w.message.startsWith('unknown tag'))).toEqual([]);
	});

	it('does not treat the licence header or the Tags: legend as notes', () => {
		expect(deck.notes.some((n) => /SPDX|^Tags:/.test(n.text))).toBe(false);
		expect(deck.notes[0]!.text).toMatch(/^How is the control plane components hosted\?/);
	});

	it('reports the untagged notes with file and line', () => {
		const untagged = warnings.filter((w) => w.message === 'note has no tags');
		expect(untagged.length).toBe(deck.notes.filter((n) => n.tags.length === 0).length);
		expect(untagged.every((w) => w.file === courseFile && w.line > 0)).toBe(true);
	});

	it('counts tags from the notes', () => {
		for (const tag of deck.tags) {
			expect(tag.count).toBe(deck.notes.filter((n) => n.tags.includes(tag.name)).length);
		}
	});

	it('is byte-identical when built twice from the same input', () => {
		expect(JSON.stringify(build().deck)).toBe(JSON.stringify(deck));
	});
});

describe('a deck from hostile notes', () => {
	const hostile = [
		'<script>alert(1)</script> owns the page #etcd',
		'<img src=x onerror="alert(1)"> #authn',
		'[click me](javascript:alert(document.cookie)) #authz',
		'&lt;script&gt;alert(1)&lt;/script&gt; entity trick #weird-tag',
		'Odd tags #Ünïcödé #a_b #x-y C# PKCS#11 #42'
	].join('\r\n\r\n');

	it('keeps every note, sanitized', () => {
		const { deck } = buildDeck(
			[{ file: 'evil.txt', text: `\uFEFF${hostile}` }],
			vocabulary,
			emptyLock(),
			nodeSanitizer
		);
		expect(deck.notes).toHaveLength(5);
		for (const note of deck.notes) {
			expect(unsafeParts(note.html)).toEqual([]);
		}
		expect(deck.notes[4]!.tags).toEqual(['ünïcödé', 'a_b', 'x-y']);
		expect(() => DeckSchema.parse(deck)).not.toThrow();
	});
});
