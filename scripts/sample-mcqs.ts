/**
 * npx tsx scripts/sample-mcqs.ts [--deck static/deck.json] [--seed blind-1] [--count 40]
 *
 * Prints a seeded random sample of the deck's MCQs as Markdown, with each note's text, for a
 * blind quality rating (good / acceptable / bad). Run `npm run deck` first.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hashText } from '../src/lib/content/hash';
import { DeckSchema } from '../src/lib/content/schema';

const { values } = parseArgs({
	options: {
		deck: { type: 'string', default: 'static/deck.json' },
		seed: { type: 'string', default: 'blind-1' },
		count: { type: 'string', default: '40' }
	}
});
const deck = DeckSchema.parse(JSON.parse(readFileSync(values.deck, 'utf8')));
const notes = new Map(deck.notes.map((n) => [n.id, n]));
const sample = deck.cards
	.filter((c) => c.kind === 'mcq')
	.map((c) => ({ c, key: hashText(`${values.seed}|${c.id}`) }))
	.sort((a, b) => (a.key < b.key ? -1 : 1))
	.slice(0, Number(values.count));
sample.forEach(({ c }, i) => {
	if (c.kind !== 'mcq') return;
	const note = notes.get(c.noteId);
	console.log(`## ${i + 1}. ${c.id}\n`);
	console.log(`Q: ${c.question}\n`);
	c.options.forEach((o, j) => console.log(`- ${j === c.answerIndex ? '(answer) ' : ''}${o}`));
	console.log(`\nNote (${note?.source.file}:${note?.source.line}): ${note?.text}`);
	if (c.correction) console.log(`\nCorrection: ${c.correction}`);
	console.log('\nRating: \n');
});
