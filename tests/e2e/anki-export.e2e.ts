import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Flashcard } from '../../src/lib/content/schema';
import { builtDeck } from './deck';

const deck = builtDeck();

test.use({ dismissOfflineReady: true });

// issue 15: cloze cards were written as Basic front/back cards with "___" and the file had no
// note type or deck, so Anki put everything in the current deck as Basic notes
test('"Cards for Anki" saves a file Anki imports: cloze cards as Cloze notes, one deck', async ({
	page
}) => {
	await page.goto('/settings');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Cards for Anki' }).click()
	]);
	expect(download.suggestedFilename()).toBe('kubesec-anki.txt');
	await expect(page.getByRole('status').filter({ hasText: 'for Anki' })).toContainText(
		`Exported ${deck.cards.length} cards for Anki`
	);
	const lines = readFileSync(await download.path(), 'utf8')
		.trimEnd()
		.split('\n');

	const header = lines.filter((l) => l.startsWith('#'));
	expect(header).toEqual(
		expect.arrayContaining(['#separator:tab', '#html:true', '#notetype column:2', '#deck column:3'])
	);
	const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
	expect(rows).toHaveLength(deck.cards.length);
	for (const row of rows) {
		expect(row).toHaveLength(6);
		expect(row[2]).toBe('Kubernetes security');
	}

	const clozes = deck.cards.filter((c): c is Flashcard => c.kind === 'cloze');
	const clozeRows = rows.filter((r) => r[1] === 'Cloze');
	expect(clozes.length).toBeGreaterThan(0);
	expect(clozeRows).toHaveLength(clozes.length);
	for (const row of clozeRows) {
		expect(row[3]).toMatch(/\{\{c1::[^}]+\}\}/);
		expect(row[3]).not.toContain('___');
	}
	// a plain answer reads back exactly, in its place in the sentence
	const plain = clozes.find((c) => /^[\w .-]+$/.test(c.back) && /^[\w ,.-]+___/.test(c.front))!;
	const [before] = plain.front.split(/_{3,}/);
	expect(clozeRows.map((r) => r[3])).toContainEqual(
		expect.stringContaining(`${before}{{c1::${plain.back}}}`)
	);
	expect(rows.filter((r) => r[1] === 'Basic')).toHaveLength(deck.cards.length - clozes.length);
});
