/**
 * Issue 15: the daily new-card limit was shared by every deck (after 19 new #etcd cards every
 * other deck showed "1 new"), and the deck list never said how many cards a deck holds.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answerOne } from './answer';
import { builtDeck } from './deck';

const deck = builtDeck();
const notesOf = (tag: string) =>
	new Set(deck.cards.filter((c) => c.tags.includes(tag)).map((c) => c.noteId));
const cardsOf = (tag: string) => deck.cards.filter((c) => c.tags.includes(tag)).length;

// two topics with at least four notes each and no note in common: what is studied in one
// cannot touch the other, by its tags or by the one-card-per-note rule
const topics = deck.tags.map((t) => t.name).filter((t) => notesOf(t).size >= 4);
const [first, second] = topics
	.flatMap((a) =>
		topics
			.filter((b) => b > a && ![...notesOf(a)].some((n) => notesOf(b).has(n)))
			.map((b) => [a, b] as const)
	)
	.at(0)!;

// local 10:00, away from the 4 am rollover
const T0 = new Date(2026, 10, 27, 10, 0);
const LIMIT = 3;

const row = (page: Page, name: string) => page.locator(`tr[data-deck="${name}"]`);
const counts = (page: Page) => page.getByLabel('Cards left today');

test.beforeEach(async ({ page }) => {
	// the "ready to work offline" toast can cover the buttons: a person taps OK
	const toast = page.getByRole('status').filter({ hasText: 'ready to work offline' });
	await page.addLocatorHandler(toast, () => toast.getByRole('button', { name: 'OK' }).click());
	await page.clock.setFixedTime(T0);
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill(String(LIMIT));
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
});

test('new cards studied in one deck leave another deck its own daily limit', async ({ page }) => {
	await page.goto(`/study?tags=${first}`);
	await expect(counts(page)).toContainText(`${LIMIT} new`);
	for (let i = 0; i < LIMIT - 1; i++) await answerOne(page);
	await expect(counts(page)).toContainText('1 new');

	await page.goto('/study');
	await expect(row(page, `#${first}`).locator('td.new')).toHaveText('1');
	// before: "1 new" here too
	await expect(row(page, `#${second}`).locator('td.new')).toHaveText(String(LIMIT));
	// "All cards" holds both: its one limit counts every new card
	await expect(row(page, 'All cards').locator('td.new')).toHaveText('1');
	await expect(page.getByText(`Every deck brings up to ${LIMIT} new cards a day`)).toBeVisible();

	await page.goto(`/study?tags=${second}`);
	await expect(counts(page)).toContainText(`${LIMIT} new`);
});

test('the deck list shows how many cards each deck holds', async ({ page }) => {
	await page.goto('/study');
	await expect(row(page, 'All cards').locator('.size')).toHaveText(`${deck.cards.length} cards`);
	for (const tag of [first, second])
		await expect(row(page, `#${tag}`).locator('.size')).toHaveText(`${cardsOf(tag)} cards`);

	// a saved deck: its cards are those of its tags
	await page.getByText('Make a deck').click();
	await page.getByLabel('Name', { exact: true }).fill('Both');
	const include = page.locator('fieldset').first();
	await include.getByLabel(`#${first}`).check();
	await include.getByLabel(`#${second}`).check();
	await page.getByRole('button', { name: 'Save deck' }).click();
	const both = deck.cards.filter((c) => c.tags.includes(first) || c.tags.includes(second));
	await expect(row(page, 'Both').locator('.size')).toHaveText(`${both.length} cards`);

	await expect(row(page, 'All cards').locator('td.new')).not.toHaveText('…');
	const { violations } = await new AxeBuilder({ page }).analyze();
	const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: `screenshots/study-limits-phone-${colorScheme}.png` });
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.screenshot({ path: `screenshots/study-limits-desktop-${colorScheme}.png` });
	}
});
