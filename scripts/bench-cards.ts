/**
 * npm run bench:cards [-- --runs 5] (part of npm run bench)
 *
 * Prints figures, not pass/fail: the card generator on the course notes and on synthetic
 * corpora up to 10,000 notes (median of several runs, time per note, peak memory). Each section
 * is one function returning rows, so other sections (IndexedDB, app sizes) can be added beside it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { median } from './median';
import { generateCards, type NoteInput } from '../src/lib/content/cards/generate';
import { Glossary } from '../src/lib/content/cards/glossary';
import { parseOverlay } from '../src/lib/content/cards/overlay';
import { seededRandom } from '../src/lib/quiz/random';
import { buildDeck } from '../src/lib/content/deck';
import { NoteLockSchema, TagFileSchema } from '../src/lib/content/schema';
import { TagVocabulary } from '../src/lib/content/tag-vocabulary';
import { nodeSanitizer } from '../src/lib/content/test-sanitizer';

interface Row {
	section: string;
	what: string;
	notes: number;
	medianMs: number;
	perNoteMs: number;
	cards: number;
	peakRssMb: number;
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number(values.runs));
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

let peakRss = 0;
const sample = () => {
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function time(run: () => number): { ms: number; cards: number } {
	const times: number[] = [];
	let cards = 0;
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		cards = run();
		times.push(performance.now() - start);
		sample();
	}
	return { ms: median(times), cards };
}

const TEMPLATES = [
	'The API server flag {flag} controls {topic}. It is set on the control plane nodes.',
	'{term} is a {label} that matters for {topic}.',
	'We had {cve} in etcd, which leaked {topic} over HTTP.',
	'{term} became GA in 1.{minor}. Change configuration, perhaps?',
	'Kubelet refreshes tokens at {pct}% of their lifespan, for {topic}.',
	'I think {term} is probably used for {topic}, right?',
	'Tools like {term}, {term2} or {term3} can help with {topic}.',
	'How does {term} handle {topic}? #todo',
	'{Word}: a definition of {topic} used with {term}.',
	'Avoid relying on {term} for {topic}; monitor it instead.',
	'Since version 1.{minor}, "{term}" supports {topic} and <b>more</b>.'
];
const TOPICS = ['audit logging', 'token expiry', 'node isolation', 'secret encryption', 'tenancy'];

/** A synthetic corpus in the course's style, drawn from the glossary's terms. */
function syntheticNotes(count: number, glossary: Glossary): NoteInput[] {
	// seeded: the corpus is the same on every run
	const rand = seededRandom('bench-cards');
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
	const terms = glossary.terms.filter((t) => !t.distractorOnly);
	const flags = terms.filter((t) => t.term.startsWith('--'));
	const cves = terms.filter((t) => t.class === 'cve');
	const notes: NoteInput[] = [];
	for (let i = 0; i < count; i++) {
		const term = pick(terms);
		const text = pick(TEMPLATES)
			.replace('{flag}', pick(flags).term)
			.replace('{cve}', pick(cves).term)
			.replace('{term}', term.term)
			.replace('{term}', term.term)
			.replace('{term2}', pick(terms).term)
			.replace('{term3}', pick(terms).term)
			.replace('{label}', glossary.classes.get(term.class)?.label ?? 'thing')
			.replace('{minor}', String(20 + Math.floor(rand() * 12)))
			.replace('{pct}', String(10 * (1 + Math.floor(rand() * 9))))
			.replace('{Word}', `Term${i}`)
			.replace(/\{topic\}/g, () => pick(TOPICS));
		notes.push({
			id: `n${i.toString(16).padStart(10, '0')}`,
			text: `${text} (note ${i})`,
			tags: [pick(['authn', 'authz', 'etcd', 'runtime', 'hardening']), 'trivia'],
			source: { file: 'synthetic.txt', line: 1 + 2 * i }
		});
	}
	return notes;
}

function generatorSection(): Row[] {
	const glossary = Glossary.parse(json('content/glossary.json'), 'content/glossary.json');
	const overlay = parseOverlay(json('content/overlay.json'), 'content/overlay.json');
	const vocabulary = TagVocabulary.fromFile(TagFileSchema.parse(json('content/tags.json')));
	const lock = NoteLockSchema.parse(json('content/notes.lock.json'));
	const file = 'content/notes/000_7ef2b5a9121132d0.txt';
	const sources = [{ file, text: readFileSync(file, 'utf8') }];
	const rows: Row[] = [];
	const row = (what: string, notes: number, r: { ms: number; cards: number }) =>
		rows.push({
			section: 'generator',
			what,
			notes,
			medianMs: r.ms,
			perNoteMs: r.ms / notes,
			cards: r.cards,
			peakRssMb: peakRss / 2 ** 20
		});

	const course = buildDeck(sources, vocabulary, lock, nodeSanitizer, { glossary, overlay });
	const notes = course.deck.notes;
	row(
		'course: cards only',
		notes.length,
		time(() => generateCards(notes, { glossary, overlay }).cards.length)
	);
	row(
		'course: whole deck build',
		notes.length,
		time(
			() =>
				buildDeck(sources, vocabulary, lock, nodeSanitizer, { glossary, overlay }).deck.cards.length
		)
	);
	const empty = { file: '(none)', entries: [] };
	for (const count of [1000, 2500, 5000, 10000]) {
		const synthetic = syntheticNotes(count, glossary);
		row(
			`synthetic ${count}`,
			count,
			time(() => generateCards(synthetic, { glossary, overlay: empty }).cards.length)
		);
	}
	return rows;
}

function printTable(rows: Row[]): void {
	const header = ['section', 'what', 'notes', 'median ms', 'ms/note', 'cards', 'peak RSS MB'];
	const lines = rows.map((r) => [
		r.section,
		r.what,
		String(r.notes),
		r.medianMs.toFixed(1),
		r.perNoteMs.toFixed(3),
		String(r.cards),
		r.peakRssMb.toFixed(0)
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
	const fmt = (cells: string[]) =>
		cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
	console.log(fmt(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const l of lines) console.log(fmt(l));
}

sample();
const rows = [...generatorSection()];
printTable(rows);
const usage = process.resourceUsage();
console.log(
	`\n${RUNS} runs per row (median). Peak RSS sampled after each run: ${(peakRss / 2 ** 20).toFixed(0)} MB; ` +
		`process maxRSS (resourceUsage): ${(usage.maxRSS / 1024).toFixed(0)} MB. Node ${process.version}.`
);
