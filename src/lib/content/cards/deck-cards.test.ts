import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, type NoteSource } from '../deck';
import { emptyLock } from '../note-ids';
import { DeckSchema, NoteLockSchema, TagFileSchema } from '../schema';
import { TagVocabulary } from '../tag-vocabulary';
import { nodeSanitizer } from '../test-sanitizer';
import { Glossary } from './glossary';
import { parseOverlay } from './overlay';
import { cardFigures } from './report';
import { deckProblems } from './test-invariants';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const vocabulary = TagVocabulary.fromFile(TagFileSchema.parse(json('content/tags.json')));
const glossary = Glossary.parse(json('content/glossary.json'), 'content/glossary.json');
const overlay = parseOverlay(json('content/overlay.json'), 'content/overlay.json');
const lock = NoteLockSchema.parse(json('content/notes.lock.json'));
const courseFile = 'content/notes/000_7ef2b5a9121132d0.txt';
const course: NoteSource[] = [{ file: courseFile, text: readFileSync(courseFile, 'utf8') }];
const buildCourse = () => buildDeck(course, vocabulary, lock, nodeSanitizer, { glossary, overlay });
const handWrittenCards = new Set(
	overlay.entries.flatMap((e) =>
		e.type === 'question' ? [`${e.note}:${e.card.kind}:${e.card.key}`] : []
	)
);
const handWritten = new Set(
	overlay.entries.flatMap((e) =>
		e.type === 'question' && e.card.kind === 'mcq' ? [`${e.note}:mcq:${e.card.key}`] : []
	)
);

describe('the course deck with its glossary and overlay', () => {
	const build = buildCourse();
	const figures = cardFigures(build);

	it('is a valid deck with cards of every kind', () => {
		expect(() => DeckSchema.parse(build.deck)).not.toThrow();
		// one card per sentence (an MCQ where the term has wrong options of its kind, else a cloze);
		// issue 13 made it 83 MCQs, 22 clozes, 88 recall cards (was 127, 108, 100)
		expect(figures.byKind.mcq).toBeGreaterThan(80);
		expect(figures.byKind.cloze).toBeGreaterThan(15);
		expect(figures.byKind.recall).toBeGreaterThan(70);
	});

	it('meets every card invariant (options, answer, distractors, no HTML, ids)', () => {
		expect(deckProblems(build, handWritten)).toEqual([]);
	});

	it('has no stale overlay entry', () => {
		expect(build.cards.stale).toEqual([]);
	});

	it('gives every fact and advice note a card', () => {
		const study = build.cards.notes.filter((n) =>
			['fact', 'answered', 'advice'].includes(n.noteClass)
		);
		expect(
			study.filter((n) => n.cardIds.length === 0).map((n) => `${n.source.file}:${n.source.line}`)
		).toEqual([]);
	});

	it('gives at least 65% of fact notes an MCQ', () => {
		// 90% before issue 13 (68% after): MCQs whose stem or form gave the answer away are refused
		expect(figures.factsWithMcq / figures.facts).toBeGreaterThanOrEqual(0.65);
	});

	it('makes no generated card from an open question without an answer', () => {
		for (const n of build.cards.notes.filter((n) => n.noteClass === 'open'))
			expect(n.cardIds.filter((id) => !handWrittenCards.has(id))).toEqual([]);
	});

	it('shows the fix on every card of a fixed note (regression: --anonymous-off)', () => {
		const note = build.deck.notes.find((n) => n.text.includes('--anonymous-off'));
		const cards = build.deck.cards.filter((c) => c.noteId === note?.id);
		expect(cards.length).toBeGreaterThan(0);
		for (const c of cards) {
			expect(c.correction).toMatch(/--anonymous-auth/);
			const shown = c.kind === 'mcq' ? [c.question, ...c.options] : [c.front, c.back];
			expect(shown.join(' ')).not.toMatch(/--anonymous-off/);
		}
	});

	it('keeps card ids when built again, and they are unique', () => {
		const again = buildCourse();
		expect(again.deck.cards.map((c) => c.id)).toEqual(build.deck.cards.map((c) => c.id));
		expect(JSON.stringify(again.deck)).toBe(JSON.stringify(build.deck));
	});

	it("keeps a note's card ids when another note is edited", () => {
		const edited = course[0]!.text.replace('Docker was split into', 'Docker got split into');
		const other = buildDeck([{ file: courseFile, text: edited }], vocabulary, lock, nodeSanitizer, {
			glossary,
			overlay
		});
		const ids = (b: typeof build) =>
			b.deck.cards.filter((c) => !c.id.startsWith(dockerNote(b))).map((c) => c.id);
		expect(ids(other)).toEqual(ids(build));
	});
});

function dockerNote(b: ReturnType<typeof buildCourse>): string {
	return b.deck.notes.find((n) => /^Docker (was|got) split/.test(n.text))?.id ?? 'none';
}

describe('notes from another author, in another style, with no overlay', () => {
	const dirs = ['tests/fixtures/other-author', 'tests/fixtures/other-domains'];
	const sources = dirs.flatMap((dir) =>
		readdirSync(dir)
			.sort()
			.map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }))
	);
	const build = buildDeck(sources, vocabulary, emptyLock(), nodeSanitizer, { glossary });

	it('builds without a crash and meets every card invariant', () => {
		expect(() => DeckSchema.parse(build.deck)).not.toThrow();
		expect(deckProblems(build)).toEqual([]);
	});

	it('finds cards for most notes, and says why a definition has no MCQ', () => {
		const withCard = build.cards.notes.filter((n) => n.cardIds.length > 0).length;
		expect(withCard / build.deck.notes.length).toBeGreaterThanOrEqual(0.8);
		for (const n of build.cards.notes.filter((n) =>
			n.cardIds.some((id) => id.includes(':recall:define-'))
		)) {
			const mcq = n.cardIds.some((id) => id.includes(':mcq:define-'));
			if (!mcq) expect(n.blocked.map((b) => b.item).join()).toMatch(/^MCQ on |,MCQ on /);
		}
	});
});

describe('a synthetic stress corpus', () => {
	it('keeps the invariants on hostile and odd notes', () => {
		const text = [
			'<img src=x onerror=alert(1)> RBAC: the <b>default</b> mode. #authz',
			'CVE2023-32-082 leaks key names. #etcd',
			'Set --anonymous-auth=false on the API server to stop anonymous requests. #authn',
			'Since version 1.0, something exists. #trivia',
			'Refresh at 100% of the lifespan. #authn',
			'It is a thing. #trivia',
			': just a colon #trivia',
			'A very long note '.repeat(200) + '#trivia'
		].join('\n\n');
		const build = buildDeck([{ file: 'odd.txt', text }], vocabulary, emptyLock(), nodeSanitizer, {
			glossary
		});
		expect(() => DeckSchema.parse(build.deck)).not.toThrow();
		expect(deckProblems(build)).toEqual([]);
	});
});
