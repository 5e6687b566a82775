/**
 * What issue 13 holds every deck to, on the course with and without its overlay, two other
 * authors' corpora (the Cloud Native Glossary, an instructor's notebook) and the other-author
 * fixtures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, type NoteSource } from '../deck';
import { emptyLock } from '../note-ids';
import { NoteLockSchema, TagFileSchema } from '../schema';
import { TagVocabulary } from '../tag-vocabulary';
import { nodeSanitizer } from '../test-sanitizer';
import {
	answerLeaks,
	answerLongestShare,
	answerPositions,
	repeatedFronts,
	templateFronts
} from './deck-figures';
import { Glossary } from './glossary';
import { parseOverlay, type Overlay } from './overlay';
import { cardFigures } from './report';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const vocabulary = TagVocabulary.fromFile(TagFileSchema.parse(json('content/tags.json')));
const glossary = Glossary.parse(json('content/glossary.json'), 'content/glossary.json');
const overlay = parseOverlay(json('content/overlay.json'), 'content/overlay.json');
const lock = NoteLockSchema.parse(json('content/notes.lock.json'));
const files = (dir: string): NoteSource[] =>
	readdirSync(dir)
		.filter((f) => /\.(txt|md)$/.test(f))
		.sort()
		.map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));

const corpus = (name: string) => () =>
	buildDeck(
		files('tests/fixtures/corpora').filter((s) => s.file.endsWith(name)),
		vocabulary,
		emptyLock(),
		nodeSanitizer,
		{ glossary }
	);
const cncf = corpus('cncf-glossary-notes.txt');

const decks: [string, () => ReturnType<typeof buildDeck>, Overlay | undefined][] = [
	[
		'the course with its overlay',
		() => buildDeck(files('content/notes'), vocabulary, lock, nodeSanitizer, { glossary, overlay }),
		overlay
	],
	[
		'the course without its overlay',
		() => buildDeck(files('content/notes'), vocabulary, lock, nodeSanitizer, { glossary }),
		undefined
	],
	['the Cloud Native Glossary corpus', cncf, undefined],
	["an instructor's own notebook", corpus('instructor-notes.txt'), undefined],
	[
		'the other-author fixtures',
		() =>
			buildDeck(
				[...files('tests/fixtures/other-author'), ...files('tests/fixtures/other-domains')],
				vocabulary,
				emptyLock(),
				nodeSanitizer,
				{ glossary }
			),
		undefined
	]
];

describe.each(decks)('%s', (_, build, withOverlay) => {
	const { deck } = build();
	const mcqs = deck.cards.filter((c) => c.kind === 'mcq');

	it('puts the answer at each of the four positions equally often', () => {
		const shares = answerPositions(deck.cards);
		if (mcqs.length >= 60) {
			for (const share of shares) {
				expect(share).toBeGreaterThanOrEqual(0.2);
				expect(share).toBeLessThanOrEqual(0.3);
			}
		}
		// fewer MCQs: each position within one card of a quarter
		const counts = shares.map((s) => Math.round(s * mcqs.length));
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
	});

	it('has the answer strictly the longest option in at most 30% of MCQs', () => {
		expect(answerLongestShare(deck.cards)).toBeLessThanOrEqual(0.3);
	});

	it('leaves no form of the answer in a stem or in a wrong option', () => {
		expect(answerLeaks(deck.cards)).toEqual([]);
	});

	it('never repeats a front, and has no template front', () => {
		expect(repeatedFronts(deck.cards)).toEqual([]);
		expect(templateFronts(deck.cards)).toEqual([]);
	});

	it('makes no card from a #todo, #demo or #labs note that the overlay does not answer', () => {
		const written = new Set(
			(withOverlay?.entries ?? []).flatMap((e) =>
				e.type === 'question' ? [`${e.note}:${e.card.kind}:${e.card.key}`] : []
			)
		);
		for (const note of deck.notes.filter((n) =>
			n.tags.some((t) => ['todo', 'demo', 'labs'].includes(t))
		)) {
			const answered = (withOverlay?.entries ?? []).some(
				(e) => e.note === note.id && (e.type === 'answer' || e.type === 'classify')
			);
			if (answered) continue;
			const cards = deck.cards.filter((c) => c.noteId === note.id && !written.has(c.id));
			expect(
				cards.map((c) => c.id),
				`${note.source.file}:${note.source.line}`
			).toEqual([]);
		}
	});

	// a whole build with the sanitizer: about a second, several on a shared machine under load
	it('is byte-identical when built again from the same input', { timeout: 30_000 }, () => {
		expect(JSON.stringify(build().deck)).toBe(JSON.stringify(deck));
	});
});

describe('an author who defines terms and then writes on about them (the Cloud Native Glossary)', () => {
	it('gets MCQs on at least 8.5% of the fact notes, with no overlay', { timeout: 30_000 }, () => {
		// 16% (34 of 217) before the passage and plural-term work of 2026-11-30, 31% (67) after
		// it, 26% (56) once wrong options had to be related terms and pairs ("x and ___") were
		// refused after a blind read, 27% (59) with other option sets tried, 25% (54) once the
		// cues round 8's reader named (debug for Debugging, secure for DevSecOps) were refused,
		// 13% (29) once wrong options had to be of the answer's name family or narrow kind (a
		// reader rated half the MCQs bad, most for wrong options of another kind), 12% (26) once
		// illustrative figures and blanks inside a longer name were refused, 11% (24) at the
		// start of 2026-12-01's third session, 9% (19) once a term is asked against its name's
		// family only by its definition (round 17's reader: general sentences with the other
		// "as a Service" models or ABAC as second right options); the target is 50%:
		// most notes without an MCQ describe a problem, or a term of a kind the glossary has too
		// few of to ask fairly
		const figures = cardFigures(cncf());
		expect(figures.factsWithMcq / figures.facts).toBeGreaterThanOrEqual(0.085);
	});
});
