import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';

// issue 15: at 320 px the settings gear was off screen (the bar scrolled sideways)
const PAGES = ['/', '/notes', '/study', '/quiz', '/stats', '/settings'];
const ITEMS = ['Topics', 'Notes', 'Study', 'Quiz', 'Stats', 'Settings'];

for (const width of [320, 360, 390]) {
	test(`at ${width} px every navigation item, the settings gear too, is on screen`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 640 });
		for (const path of PAGES) {
			await page.goto(path);
			const nav = page.getByRole('navigation', { name: 'Main' });
			for (const name of ITEMS) {
				const link = nav.getByRole('link', { name, exact: true });
				await expect(link, `${name} on ${path}`).toBeInViewport({ ratio: 1 });
			}
			// nothing hidden behind a sideways scroll
			const hidden = await nav.evaluate((n) => n.scrollWidth - n.clientWidth);
			expect(hidden, path).toBeLessThanOrEqual(0);
		}
	});
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the navigation at 320 px looks right (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/study');
		mkdirSync('screenshots', { recursive: true });
		await page.screenshot({ path: `screenshots/nav-320-${colorScheme}.png` });
	});
}
