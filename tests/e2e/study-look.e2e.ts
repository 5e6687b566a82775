import { builtDeck } from './deck';
import { expect, test, type Page } from './fixtures';

// issue 15, what the screenshots at 390x844 and 320x640 showed (tests/look/issue-15.look.ts)
const deck = builtDeck();
const PHONES = [390, 320];

// the screens here are not about the offline message
test.use({ serviceWorkers: 'block' });

/** The bottom of the first line of text in an element: where its letters sit. */
const textBottom = (page: Page, selector: string) =>
	page.locator(selector).evaluate((element) => {
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, (n) =>
			n.textContent!.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT
		);
		const range = document.createRange();
		range.selectNodeContents(walker.nextNode()!);
		return range.getClientRects()[0]!.bottom;
	});

for (const width of PHONES) {
	test(`at ${width} px a deck's counts sit on the line of its name`, async ({ page }) => {
		await page.setViewportSize({ width, height: 640 });
		await page.goto('/study');
		for (const name of ['All cards', `#${deck.tags[0]!.name}`]) {
			const row = `tr[data-deck="${name}"]`;
			await expect(page.locator(`${row} td.new`)).not.toHaveText('…');
			const deckName = await textBottom(page, `${row} a.deck`);
			for (const column of ['new', 'learn', 'due']) {
				// before: the counts sat a third of a line above the name (vertical-align: top)
				expect(await textBottom(page, `${row} td.${column}`), `${name} ${column}`).toBeCloseTo(
					deckName,
					0
				);
			}
		}
	});

	test(`at ${width} px the practice note follows its count as one sentence`, async ({ page }) => {
		await page.setViewportSize({ width, height: 640 });
		await page.goto('/study?tags=etcd&mode=practice');
		const line = page.locator('p.counts');
		await expect(line).toContainText('to go');
		// before: a flex row wrapped "· answers here do not change the schedule" onto a line of
		// its own, starting with the dot
		const [count, note] = await line
			.locator('span')
			.evaluateAll((spans) => spans.map((s) => s.getClientRects()[0]!.top));
		expect(note).toBeCloseTo(count!, 0);
	});
}

test("/notes folds the author's file path behind Source, and it fits at 320 px", async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	const note = deck.notes.find((n) => n.tags.includes('etcd'))!;
	const path = `${note.source.file}:${note.source.line}`;
	await page.goto('/notes?tags=etcd');
	const article = page.locator(`article[id="${note.id}"]`);
	// before: every note showed content/notes/...txt:line under its tags
	await expect(article.getByText(path)).toBeHidden();
	await article.getByText('Source', { exact: true }).click();
	await expect(article.getByText(path)).toBeVisible();
	const box = (await article.getByText(path).boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(320);
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);
});
