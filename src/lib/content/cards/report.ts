import type { DeckBuild } from '../deck';
import { parseCardId } from '../ids';
import type { Card } from '../schema';
import type { NoteClass, NoteCards } from './generate';

const CLASS_NAMES: Record<NoteClass, string> = {
	fact: 'fact',
	advice: 'advice or opinion',
	open: 'open question',
	answered: 'open question (answered by the overlay)',
	fragment: 'fragment'
};

export interface CardFigures {
	notes: number;
	byKind: Record<Card['kind'], number>;
	byClass: Record<NoteClass, number>;
	withoutCard: number;
	/** fact notes (answered open questions count as facts) with at least one MCQ */
	factsWithMcq: number;
	facts: number;
	/** fact and advice notes with at least one flashcard */
	studyNotesWithFlashcard: number;
	studyNotes: number;
	blocked: number;
	stale: number;
}

/** The kinds of card a note got. */
const kindsOf = (n: NoteCards) => new Set(n.cardIds.map((id) => parseCardId(id)?.kind));
/** A fact note; an open question the overlay answers counts as one. */
const isFact = (n: NoteCards) => n.noteClass === 'fact' || n.noteClass === 'answered';
/** A fact note without an MCQ: one the generator could not ask well. */
const factWithoutMcq = (n: NoteCards) => isFact(n) && !kindsOf(n).has('mcq');

/** Counts the targets of issue 3 are measured by. */
export function cardFigures(build: DeckBuild): CardFigures {
	const byKind = { mcq: 0, cloze: 0, recall: 0 };
	for (const card of build.deck.cards) byKind[card.kind]++;
	const byClass = { fact: 0, advice: 0, open: 0, answered: 0, fragment: 0 };
	for (const note of build.cards.notes) byClass[note.noteClass]++;
	const facts = build.cards.notes.filter(isFact);
	const study = build.cards.notes.filter((n) => isFact(n) || n.noteClass === 'advice');
	return {
		notes: build.deck.notes.length,
		byKind,
		byClass,
		withoutCard: build.cards.notes.filter((n) => n.cardIds.length === 0).length,
		factsWithMcq: facts.filter((n) => kindsOf(n).has('mcq')).length,
		facts: facts.length,
		studyNotesWithFlashcard: study.filter((n) => {
			const kinds = kindsOf(n);
			return kinds.has('cloze') || kinds.has('recall');
		}).length,
		studyNotes: study.length,
		blocked: build.cards.notes.reduce((sum, n) => sum + n.blocked.length, 0),
		stale: build.cards.stale.length
	};
}

/** The one line `npm run deck` prints. */
export function summaryLine(build: DeckBuild): string {
	const f = cardFigures(build);
	const warnings = build.warnings.length + f.stale;
	return (
		`${f.notes} notes, ${build.deck.tags.length} tags, ` +
		`${build.deck.cards.length} cards (${f.byKind.cloze} cloze, ${f.byKind.recall} recall, ${f.byKind.mcq} mcq), ` +
		`${f.withoutCard} notes without a card, ${warnings} warnings`
	);
}

const percent = (part: number, whole: number) =>
	whole === 0 ? '-' : `${Math.round((100 * part) / whole)}%`;

