import type { TagVocabulary } from './tag-vocabulary';

/** A note as written by the author, before it gets an id. */
export interface ParsedNote {
	/** The note text without its trailing tag run, lines joined by a space. */
	text: string;
	/** Canonical tags in order of first appearance, without duplicates. */
	tags: string[];
	/** Tags as written that are neither a known tag nor an alias (lower-cased). */
	unknownTags: string[];
	source: { file: string; line: number };
}

export interface ParseWarning {
	file: string;
	line: number;
	message: string;
}

export interface ParseResult {
	notes: ParsedNote[];
	warnings: ParseWarning[];
}

/** Raised for input that is not a note file at all (binary data, for instance). */
export class NoteFileError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		message: string
	) {
		super(`${file}:${line}: ${message}`);
	}
}

// A hashtag starts with a letter and is not glued to a word before it:
// PKCS#11, C#, #42 and https://x/y#frag are not tags; the fullwidth ＃ never matches.
const HASHTAG = /(?<![\p{L}\p{N}_/#&:;=?%-])#(\p{L}[\p{L}\p{N}_-]*)/gu;
const HASHTAG_TOKEN = /^#(\p{L}[\p{L}\p{N}_-]*?)[.,;:!?)\]]*$/u;
const BARE_WORD_TOKEN = /^(\p{L}[\p{L}\p{N}_-]*?)[.,;:!?)\]]*$/u;
const URL = /\b(?:https?|ftp):\/\/\S+/giu;
// `stable.#trivia`: punctuation glued to a tag that follows it
const GLUED_TAG = /([.,;:!?)\]])#(?=\p{L})/gu;

interface Paragraph {
	line: number;
	lines: string[];
}

/**
 * Parses a notes file: paragraphs separated by blank lines or `---`, each ending in hashtags.
 * The file header (SPDX licence lines and the `Tags:` legend) is skipped.
 *
 * @example
 * parseNotes('notes.txt', 'etcd is a key-value store. #etcd #ctrlplane', vocabulary)
 * // { notes: [{ text: 'etcd is a key-value store.', tags: ['etcd', 'ctrlplane'], ... }], warnings: [] }
 */
export function parseNotes(file: string, input: string, vocabulary: TagVocabulary): ParseResult {
	assertText(file, input);
	const notes: ParsedNote[] = [];
	const warnings: ParseWarning[] = [];
	let inHeader = true;

	for (const paragraph of paragraphs(input)) {
		if (inHeader && isHeader(paragraph)) continue;
		inHeader = false;

		const note = parseParagraph(file, paragraph, vocabulary);
		const where = { file, line: paragraph.line };
		if (note.text === '') {
			warnings.push({ ...where, message: 'note has tags but no text; skipped' });
			continue;
		}
		if (note.tags.length === 0) warnings.push({ ...where, message: 'note has no tags' });
		for (const tag of note.unknownTags) {
			warnings.push({ ...where, message: `unknown tag #${tag} (add it to content/tags.json)` });
		}
		notes.push(note);
	}
	return { notes, warnings };
}

function assertText(file: string, input: string): void {
	const nul = input.indexOf('\u0000');
	if (nul >= 0) {
		const line = input.slice(0, nul).split('\n').length;
		throw new NoteFileError(file, line, 'contains binary data (a NUL byte); is this a text file?');
	}
	const replacements = input.match(/\uFFFD/g)?.length ?? 0;
	if (replacements > 0 && replacements > input.length / 100) {
		throw new NoteFileError(file, 1, 'is not valid UTF-8 text');
	}
}

function* paragraphs(input: string): Generator<Paragraph> {
	const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	let current: Paragraph | undefined;
	for (const [index, raw] of lines.entries()) {
		const line = raw.replace(/\t/g, ' ').trim();
		if (line === '' || /^-{3,}$/.test(line)) {
			if (current) yield current;
			current = undefined;
			continue;
		}
		current ??= { line: index + 1, lines: [] };
		current.lines.push(line);
	}
	if (current) yield current;
}

function isHeader(paragraph: Paragraph): boolean {
	const [first] = paragraph.lines;
	if (paragraph.lines.every((l) => /^SPDX-[A-Za-z-]+:/.test(l))) return true;
	return (
		first !== undefined &&
		/^Tags:/.test(first) &&
		paragraph.lines.slice(1).every((l) => l.startsWith('>'))
	);
}

function parseParagraph(file: string, paragraph: Paragraph, vocabulary: TagVocabulary): ParsedNote {
	const joined = paragraph.lines.join(' ').replace(GLUED_TAG, '$1 #');
	const tokens = joined.split(/ +/);

	// The trailing tag run: hashtags, and known tag words after the first hashtag (`#authn authz`).
	let runStart = tokens.length;
	for (let i = tokens.length - 1; i >= 0; i--) {
		const token = tokens[i] ?? '';
		const bare = BARE_WORD_TOKEN.exec(token);
		if (HASHTAG_TOKEN.test(token) || (bare && vocabulary.isKnown(bare[1] ?? ''))) runStart = i;
		else break;
	}
	while (runStart < tokens.length && !HASHTAG_TOKEN.test(tokens[runStart] ?? '')) runStart++;

	const written: string[] = [];
	const body = tokens.slice(0, runStart).join(' ');
	for (const match of body.replace(URL, ' ').matchAll(HASHTAG)) written.push(match[1] ?? '');
	for (const token of tokens.slice(runStart)) {
		const word = HASHTAG_TOKEN.exec(token)?.[1] ?? BARE_WORD_TOKEN.exec(token)?.[1];
		if (word) written.push(word);
	}

	const tags = new Set<string>();
	const unknownTags = new Set<string>();
	for (const word of written) {
		tags.add(vocabulary.canonical(word));
		if (!vocabulary.isKnown(word)) unknownTags.add(word.toLowerCase());
	}
	return {
		text: body.trim(),
		tags: [...tags],
		unknownTags: [...unknownTags],
		source: { file, line: paragraph.line }
	};
}
