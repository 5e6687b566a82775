/**
 * npm run deck [-- --notes <file-or-folder> ...] [--out <folder>] [--lock <file>] [--tags <file>]
 *                 [--glossary <file>] [--overlay <file> | --no-overlay] [--report <file.md>]
 *                 [--to-write <file.json>]
 *
 * Reads note files, writes <out>/deck.json (and updates the id lock file). Without --notes it
 * builds the course: content/notes -> static/deck.json with content/notes.lock.json and the
 * editorial overlay content/overlay.json. The glossary defaults to content/glossary.json; an
 * overlay is only applied to other notes when given. --no-overlay builds the generated cards
 * alone (what an author with new notes gets), even for the course. --to-write writes an overlay to
 * fill: an empty hand-written card for each note the generator could not ask well.
 */
import {
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { Glossary, GlossaryError } from '../src/lib/content/cards/glossary';
import { OverlayError, parseOverlay, type Overlay } from '../src/lib/content/cards/overlay';
import { overlayToFill, reviewReport, summaryLine } from '../src/lib/content/cards/report';
import { buildDeck, type NoteSource } from '../src/lib/content/deck';
import { emptyLock, type NoteLock } from '../src/lib/content/note-ids';
import { NoteFileError } from '../src/lib/content/parse';
import {
	DeckSchema,
	NoteLockSchema,
	TagFileSchema,
	describeZodError
} from '../src/lib/content/schema';
import { TagVocabulary } from '../src/lib/content/tag-vocabulary';

const NOTE_FILE = /\.(txt|md)$/i;

class UsageError extends Error {}

function main(): void {
	const { values } = parseArgs({
		options: {
			notes: { type: 'string', multiple: true },
			out: { type: 'string' },
			lock: { type: 'string' },
			tags: { type: 'string', default: 'content/tags.json' },
			glossary: { type: 'string', default: 'content/glossary.json' },
			overlay: { type: 'string' },
			'no-overlay': { type: 'boolean', default: false },
			report: { type: 'string' },
			'to-write': { type: 'string' }
		}
	});
	const course = values.notes === undefined;
	const notePaths = values.notes ?? ['content/notes'];
	const outDir = values.out ?? (course ? 'static' : undefined);
	if (!outDir) throw new UsageError('--out <folder> is required with --notes');
	const lockPath = values.lock ?? (course ? 'content/notes.lock.json' : undefined);

	const tagFile = readJson(values.tags, TagFileSchema);
	const vocabulary = attempt(values.tags, () => TagVocabulary.fromFile(tagFile));
	const lock: NoteLock =
		lockPath && exists(lockPath) ? readJson(lockPath, NoteLockSchema) : emptyLock();
	const sources = notePaths.flatMap(readSources);
	const glossary = Glossary.parse(readJsonRaw(values.glossary), values.glossary);
	if (values.overlay && values['no-overlay'])
		throw new UsageError('--overlay and --no-overlay cannot be used together');
	const overlayPath = values['no-overlay']
		? undefined
		: (values.overlay ?? (course ? 'content/overlay.json' : undefined));
	const overlay: Overlay | undefined = overlayPath
		? parseOverlay(readJsonRaw(overlayPath), overlayPath)
		: undefined;

	const purify = createDOMPurify(new JSDOM('').window);
	const build = buildDeck(sources, vocabulary, lock, purify, { glossary, overlay });
	const { deck, lock: nextLock, warnings } = build;

	for (const w of warnings) console.warn(`${w.file}:${w.line}: warning: ${w.message}`);
	for (const s of build.cards.stale) {
		console.warn(
			`${s.file}: warning: entry ${s.index} (${s.type} on ${s.note}, "${s.quote}") is stale: ${s.reason}; not applied`
		);
	}
	if (deck.notes.length === 0) {
		throw new UsageError(`no notes found in ${notePaths.join(', ')}: nothing written`);
	}
	DeckSchema.parse(deck);

	const outputs = [{ path: join(outDir, 'deck.json'), data: JSON.stringify(deck) }];
	if (lockPath) outputs.push({ path: lockPath, data: JSON.stringify(nextLock, null, '\t') + '\n' });
	if (values.report) outputs.push({ path: values.report, data: reviewReport(build) });
	if (values['to-write']) outputs.push({ path: values['to-write'], data: overlayToFill(build) });
	writeAll(outputs, outDir);
	console.log(`deck: ${summaryLine(build)} -> ${join(outDir, 'deck.json')}`);
}

function readJsonRaw(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new UsageError(`${path}: cannot read JSON (${(error as Error).message})`);
	}
}

