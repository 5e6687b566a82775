import { describe, expect, it } from 'vitest';
import { NoteFileError, parseNotes } from './parse';
import { testVocabulary } from './test-vocabulary';

const parse = (input: string) => parseNotes('notes.txt', input, testVocabulary);
const only = (input: string) => {
	const { notes } = parse(input);
	expect(notes).toHaveLength(1);
	return notes[0]!;
};

describe('paragraphs', () => {
	it('separates notes by blank lines', () => {
		expect(
			parse('One. #etcd\n\nTwo. #authn\n\n\n\nThree. #authz').notes.map((n) => n.text)
		).toEqual(['One.', 'Two.', 'Three.']);
	});

	it('separates notes by --- lines even without blank lines', () => {
		expect(parse('One. #etcd\n---\nTwo. #authn').notes).toHaveLength(2);
	});

	it('joins a line wrap inside a paragraph instead of starting a new note', () => {
		const note = only('Attackers may use anonymous accounts in\nthe cluster. #authn');
		expect(note.text).toBe('Attackers may use anonymous accounts in the cluster.');
		expect(note.tags).toEqual(['authn']);
	});

	it('keeps the file and the first line of each note', () => {
		const { notes } = parse('\n\nOne. #etcd\n\n  Two\nwraps. #authn');
		expect(notes.map((n) => n.source)).toEqual([
			{ file: 'notes.txt', line: 3 },
			{ file: 'notes.txt', line: 5 }
		]);
	});

	it('skips the header: SPDX licence lines and the Tags: legend', () => {
		const input =
			'SPDX-FileCopyrightText: © 2025 Menacit AB <foss@menacit.se>\nSPDX-License-Identifier: CC-BY-SA-4.0\n\n' +
			'Tags:\n> authn authz etcd\n> trivia\n\nFirst note. #etcd';
		const { notes, warnings } = parse(input);
		expect(notes.map((n) => n.text)).toEqual(['First note.']);
		expect(notes[0]!.source.line).toBe(8);
		expect(warnings).toEqual([]);
	});

	it('reads CRLF line ends, a BOM, tabs and emoji', () => {
		const { notes } = parse('\uFEFFetcd\tstores 🔑 keys.\r\nwrapped #etcd\r\n\r\nNext #authn\r\n');
		expect(notes.map((n) => n.text)).toEqual(['etcd stores 🔑 keys. wrapped', 'Next']);
		expect(notes.map((n) => n.source.line)).toEqual([1, 4]);
	});

	it('refuses binary data with the file and line', () => {
		expect(() => parse('ok #etcd\n\nbad\u0000data')).toThrow(NoteFileError);
		expect(() => parse('ok #etcd\n\nbad\u0000data')).toThrow('notes.txt:3:');
	});
});

describe('tags', () => {
	it('takes the trailing hashtags off the text', () => {
		const note = only('etcd is a key value store. #etcd #authn');
		expect(note.text).toBe('etcd is a key value store.');
		expect(note.tags).toEqual(['etcd', 'authn']);
	});

	it('finds inline hashtags mid-sentence, keeping them in the text', () => {
		const note = only('Expose the token as a file #authn. Furthermore, clients reload it #etcd');
		expect(note.tags).toEqual(['authn', 'etcd']);
		expect(note.text).toBe('Expose the token as a file #authn. Furthermore, clients reload it');
	});

	it('finds a tag glued to the end of a sentence (stable.#trivia)', () => {
		const note = only("it's basically Kubernetes word for stable.#trivia");
		expect(note.tags).toEqual(['trivia']);
		expect(note.text).toBe("it's basically Kubernetes word for stable.");
	});

	it('takes known bare words inside a trailing tag run (#breakout containersec)', () => {
		const note = only('Watch for hostPath mounts #breakout containersec #volume');
		expect(note.tags).toEqual(['breakout', 'containersec', 'volume']);
		expect(note.text).toBe('Watch for hostPath mounts');
	});

	it('does not take a known word that comes before the tag run', () => {
		const note = only('Mount a volume #etcd');
		expect(note.text).toBe('Mount a volume');
		expect(note.tags).toEqual(['etcd']);
	});

	it('ignores PKCS#11, C#, #42, URL fragments and the fullwidth ＃', () => {
		const note = only(
			'Instead of PKCS#11 or C# see #42 and https://example.com/docs#frag or ＃etcd here #authn'
		);
		expect(note.tags).toEqual(['authn']);
		expect(note.unknownTags).toEqual([]);
	});

	it('lower-cases tags and merges aliases and duplicates', () => {
		const note = only('Text #Trivia #triva #TENACY #runtimes #demos #trivia');
		expect(note.tags).toEqual(['trivia', 'tenancy', 'runtime', 'demo']);
	});

	it('keeps unknown tags and reports them', () => {
		const { notes, warnings } = parse('Text #etcd #mystery');
		expect(notes[0]!.tags).toEqual(['etcd', 'mystery']);
		expect(warnings).toEqual([
			{ file: 'notes.txt', line: 1, message: 'unknown tag #mystery (add it to content/tags.json)' }
		]);
	});

	it('keeps a note without tags and reports it', () => {
		const { notes, warnings } = parse('gVisor was developed by Google.');
		expect(notes).toHaveLength(1);
		expect(notes[0]!.tags).toEqual([]);
		expect(warnings.map((w) => w.message)).toEqual(['note has no tags']);
	});

	it('skips a paragraph that is only tags, with a warning', () => {
		const { notes, warnings } = parse('#etcd #authn');
		expect(notes).toEqual([]);
		expect(warnings[0]!.message).toMatch(/no text/);
	});
});
