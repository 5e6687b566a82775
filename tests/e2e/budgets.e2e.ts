import { expect, test } from '@playwright/test';
import { routeBundles } from '../../scripts/bundle-size';

// Sizes are exact, so budgets are tests; timings are only printed by `npm run bench`.
const KB = 1000;

test('the first page stays within its JavaScript budget', async () => {
	const home = (await routeBundles()).find((r) => r.route === '/');
	expect(home, 'route / in the build').toBeDefined();
	expect(home!.initial.gzip, 'JS needed before / is interactive (gzip)').toBeLessThanOrEqual(
		60 * KB
	);
	expect(home!.all.gzip, 'all JS / loads, lazy chunks included (gzip)').toBeLessThanOrEqual(
		100 * KB
	);
});

test('every other route stays within 120 kB of JavaScript (gzip)', async () => {
	const routes = (await routeBundles()).filter((r) => r.route !== '/');
	expect(routes.length).toBeGreaterThan(0);
	for (const route of routes) {
		expect(route.all.gzip, `all JS of ${route.route} (gzip)`).toBeLessThanOrEqual(120 * KB);
	}
});