function readSources(path: string): NoteSource[] {
	const stat = statOrThrow(path);
	if (stat.isFile()) return [readSource(path)];
	const files = readdirSync(path, { recursive: true, encoding: 'utf8' })
		.filter((f) => NOTE_FILE.test(f))
		.sort()
		.map((f) => join(path, f));
	if (files.length === 0)
		throw new UsageError(`${path}: no note files (*.txt, *.md) in this folder`);
	return files.map(readSource);
}

function readSource(path: string): NoteSource {
	const bytes = readFileSync(path);
	const text = new TextDecoder('utf-8').decode(bytes);
	return { file: relative(process.cwd(), path) || path, text };
}

function statOrThrow(path: string) {
	try {
		return statSync(path);
	} catch {
		throw new UsageError(`${path}: no such file or folder`);
	}
}

function exists(path: string): boolean {
	try {
		statSync(path);
		return true;
	} catch {
		return false;
	}
}

function readJson<T>(
	path: string,
	schema: {
		safeParse(
			v: unknown
		): { success: true; data: T } | { success: false; error: import('zod').ZodError };
	}
): T {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new UsageError(`${path}: cannot read JSON (${(error as Error).message})`);
	}
	const result = schema.safeParse(raw);
	if (!result.success) throw new UsageError(`${path}: invalid\n${describeZodError(result.error)}`);
	return result.data;
}

const REASONS: Record<string, string> = {
	ENOENT: 'no such folder',
	EACCES: 'permission denied',
	EPERM: 'not permitted',
	EROFS: 'read-only file system',
	ENOTDIR: 'a part of the path is a file, not a folder',
	EISDIR: 'is a folder, not a file',
	ENOSPC: 'no space left on the device',
	EDQUOT: 'disk quota exceeded'
};

/** Runs a file operation; a failure becomes one line naming the path and the reason. */
function attempt<T>(path: string, work: () => T): T {
	try {
		return work();
	} catch (error) {
		const { code, message } = error as NodeJS.ErrnoException;
		const reason = (code && REASONS[code]) ?? message.split('\n')[0];
		throw new UsageError(`${path}: ${reason}${code && REASONS[code] ? ` (${code})` : ''}`);
	}
}

/**
 * Creates the output folder one level at a time (Node 20's recursive mkdirSync spins for ever
 * under /proc), after checking that no part of the path is a file.
 */
function makeFolder(folder: string): string[] {
	const created: string[] = [];
	const parts = resolve(folder).split('/').filter(Boolean);
	let path = '';
	for (const part of parts) {
		path += `/${part}`;
		let isFolder: boolean | undefined;
		try {
			isFolder = statSync(path).isDirectory();
		} catch {
			isFolder = undefined;
		}
		if (isFolder === false) throw new UsageError(`${folder}: ${path} is a file, not a folder`);
		if (isFolder === undefined) {
			attempt(`${folder}: cannot create the folder ${path}`, () => mkdirSync(path));
			created.unshift(path);
		}
	}
	return created;
}

/**
 * All or nothing: each output goes to a temporary file beside it, and only when every one is
 * written are they renamed into place; a failure removes the temporary files. So a missing or
 * read-only folder for the lock or the report leaves deck.json as it was.
 */
function writeAll(outputs: { path: string; data: string }[], outDir: string): void {
	for (const { path } of outputs) {
		const folder = dirname(resolve(path));
		if (folder !== resolve(outDir) && !isFolder(folder))
			throw new UsageError(`${path}: no such folder ${dirname(path)}`);
	}
	const created = makeFolder(outDir);
	const temporary: string[] = [];
	try {
		for (const { path, data } of outputs) {
			const tmp = `${path}.${process.pid}.tmp`;
			attempt(path, () => writeFileSync(tmp, data, { flag: 'wx' }));
			temporary.push(tmp);
		}
	} catch (error) {
		for (const tmp of temporary) rmSync(tmp, { force: true });
		for (const folder of created) rmdirSync(folder);
		throw error;
	}
	outputs.forEach(({ path }, i) => attempt(path, () => renameSync(temporary[i]!, path)));
}

function isFolder(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

try {
	main();
} catch (error) {
	if (
		error instanceof UsageError ||
		error instanceof NoteFileError ||
		error instanceof GlossaryError ||
		error instanceof OverlayError
	) {
		console.error(`deck: error: ${error.message}`);
		process.exit(1);
	}
	// anything else (a bug, an exhausted stack): still one line, never a stack trace
	console.error(`deck: error: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
	process.exit(1);
}
