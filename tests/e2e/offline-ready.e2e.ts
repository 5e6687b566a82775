import { mkdirSync } from 'node:fs';
import { answerMcqsUntilFlashcard } from './answer';
import { builtDeck } from './deck';
import { expect, isCovered, offlineReadyNote, test } from './fixtures';

// issue 15: "ready to work offline" never went away by itself and a student had to tap it away
// before grading; it now goes after a few seconds and never covers a control
const deck = builtDeck();
// the topic whose session is likeliest to open on a flashcard: the smallest share of MCQs
const topic = deck.tags
	.map((t) => {
		const cards = deck.cards.filter((c) => c.tags.includes(t.name));
		return { name: t.name, cards, mcqs: cards.filter((c) => c.kind === 'mcq').length };
	})
	.filter((t) => t.cards.length > t.mcqs)
	.sort((a, b) => a.mcqs / a.cards.length - b.mcqs / b.cards.length)[0]!.name;

test.use({ viewport: { width: 390, height: 844 } });

test('on a first visit the message covers no grade button and goes by itself in a few seconds', async ({
	page
}) => {
	// when the message comes and goes, by the page's own clock
	await page.addInitScript(() => {
		const seen: { shown?: number; gone?: number } = {};
		(window as unknown as { seen: typeof seen }).seen = seen;
		new MutationObserver(() => {
			const there = [...document.querySelectorAll('[role=status]')].some((e) =>
				e.textContent?.includes('ready to work offline')
			);
			if (there) seen.shown ??= Date.now();
			else if (seen.shown) seen.gone ??= Date.now();
		}).observe(document, { childList: true, subtree: true, characterData: true });
	});
	await page.goto(`/study?tags=${topic}`);
	const note = offlineReadyNote(page);
	await expect(note).toBeVisible({ timeout: 20_000 });

	// a flashcard's answer side, as a student sees it while the message shows
	await answerMcqsUntilFlashcard(page);
	await page.getByRole('button', { name: 'Show answer' }).click();
	const grades = page
		.getByRole('group', { name: 'How well did you remember?' })
		.getByRole('button');
	await expect(grades).toHaveCount(4);
	await expect(note).toBeVisible();
	mkdirSync('screenshots', { recursive: true });
	await page.screenshot({ path: 'screenshots/offline-ready-study-phone.png', fullPage: true });
	for (const grade of await grades.all()) expect(await isCovered(grade)).toBe(false);
	const noteBox = (await note.boundingBox())!;
	for (const grade of await grades.all()) {
		const box = (await grade.boundingBox())!;
		const apart =
			box.y + box.height <= noteBox.y ||
			noteBox.y + noteBox.height <= box.y ||
			box.x + box.width <= noteBox.x ||
			noteBox.x + noteBox.width <= box.x;
		expect(apart).toBe(true);
	}

	// nobody taps it: it goes by itself after 6 s
	await expect(note).toBeHidden({ timeout: 15_000 });
	const { shown, gone } = await page.evaluate(
		() => (window as unknown as { seen: { shown: number; gone: number } }).seen
	);
	expect(gone - shown).toBeGreaterThanOrEqual(5_500);
	expect(gone - shown).toBeLessThanOrEqual(8_000);
	// and the answer is still waiting to be graded
	await expect(grades).toHaveCount(4);
});

test('OK still closes it at once', async ({ page }) => {
	await page.goto('/notes');
	const note = offlineReadyNote(page);
	await expect(note).toBeVisible({ timeout: 20_000 });
	await note.getByRole('button', { name: 'OK' }).click();
	await expect(note).toBeHidden();
});