/** Markdown for the author: every note with its cards and what it lacks. */
export function reviewReport(build: DeckBuild): string {
	const f = cardFigures(build);
	const notes = new Map(build.deck.notes.map((n) => [n.id, n]));
	const cards = new Map(build.deck.cards.map((c) => [c.id, c]));
	const out: string[] = [];
	out.push('# Card review report', '');
	out.push(
		`${f.notes} notes; ${build.deck.cards.length} cards: ${f.byKind.cloze} cloze, ` +
			`${f.byKind.recall} recall, ${f.byKind.mcq} MCQ.`,
		'',
		'| Note class | Notes |',
		'| --- | ---: |',
		...(Object.keys(CLASS_NAMES) as NoteClass[]).map(
			(c) => `| ${CLASS_NAMES[c]} | ${f.byClass[c]} |`
		),
		'',
		`- Fact notes with an MCQ: ${f.factsWithMcq} of ${f.facts} (${percent(f.factsWithMcq, f.facts)})`,
		`- Fact and advice notes with a flashcard: ${f.studyNotesWithFlashcard} of ${f.studyNotes} ` +
			`(${percent(f.studyNotesWithFlashcard, f.studyNotes)})`,
		`- Notes without a card: ${f.withoutCard}; blocked items: ${f.blocked}; stale overlay entries: ${f.stale}`,
		''
	);

	if (build.cards.stale.length > 0) {
		out.push('## Stale overlay entries (not applied)', '');
		for (const s of build.cards.stale) {
			out.push(
				`- ${s.file} entry ${s.index} (${s.type}, note ${s.note}, quote “${s.quote}”): ${s.reason}`
			);
		}
		out.push('');
	}

	const lacking = build.cards.notes.filter(
		(n) => n.cardIds.length === 0 && n.noteClass !== 'open' && n.noteClass !== 'fragment'
	);
	if (lacking.length > 0) {
		out.push('## Fact and advice notes without a card', '');
		for (const n of lacking) out.push(`- ${n.source.file}:${n.source.line} ${n.noteId}`);
		out.push('');
	}

	const noMcq = build.cards.notes.filter(factWithoutMcq);
	if (noMcq.length > 0) {
		out.push('## Fact notes without an MCQ', '');
		for (const n of noMcq) out.push(`- ${n.source.file}:${n.source.line} ${n.noteId}`);
		out.push('');
	}

	out.push('## Notes', '');
	for (const report of build.cards.notes) {
		const note = notes.get(report.noteId);
		if (!note) continue;
		const unknown = build.unknownTags.get(note.id) ?? [];
		out.push(
			`### ${note.source.file}:${note.source.line} · ${note.id} · ${CLASS_NAMES[report.noteClass]}`,
			'',
			// the note as written, with markup shown as text, never rendered
			`> ${note.text.replace(/\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;')}`,
			'',
			`Tags: ${note.tags.map((t) => `#${t}`).join(' ') || '(none)'}`,
			''
		);
		for (const c of report.corrections) out.push(`- Correction: ${c}`);
		for (const id of report.cardIds) {
			const card = cards.get(id);
			if (card) out.push(`- ${describeCard(card)}`);
		}
		if (report.cardIds.length === 0) {
			const why =
				report.noteClass === 'open'
					? 'open question without an answer (add an `answer` entry to the overlay if one is known)'
					: report.noteClass === 'fragment'
						? 'a fragment: nothing to ask'
						: 'no card: add a `question` entry to the overlay (`--to-write` writes one to fill)';
			out.push(`- **No card**: ${why}`);
		}
		for (const b of report.blocked) out.push(`- Blocked ${b.item}: ${b.reason}`);
		for (const tag of unknown) out.push(`- Unknown tag #${tag}`);
		out.push('');
	}
	return out.join('\n');
}

function describeCard(card: Card): string {
	const key = `${card.kind}:${parseCardId(card.id)?.key}`;
	if (card.kind === 'mcq') {
		const options = card.options
			.map((o, i) => (i === card.answerIndex ? `**${o}**` : o))
			.join(' / ');
		return `MCQ \`${key}\`: ${card.question} — ${options}`;
	}
	return `${card.kind === 'cloze' ? 'Cloze' : 'Recall'} \`${key}\`: ${card.front} → ${card.back}`;
}

/**
 * An overlay for the author to fill, as JSON: a hand-written `question` entry for each fact note
 * without an MCQ (an MCQ to write) and each advice note without a card (a recall card), anchored
 * by the note's first words. Its empty fields make every entry invalid until it is written, so
 * an entry left as it is cannot reach a deck by mistake.
 */
export function overlayToFill(build: DeckBuild): string {
	const texts = new Map(build.deck.notes.map((n) => [n.id, n.text]));
	const entries = build.cards.notes.flatMap((n) => {
		const fact = factWithoutMcq(n);
		const advice = n.noteClass === 'advice' && n.cardIds.length === 0;
		if (!fact && !advice) return [];
		const card = fact
			? { kind: 'mcq', key: 'written', question: '', options: ['', '', '', ''], answerIndex: 0 }
			: { kind: 'recall', key: 'written', front: '', back: '' };
		return [
			{ type: 'question', note: n.noteId, quote: firstWords(texts.get(n.noteId) ?? ''), card }
		];
	});
	const file = {
		$comment:
			'Write each card (an MCQ: the question, four options, the index of the right one; a ' +
			'recall card: front and back), delete the entries you do not write, then pass this file ' +
			'with --overlay or move its entries into your overlay. `npm run deck -- --report` shows ' +
			'each note by its id.',
		entries
	};
	return JSON.stringify(file, null, '\t') + '\n';
}

/** A note's first words, as written, to anchor an overlay entry: up to 40 characters. */
function firstWords(text: string): string {
	const line = text.trim().split('\n')[0] ?? '';
	if (line.length <= 40) return line;
	const cut = line.slice(0, 41).replace(/\s+\S*$/, '');
	return cut.length >= 3 ? cut : line.slice(0, 40);
}
