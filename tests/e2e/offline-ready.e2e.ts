import { mkdirSync } from 'node:fs';
import { builtDeck } from './deck';
import { expect, offlineReadyNote, test } from './fixtures';

// issue 15: "ready to work offline" never went away by itself and a student had to tap it away
// before grading; it now goes after a few seconds and never covers a control
const deck = builtDeck();
const topic = deck.tags.find((t) =>
	deck.cards.some((c) => c.kind !== 'mcq' && c.tags.includes(t.name))
)!.name;

test.use({ viewport: { width: 390, height: 844 } });

test('on a first visit the message covers no grade button and goes by itself in a few seconds', async ({
	page
}) => {
	await page.clock.install();
	await page.goto(`/study?tags=${topic}`);
	const note = offlineReadyNote(page);
	await expect(note).toBeVisible({ timeout: 20_000 });

	// a flashcard's answer side, as a student sees it while the message shows
	const face = page.locator('.options').or(page.getByRole('button', { name: 'Show answer' }));
	await expect(face).toBeVisible();
	while (await page.locator('.options').isVisible()) {
		await page.locator('.options button').first().click();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(face).toBeVisible();
	}
	await page.getByRole('button', { name: 'Show answer' }).click();
	const grades = page
		.getByRole('group', { name: 'How well did you remember?' })
		.getByRole('button');
	await expect(grades).toHaveCount(4);
	await expect(note).toBeVisible();
	mkdirSync('screenshots', { recursive: true });
	await page.screenshot({ path: 'screenshots/offline-ready-study-phone.png', fullPage: true });
	for (const grade of await grades.all()) {
		const covered = await grade.evaluate((button) => {
			button.scrollIntoView({ block: 'end' });
			const box = button.getBoundingClientRect();
			const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
			return !button.contains(top);
		});
		expect(covered).toBe(false);
	}
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

	// nobody taps it: still there after 5 s, gone after 6.5 s
	await page.clock.runFor(5_000);
	await expect(note).toBeVisible();
	await page.clock.runFor(1_500);
	await expect(note).toBeHidden();
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
