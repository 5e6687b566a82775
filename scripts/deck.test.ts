import { execFileSync, spawnSync } from 'node:child_process';
import {
	chmodSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	existsSync,
	writeFileSync,
	mkdirSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DeckSchema } from '../src/lib/content/schema';
import { unsafeParts } from '../src/lib/content/test-sanitizer';

function deckCommand(...args: string[]) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deck.ts', ...args], {
		encoding: 'utf8'
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'deck-'));

// each test starts tsx one or more times: on a shared, loaded 2-core machine a start alone can
// take several seconds (measured: same CPU time before and after cards were added)
vi.setConfig({ testTimeout: 60_000 });

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

	it('builds a 5 MB note file in one go', () => {
		const out = freshDir();
		const big = join(out, 'big.txt');
		// 3,000 long, distinct notes (the course has ~200 short ones)
		const words =
			'the kubelet serves an authenticated API on each node and etcd keeps all cluster state so protect it with mutual TLS and encryption at rest'.split(
				' '
			);
		const notes: string[] = [];
		for (let i = 0, size = 0; size < 5 * 1024 * 1024; i++) {
			let text = `Note ${i}:`;
			for (let j = 0; j < 300; j++) {
				text += ` ${words[(i * 7 + j * 13) % words.length]}${j % 50 === 49 ? '.' : ''}`;
			}
			notes.push(`${text} #etcd`);
			size += text.length + 8;
		}
		writeFileSync(big, notes.join('\n\n'));
		const target = join(out, 'deck-out');
		const { status, stderr } = deckCommand('--notes', big, '--out', target);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const deck = DeckSchema.parse(JSON.parse(readFileSync(join(target, 'deck.json'), 'utf8')));
		expect(deck.notes).toHaveLength(notes.length);
		expect(readdirSync(target)).toEqual(['deck.json']);
	}, 180_000);

	it('leaves an existing deck untouched when the input is refused', () => {
		const out = freshDir();
		const target = join(out, 'deck-out');
		mkdirSync(target);
		writeFileSync(join(target, 'deck.json'), '{"old":true}');
		const garbage = join(out, 'garbage.md');
		writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
		const { status, stderr } = deckCommand('--notes', garbage, '--out', target);
		expect(status).not.toBe(0);
		expect(stderr).toMatch(/deck: error: .*garbage\.md/);
		expect(readFileSync(join(target, 'deck.json'), 'utf8')).toBe('{"old":true}');
		expect(readdirSync(target)).toEqual(['deck.json']);
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

	it('--no-overlay builds the generated cards alone: no hand-written card, no fix', () => {
		const out = freshDir();
		const lock = join(out, 'lock.json');
		execFileSync('cp', ['content/notes.lock.json', lock]);
		const overlay = JSON.parse(readFileSync('content/overlay.json', 'utf8')) as {
			entries: { type: string; note: string; card?: { kind: string; key: string } }[];
		};
		const written = overlay.entries.flatMap((e) =>
			e.type === 'question' && e.card ? [`${e.note}:${e.card.kind}:${e.card.key}`] : []
		);
		const { status } = deckCommand('--no-overlay', '--out', out, '--lock', lock);
		expect(status).toBe(0);
		const deck = DeckSchema.parse(JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8')));
		expect(written.length).toBeGreaterThan(50);
		expect(deck.cards.filter((c) => written.includes(c.id))).toEqual([]);
		expect(deck.cards.filter((c) => c.correction)).toEqual([]);
	});

	it('refuses --overlay together with --no-overlay, writing nothing', () => {
		const out = freshDir();
		const { status, stderr } = deckCommand(
			'--no-overlay',
			'--overlay',
			'content/overlay.json',
			'--out',
			out
		);
		expect(status).toBe(1);
		expect(stderr).toContain('deck: error: --overlay and --no-overlay cannot be used together');
		expect(existsSync(join(out, 'deck.json'))).toBe(false);
	});
});

describe('npm run deck: cards, the review report and the overlay', () => {
	it('prints one summary line with notes, cards by kind, notes without a card and warnings', () => {
		const out = freshDir();
		const { status, stdout } = deckCommand('--notes', 'tests/fixtures/other-author', '--out', out);
		expect(status).toBe(0);
		expect(stdout.trim().split('\n')).toHaveLength(1);
		expect(stdout).toMatch(
			/^deck: \d+ notes, \d+ tags, \d+ cards \(\d+ cloze, \d+ recall, \d+ mcq\), \d+ notes without a card, \d+ warnings -> /
		);
	});

	it('writes a Markdown report with every note at file:line, its cards and what it lacks', () => {
		const out = freshDir();
		const report = join(out, 'report.md');
		const { status } = deckCommand(
			'--notes',
			'tests/fixtures/other-author',
			'--out',
			out,
			'--report',
			report
		);
		expect(status).toBe(0);
		const text = readFileSync(report, 'utf8');
		expect(text).toMatch(/^# Card review report/);
		expect(text).toContain('### tests/fixtures/other-author/definitions.txt:1 · n');
		// AppArmor's class (Linux security module) gives wrong options of its kind; Seccomp has none
		expect(text).toMatch(/MCQ `mcq:define-apparmor`/);
		expect(text).toContain('- Blocked MCQ on Seccomp: fewer than three defined terms related to');
		expect(text).toContain('- Unknown tag #psa');
		expect(text).toContain('- **No card**: a fragment: nothing to ask');
		expect(text).toContain('> &lt;script>alert("x")&lt;/script> Pod Security Admission');
	});

	it('reports a stale overlay entry with file and entry, and does not apply it', () => {
		const out = freshDir();
		const overlay = join(out, 'overlay.json');
		const lock = join(out, 'lock.json');
		deckCommand('--notes', 'tests/fixtures/other-author', '--out', out, '--lock', lock);
		const deck = JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8'));
		const seccomp = deck.notes.find((n: { text: string }) => n.text.startsWith('Seccomp'));
		writeFileSync(
			overlay,
			JSON.stringify({
				entries: [
					{
						type: 'fix',
						note: seccomp.id,
						quote: 'syscalls',
						replace: 'system calls',
						why: 'spelled out'
					},
					{ type: 'fix', note: seccomp.id, quote: 'no longer here', replace: 'x', why: 'stale' }
				]
			})
		);
		const report = join(out, 'report.md');
		const { status, stderr } = deckCommand(
			'--notes',
			'tests/fixtures/other-author',
			'--out',
			out,
			'--lock',
			lock,
			'--overlay',
			overlay,
			'--report',
			report
		);
		expect(status).toBe(0);
		expect(stderr).toContain(
			`${overlay}: warning: entry 1 (fix on ${seccomp.id}, "no longer here") is stale`
		);
		const cards = JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8')).cards;
		const fixed = cards.filter((c: { noteId: string }) => c.noteId === seccomp.id);
		expect(
			fixed.every((c: { correction?: string }) => c.correction?.includes('system calls'))
		).toBe(true);
		expect(readFileSync(report, 'utf8')).toContain('## Stale overlay entries (not applied)');
	});

	it('--to-write gives an overlay to fill for the notes without a good card; once written it builds', () => {
		const out = freshDir();
		const lock = join(out, 'lock.json');
		const toWrite = join(out, 'to-write.json');
		const notes = ['--notes', 'tests/fixtures/other-author', '--out', out, '--lock', lock];
		expect(deckCommand(...notes, '--to-write', toWrite).status).toBe(0);
		const deck = DeckSchema.parse(JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8')));
		const withMcq = new Set(deck.cards.filter((c) => c.kind === 'mcq').map((c) => c.noteId));
		const file = JSON.parse(readFileSync(toWrite, 'utf8'));
		const entries: { note: string; quote: string; card: { kind: string } }[] = file.entries;
		// Seccomp has no MCQ (fewer than three related terms), AppArmor has one
		const seccomp = deck.notes.find((n) => n.text.startsWith('Seccomp'))!;
		const apparmor = deck.notes.find((n) => n.text.includes('AppArmor'))!;
		expect(entries.map((e) => e.note)).toContain(seccomp.id);
		expect(entries.map((e) => e.note)).not.toContain(apparmor.id);
		for (const e of entries) {
			expect(withMcq.has(e.note)).toBe(false);
			expect(deck.notes.find((n) => n.id === e.note)?.text).toContain(e.quote);
		}

		// as written, every entry is empty: the file is refused as an overlay, naming the field
		const unwritten = deckCommand(...notes, '--overlay', toWrite);
		expect(unwritten.status).toBe(1);
		expect(unwritten.stderr).toContain(`${toWrite}: invalid`);
		expect(unwritten.stderr).toMatch(/entries\.\d+\.card\.question/);

		// the author writes the Seccomp MCQ and deletes the rest
		const entry = entries.find((e) => e.note === seccomp.id)!;
		const card = {
			...entry.card,
			question: 'Which Linux kernel facility filters the syscalls a process may make?',
			options: ['AppArmor', 'Seccomp', 'SELinux', 'Landlock'],
			answerIndex: 1
		};
		writeFileSync(toWrite, JSON.stringify({ entries: [{ ...entry, card }] }));
		expect(deckCommand(...notes, '--overlay', toWrite, '--to-write', toWrite).status).toBe(0);
		const built = DeckSchema.parse(JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8')));
		// the build may move the answer to spread answer positions over the deck
		const mcq = built.cards.find((c) => c.id === `${seccomp.id}:mcq:written`);
		expect(mcq?.kind === 'mcq' && mcq.question).toBe(card.question);
		expect(mcq?.kind === 'mcq' && [...mcq.options].sort()).toEqual([...card.options].sort());
		expect(mcq?.kind === 'mcq' && mcq.options[mcq.answerIndex]).toBe('Seccomp');
		// and the file written again no longer asks for it
		const again = JSON.parse(readFileSync(toWrite, 'utf8'));
		expect(again.entries.map((e: { note: string }) => e.note)).not.toContain(seccomp.id);
	});

	it('refuses a misspelt field in tags.json, naming the file, the tag and the field', () => {
		const out = freshDir();
		const tags = join(out, 'tags.json');
		// "alias" for "aliases": dropped in silence, notes tagged #kv would warn of an unknown tag
		writeFileSync(
			tags,
			JSON.stringify({ tags: { etcd: { description: 'the store', alias: ['kv'] } } })
		);
		const { status, stderr } = deckCommand(
			'--notes',
			'tests/fixtures/other-author',
			'--out',
			join(out, 'o'),
			'--tags',
			tags
		);
		expect(status).toBe(1);
		expect(stderr).toContain(`${tags}: invalid`);
		expect(stderr).toContain('tags.etcd: Unrecognized key: "alias"');
		expect(existsSync(join(out, 'o', 'deck.json'))).toBe(false);
	});

	it('refuses an invalid glossary, naming the file and the JSON path', () => {
		const out = freshDir();
		const glossary = join(out, 'glossary.json');
		writeFileSync(glossary, JSON.stringify({ classes: {}, terms: [{ term: 'x', class: 'nope' }] }));
		const { status, stderr } = deckCommand(
			'--notes',
			'tests/fixtures/other-author',
			'--out',
			join(out, 'o'),
			'--glossary',
			glossary
		);
		expect(status).toBe(1);
		expect(stderr).toContain(`${glossary}: invalid`);
		expect(stderr).toContain('terms.0.class: unknown class "nope"');
		expect(existsSync(join(out, 'o', 'deck.json'))).toBe(false);
	});
});

// Issue 16: the deck command was not all-or-nothing (deck.json and the lock were replaced before
// a bad --report or --lock folder failed), hung under /proc, and printed raw stack traces.
describe('npm run deck: every failure is one line, writes nothing and ends', () => {
	const notes = 'tests/fixtures/other-author';
	const root = process.getuid?.() === 0;

	/** A folder this process cannot write to (root ignores file modes: /sys refuses it). */
	function unwritableFolder(): string {
		if (root) return '/sys/kernel';
		const folder = join(freshDir(), 'read-only');
		mkdirSync(folder);
		chmodSync(folder, 0o555);
		return folder;
	}

	/** A built deck to compare with afterwards: a failed run must leave it as it was. */
	function existingDeck() {
		const out = freshDir();
		const lock = join(out, 'ids.lock.json');
		expect(deckCommand('--notes', notes, '--out', out, '--lock', lock).status).toBe(0);
		const files = () =>
			Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
		return { out, lock, files, before: files() };
	}

	function refused(args: string[], error: RegExp) {
		const started = Date.now();
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deck.ts', ...args], {
			encoding: 'utf8',
			timeout: 10_000
		});
		expect(result.signal, 'ended by itself within 10 s').toBeNull();
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(result.status).toBe(1);
		const lines = result.stderr.split('\n').filter((l) => !/: warning: /.test(l) && l.trim());
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(error);
		expect(result.stderr).not.toMatch(/^\s+at /m);
		expect(result.stdout).toBe('');
	}

	it('--lock in a folder that does not exist: deck.json and the lock stay as they were', () => {
		const { out, lock, files, before } = existingDeck();
		const missing = join(out, 'nope', 'ids.lock.json');
		refused(
			['--notes', 'tests/fixtures/duplicates.txt', '--out', out, '--lock', missing],
			new RegExp(`^deck: error: ${missing}: no such folder`)
		);
		expect(files()).toEqual(before);
		expect(existsSync(lock)).toBe(true);
	});

	it('--report or --to-write in a folder that does not exist or cannot be written: nothing changes', () => {
		const { out, lock, files, before } = existingDeck();
		const edited = ['--notes', 'tests/fixtures/duplicates.txt', '--out', out, '--lock', lock];
		refused(
			[...edited, '--report', join(out, 'nope', 'r.md')],
			/^deck: error: .*nope\/r\.md: no such folder/
		);
		const readOnly = unwritableFolder();
		refused(
			[...edited, '--report', join(readOnly, 'r.md')],
			new RegExp(`^deck: error: ${readOnly}/r\\.md: permission denied \\(EACCES\\)$`)
		);
		refused(
			[...edited, '--to-write', join(out, 'nope', 'w.json')],
			/^deck: error: .*nope\/w\.json: no such folder/
		);
		expect(files()).toEqual(before);
	});

	it('--lock in a folder that cannot be written: the new --out folder is not even created', () => {
		const out = join(freshDir(), 'new', 'deck');
		const readOnly = unwritableFolder();
		refused(
			['--notes', notes, '--out', out, '--lock', join(readOnly, 'ids.lock.json')],
			/permission denied \(EACCES\)$/
		);
		expect(existsSync(dirname(out))).toBe(false);
	});

	it('--out under /proc ends at once with the reason', () => {
		refused(
			['--notes', notes, '--out', '/proc/deck16/out'],
			/^deck: error: \/proc\/deck16\/out: cannot create the folder \/proc\/deck16: no such folder \(ENOENT\)$/
		);
	});

	it('--out naming a file, or a path under a file', () => {
		const file = join(freshDir(), 'a-file');
		writeFileSync(file, 'keep me');
		refused(
			['--notes', notes, '--out', file],
			new RegExp(`^deck: error: ${file}: ${file} is a file, not a folder$`)
		);
		refused(
			['--notes', notes, '--out', join(file, 'sub')],
			new RegExp(`^deck: error: ${file}/sub: ${file} is a file, not a folder$`)
		);
		expect(readFileSync(file, 'utf8')).toBe('keep me');
	});

	it('--out in a folder that cannot be written', () => {
		const target = join(unwritableFolder(), 'deck16');
		refused(['--notes', notes, '--out', target], new RegExp(`^deck: error: ${target}: `));
		expect(existsSync(target)).toBe(false);
	});

	it('an alias claimed by two tags in tags.json names the file and the alias', () => {
		const dir = freshDir();
		const tags = join(dir, 'tags.json');
		writeFileSync(
			tags,
			JSON.stringify({
				tags: {
					etcd: { description: 'the store', aliases: ['kv'] },
					rbac: { description: 'roles', aliases: ['kv'] }
				}
			})
		);
		refused(
			['--notes', notes, '--out', join(dir, 'o'), '--tags', tags],
			new RegExp(`^deck: error: ${tags}: tag "kv" is claimed by both "etcd" and "rbac"$`)
		);
		expect(existsSync(join(dir, 'o'))).toBe(false);
	});

	it('a note with 3,000 nested ">" is an error at its file:line', () => {
		const dir = freshDir();
		const file = join(dir, 'deep.txt');
		writeFileSync(file, `A first note. #etcd\n\n${'>'.repeat(3000)} deep #etcd\n`);
		refused(
			['--notes', file, '--out', join(dir, 'o')],
			/^deck: error: .*deep\.txt:3: this note is nested too deep to render/
		);
		expect(existsSync(join(dir, 'o'))).toBe(false);
	});
});
