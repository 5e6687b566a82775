/**
 * npm run deck [-- --notes <file-or-folder> ...] [--out <folder>] [--lock <file>] [--tags <file>]
 *                 [--glossary <file>] [--overlay <file> | --no-overlay] [--report <file.md>]
 *
 * Reads note files, writes <out>/deck.json (and updates the id lock file). Without --notes it
 * builds the course: content/notes -> static/deck.json with content/notes.lock.json and the
 * editorial overlay content/overlay.json. The glossary defaults to content/glossary.json; an
 * overlay is only applied to other notes when given. --no-overlay builds the generated cards
 * alone (what an author with new notes gets), even for the course.
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { Glossary, GlossaryError } from '../src/lib/content/cards/glossary';
import { OverlayError, parseOverlay, type Overlay } from '../src/lib/content/cards/overlay';
import { reviewReport, summaryLine } from '../src/lib/content/cards/report';
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
			report: { type: 'string' }
		}
	});
	const course = values.notes === undefined;
	const notePaths = values.notes ?? ['content/notes'];
	const outDir = values.out ?? (course ? 'static' : undefined);
	if (!outDir) throw new UsageError('--out <folder> is required with --notes');
	const lockPath = values.lock ?? (course ? 'content/notes.lock.json' : undefined);

	const vocabulary = TagVocabulary.fromFile(readJson(values.tags, TagFileSchema));
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

	mkdirSync(outDir, { recursive: true });
	writeAtomically(join(outDir, 'deck.json'), JSON.stringify(deck));
	if (lockPath) writeAtomically(lockPath, JSON.stringify(nextLock, null, '\t') + '\n');

	if (values.report) {
		writeAtomically(values.report, reviewReport(build));
	}
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

/** Write to a temporary file then rename, so a crash never leaves half a file. */
function writeAtomically(path: string, data: string): void {
	const tmp = `${path}.${process.pid}.tmp`;
	writeFileSync(tmp, data);
	renameSync(tmp, path);
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
	throw error;
}
