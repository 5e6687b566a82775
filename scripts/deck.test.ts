import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckSchema } from '../src/lib/content/schema';
import { unsafeParts } from '../src/lib/content/test-sanitizer';

function deckCommand(...args: string[]) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deck.ts', ...args], {
		encoding: 'utf8'
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'deck-'));

describe('npm run deck on other note files', () => {
	it('builds a deck from a folder of notes it has never seen, with warnings on stderr', () => {
		const out = freshDir();
		const { status, stdout, stderr } = deckCommand(
			'--notes',
			'tests/fixtures/other-author',
			'--out',
			out
		);
		expect(status).toBe(0);
		const deck = DeckSchema.parse(JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8')));
		expect(deck.notes.map((n) => n.source)).toEqual([
			{ file: 'tests/fixtures/other-author/definitions.txt', line: 1 },
			{ file: 'tests/fixtures/other-author/definitions.txt', line: 3 },
			{ file: 'tests/fixtures/other-author/definitions.txt', line: 5 },
			{ file: 'tests/fixtures/other-author/definitions.txt', line: 7 },
			{ file: 'tests/fixtures/other-author/more.md', line: 1 },
			{ file: 'tests/fixtures/other-author/more.md', line: 3 }
		]);
		for (const note of deck.notes) expect(unsafeParts(note.html)).toEqual([]);
		expect(stderr).toContain(
			'tests/fixtures/other-author/definitions.txt:7: warning: note has no tags'
		);
		expect(stderr).toContain(
			'tests/fixtures/other-author/definitions.txt:3: warning: unknown tag #psa'
		);
		expect(stdout).toMatch(/6 notes/);
	});

	it('warns about duplicate notes with file:line', () => {
		const out = freshDir();
		const { status, stderr } = deckCommand(
			'--notes',
			'tests/fixtures/duplicates.txt',
			'--out',
			out
		);
		expect(status).toBe(0);
		expect(stderr).toContain('tests/fixtures/duplicates.txt:3: warning: duplicate note');
	});

	it('writes and then honours a lock file given with --lock', () => {
		const out = freshDir();
		const lock = join(out, 'ids.lock.json');
		deckCommand('--notes', 'tests/fixtures/other-author', '--out', out, '--lock', lock);
		const first = JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8'));
		const edited = join(out, 'edited.txt');
		const original = readFileSync('tests/fixtures/other-author/more.md', 'utf8');
		writeFileSync(edited, original.replace('path-based', 'path based'));
		deckCommand(
			'--notes',
			'tests/fixtures/other-author/definitions.txt',
			'--notes',
			edited,
			'--out',
			out,
			'--lock',
			lock
		);
		const second = JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8'));
		expect(second.notes.map((n: { id: string }) => n.id)).toEqual(
			first.notes.map((n: { id: string }) => n.id)
		);
	});

	it.each([
		['a missing path', ['--notes', 'does/not/exist'], /does\/not\/exist: no such file or folder/],
		['an empty file', ['--notes', 'EMPTY'], /no notes found/],
		['a folder with no notes', ['--notes', 'EMPTYDIR'], /no note files/],
		['binary garbage', ['--notes', 'BINARY'], /binary data/]
	])('refuses %s with a clear message and writes nothing', (_name, args, message) => {
		const out = freshDir();
		const empty = join(out, 'empty.txt');
		writeFileSync(empty, '');
		const emptyDir = join(out, 'nothing-here');
		mkdirSync(emptyDir);
		writeFileSync(join(emptyDir, 'image.png'), 'not notes');
		const binary = join(out, 'garbage.txt');
		writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe, 0x00]));
		const resolved = args.map(
			(a) => ({ EMPTY: empty, EMPTYDIR: emptyDir, BINARY: binary })[a] ?? a
		);
		const target = join(out, 'deck-out');
		const { status, stderr } = deckCommand(...resolved, '--out', target);
		expect(status).not.toBe(0);
		expect(stderr).toMatch(message);
		expect(existsSync(join(target, 'deck.json'))).toBe(false);
	});

	it('needs --out when --notes is given', () => {
		const { status, stderr } = deckCommand('--notes', 'tests/fixtures/duplicates.txt');
		expect(status).toBe(1);
		expect(stderr).toContain('--out <folder> is required');
	});
});

describe('npm run deck on the course', () => {
	it('is byte-identical when run twice', () => {
		const out = freshDir();
		const lock = join(out, 'lock.json');
		execFileSync('cp', ['content/notes.lock.json', lock]);
		const run = () => {
			deckCommand('--notes', 'content/notes', '--out', out, '--lock', lock);
			return readFileSync(join(out, 'deck.json'), 'utf8');
		};
		expect(run()).toBe(run());
	});
});
