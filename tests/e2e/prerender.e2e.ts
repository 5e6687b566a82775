import { expect, test, type Page } from '@playwright/test';
import { paramsToSearch } from '../../src/lib/quiz/params';

/** Holds every script of the app until the returned function is called. */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
	const held: (() => Promise<void>)[] = [];
	let holding = true;
	await page.route('**/_app/immutable/**/*.js', (route) => {
		if (!holding) return route.continue();
		held.push(() => route.continue());
	});
	return async () => {
		holding = false;
		await Promise.all(held.map((go) => go()));
	};
}

for (const [path, heading] of [
	['/study', 'Study'],
	['/quiz', 'Class quiz'],
	['/stats', 'Statistics']
] as const) {
	test(`${path} shows its content before any script has run`, async ({ page }) => {
		const release = await holdScripts(page);
		await page.goto(path, { waitUntil: 'commit' });
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expect(page.locator('p.lead')).toBeVisible();
		await release();
	});
}

test('a study link hides the prerendered deck list until the session is on screen', async ({
	page
}) => {
	const release = await holdScripts(page);
	await page.goto('/study?tags=etcd', { waitUntil: 'commit' });
	// the deck list is in the page but not shown: it is not what the link opens
	await expect(page.locator('table.decks')).toBeAttached();
	await expect(page.locator('table.decks')).toBeHidden();
	await release();
	await expect(page.locator('article.card')).toBeVisible();
	await expect(page.locator('table.decks')).toHaveCount(0);
	// back to the deck list in the app: shown
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	await expect(page.locator('table.decks')).toBeVisible();
});

test('a quiz link never shows the quiz form', async ({ page }) => {
	const release = await holdScripts(page);
	const link = paramsToSearch({
		tags: [],
		exclude: [],
		count: 5,
		seconds: 20,
		seed: 'prerender',
		deckHash: null
	});
	await page.goto(`/quiz${link}`, { waitUntil: 'commit' });
	const form = page.locator('button', { hasText: 'Share the quiz' });
	await expect(form).toBeAttached();
	await expect(form).toBeHidden();
	await release();
	await expect(page.getByRole('button', { name: 'Start the quiz' })).toBeVisible();
	await expect(form).toHaveCount(0);
});

/** The layout shift the page has had so far (the sum of the browser's layout-shift entries). */
const layoutShift = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				new PerformanceObserver((list) =>
					resolve(
						list.getEntries().reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0)
					)
				).observe({ type: 'layout-shift', buffered: true });
				// no entry at all: nothing moved
				setTimeout(() => resolve(0), 500);
			})
	);

// Lighthouse measured CLS 0.08 on /study: the daily-limit line came with the counts and pushed
// the decks down
test('the deck list does not move when the counts arrive', async ({ page }) => {
	await page.goto('/study');
	await expect(page.locator('td.num.new').first()).toHaveText(/^\d+$/);
	expect(await layoutShift(page)).toBeLessThan(0.001);
});
