/**
 * npx tsx scripts/sample-cards.ts --deck <deck.json> --seed <seed> [--mcq 40] [--flash 20]
 *                                 [--half tune|held|all] [--out <sample.md>] [--key <key.json>]
 *
 * A seeded random sample of a deck's cards, as a student sees them, each with its note, for a
 * blind rating by a reader who has not seen the generator. Card ids (which name how a card was
 * made) go to the --key file only. `--half` keeps the notes of one half of a corpus, split by
 * note id (`corpusHalf`): tune the generator on one half, rate the other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { corpusHalf } from '../src/lib/content/cards/deck-figures';
import { hashText } from '../src/lib/content/hash';
import { DeckSchema, type Card } from '../src/lib/content/schema';

const { values } = parseArgs({
	options: {
		deck: { type: 'string', default: 'static/deck.json' },
		seed: { type: 'string', default: 'blind-1' },
		mcq: { type: 'string', default: '40' },
		flash: { type: 'string', default: '20' },
		half: { type: 'string', default: 'all' },
		out: { type: 'string' },
		key: { type: 'string' }
	}
});
const half = values.half;
if (half !== 'tune' && half !== 'held' && half !== 'all') {
	console.error('sample-cards: error: --half must be tune, held or all');
	process.exit(1);
}
const deck = DeckSchema.parse(JSON.parse(readFileSync(values.deck, 'utf8')));
const notes = new Map(deck.notes.map((n) => [n.id, n]));
const inHalf = (card: Card) => half === 'all' || corpusHalf(card.noteId) === half;

function sample(kind: (c: Card) => boolean, count: number): Card[] {
	return deck.cards
		.filter((c) => kind(c) && inHalf(c))
		.map((c) => ({ c, key: hashText(`${values.seed}|${c.id}`) }))
		.sort((a, b) => (a.key < b.key ? -1 : 1))
		.slice(0, count)
		.map(({ c }) => c);
}

const mcqs = sample((c) => c.kind === 'mcq', Number(values.mcq));
const flashcards = sample((c) => c.kind !== 'mcq', Number(values.flash));
const out: string[] = [];
const key: Record<string, string> = {};
const noteOf = (card: Card) => {
	const note = notes.get(card.noteId);
	const fix = card.correction
		? `\n\nEditor's correction shown with the answer: ${card.correction}`
		: '';
	return `Note: ${note?.text ?? '(missing)'}${fix}`;
};
out.push(
	`# Sample: ${mcqs.length} MCQs, ${flashcards.length} flashcards (seed ${values.seed})`,
	''
);
mcqs.forEach((c, i) => {
	if (c.kind !== 'mcq') return;
	const label = `M${i + 1}`;
	key[label] = c.id;
	out.push(`## ${label}`, '', `Q: ${c.question}`, '');
	c.options.forEach((o, j) =>
		out.push(`${'ABCD'[j]}. ${o}${j === c.answerIndex ? '   <- answer' : ''}`)
	);
	out.push('', noteOf(c), '');
});
flashcards.forEach((c, i) => {
	if (c.kind === 'mcq') return;
	const label = `F${i + 1}`;
	key[label] = c.id;
	out.push(`## ${label}`, '', `Front: ${c.front}`, '', `Back: ${c.back}`, '', noteOf(c), '');
});
const text = out.join('\n');
if (values.out) writeFileSync(values.out, text);
else console.log(text);
if (values.key) writeFileSync(values.key, JSON.stringify(key, null, '\t') + '\n');
