import { expect, test } from './fixtures';

const pages = [
	{ name: 'home', path: '/', ready: '.topics > li' },
	{ name: 'notes-etcd', path: '/notes?tags=etcd', ready: 'ol.notes article' },
	{ name: 'notes-all', path: '/notes', ready: 'ol.notes article' },
	{
		name: 'study-decks',
		path: '/study',
		ready: 'tr[data-deck="All cards"] td.new:not(:has-text("…"))'
	},
	{ name: 'study-session', path: '/study?tags=admission', ready: 'article.card' },
	{ name: 'study-practice', path: '/study?tags=etcd&mode=practice', ready: 'article.card' },
	{ name: 'settings', path: '/settings', ready: 'input[type=range]' },
	{ name: 'not-found', path: '/404', ready: 'h1' }
];

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} mode`, () => {
		test.use({ colorScheme });

		for (const { name, path, ready } of pages) {
			test(`${name} has no serious accessibility violations`, async ({
				page,
				expectAccessible
			}) => {
				await page.goto(path);
				await page.locator(ready).first().waitFor();
				await expectAccessible();
			});

			test(`${name} screenshots at phone and desktop size`, async ({ page }) => {
				await page.goto(path);
				await page.locator(ready).first().waitFor();
				await page.screenshot({
					path: `screenshots/${name}-phone-${colorScheme}.png`
				});
				await page.setViewportSize({ width: 1280, height: 800 });
				await page.screenshot({
					path: `screenshots/${name}-desktop-${colorScheme}.png`
				});
				// readable at 320 px: nothing wider than the screen
				await page.setViewportSize({ width: 320, height: 640 });
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow).toBeLessThanOrEqual(0);
			});
		}
	});
}
