import { mkdirSync } from 'node:fs';
import { builtDeck } from './deck';
import { expect, test, type Page } from './fixtures';

// issue 15: finding notes on a phone, and taking them further (study them, share the view)
const deck = builtDeck();

/** The notes a query finds, by the rule the app states: every word, any case, hyphen = space. */
const found = (query: string) => {
	const words = query.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
	return deck.notes.filter((n) => {
		const text = n.text.toLowerCase().replace(/-/g, ' ');
		return words.every((w) => text.includes(w));
	});
};
const articles = (page: Page) => page.locator('ol.notes article');
const filters = (page: Page) => page.locator('details.filters');

test('a search from home opens the results with the topic filters folded away', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('searchbox', { name: 'Search all notes' }).fill('etcd');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/notes\?q=etcd$/);
	await expect(articles(page)).toHaveCount(found('etcd').length);
	await expect(filters(page)).not.toHaveAttribute('open');
	// the first result is on the phone's screen, not below 62 topic chips
	await expect(articles(page).first()).toBeInViewport();
	// the bare notes page still opens with the topics to pick from
	await page.goto('/notes');
	await expect(filters(page)).toHaveAttribute('open');
});

test('a hyphen and a space find the same notes, both ways', async ({ page }) => {
	const expected = found('anonymous auth').length;
	expect(expected).toBeGreaterThan(0);
	// no note writes "anonymous-auth": before the fix this query found nothing
	expect(deck.notes.filter((n) => n.text.toLowerCase().includes('anonymous-auth'))).toEqual([]);
	await page.goto('/notes?q=anonymous-auth');
	await expect(articles(page)).toHaveCount(expected);
	await page.goto('/notes?q=anonymous%20auth');
	await expect(articles(page)).toHaveCount(expected);

	// the reverse: a spaced query finds the note that writes "token-auth"
	const tokenAuth = deck.notes.filter((n) => n.text.includes('token-auth'));
	expect(tokenAuth.length).toBeGreaterThan(0);
	await page.goto('/notes?q=token%20auth');
	for (const note of tokenAuth)
		await expect(page.locator(`article[id="${note.id}"]`)).toBeVisible();
});

test('the matches are marked in every result and follow the query as it is typed', async ({
	page
}) => {
	await page.goto('/notes?q=anonymous-auth');
	const count = found('anonymous-auth').length;
	await expect(articles(page)).toHaveCount(count);
	for (let i = 0; i < count; i++) {
		await expect(articles(page).nth(i).locator('mark').first()).toBeVisible();
	}
	const words = (await page.locator('ol.notes mark').allTextContents()).map((w) => w.toLowerCase());
	expect(new Set(words)).toEqual(new Set(['anonymous', 'auth']));

	await page.getByRole('searchbox', { name: 'Search these notes' }).fill('kubelet');
	await expect(page).toHaveURL(/q=kubelet$/);
	await expect(articles(page)).toHaveCount(found('kubelet').length);
	const now = (await page.locator('ol.notes mark').allTextContents()).map((w) => w.toLowerCase());
	expect(new Set(now)).toEqual(new Set(['kubelet']));
});

test('"Study these" opens a study session with the same topics', async ({ page }) => {
	await page.goto('/notes?tags=etcd&exclude=trivia&q=cluster');
	await page.getByRole('link', { name: 'Study these' }).click();
	await expect(page).toHaveURL(/\/study\?tags=etcd&exclude=trivia$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('#etcd without #trivia');
	await expect(page.locator('article.card')).toBeVisible();
});

test.describe('Share', () => {
	test('opens the share sheet with the filtered view where the device has one', async ({
		page
	}) => {
		// headless Chromium has no share sheet: a stand-in records what the page asks for
		await page.addInitScript(() => {
			const shared: ShareData[] = [];
			(window as unknown as { shared: ShareData[] }).shared = shared;
			Object.defineProperty(navigator, 'share', {
				value: async (data: ShareData) => void shared.push(data)
			});
		});
		await page.goto('/notes?tags=rbac&q=role');
		await page.getByRole('button', { name: 'Share' }).click();
		const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
		expect(shared).toEqual([{ title: expect.stringContaining('#rbac'), url: page.url() }]);
	});

	test('copies the link, and says so, where there is no share sheet', async ({ page, context }) => {
		await page.addInitScript(() => {
			delete (Navigator.prototype as { share?: unknown }).share;
		});
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/notes?tags=rbac&q=role');
		expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
		await page.getByRole('button', { name: 'Share' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
	});
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`search results with marks pass axe and look right at 390 and 320 px (${colorScheme})`, async ({
		page,
		expectAccessible
	}) => {
		await page.emulateMedia({ colorScheme });
		await page.goto('/notes?q=anonymous-auth');
		await expect(page.locator('ol.notes mark').first()).toBeVisible();
		await expectAccessible();
		mkdirSync('screenshots', { recursive: true });
		await page.screenshot({ path: `screenshots/notes-search-phone-${colorScheme}.png` });
		await page.setViewportSize({ width: 320, height: 640 });
		await page.screenshot({ path: `screenshots/notes-search-320-${colorScheme}.png` });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
}
