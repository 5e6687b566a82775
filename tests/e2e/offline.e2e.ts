import { builtDeck, notesWith } from './deck';
import { expect, test } from './fixtures';
import { waitForServiceWorker } from './service-worker';

const deck = builtDeck();
const etcdCount = notesWith(deck, ['etcd']).length;

test('after one visit, / and a deep link work with the network off and the server gone', async ({
	page,
	serveBuild
}) => {
	const { origin, goOffline } = await serveBuild();
	await page.goto(`${origin}/`);
	await waitForServiceWorker(page);

	await goOffline();

	const deepLink = await page.goto(`${origin}/notes?tags=etcd`);
	expect(deepLink?.fromServiceWorker()).toBe(true);
	await expect(page.locator('ol.notes article')).toHaveCount(etcdCount);

	const home = await page.goto(`${origin}/`);
	expect(home?.fromServiceWorker()).toBe(true);
	await expect(page.locator('.topics > li')).toHaveCount(deck.tags.length);

	await page.reload();
	await expect(page.locator('.topics > li')).toHaveCount(deck.tags.length);
	await page.getByRole('link', { name: /^#rbac\b/ }).click();
	await expect(page.locator('ol.notes article')).toHaveCount(notesWith(deck, ['rbac']).length);
});

test('a new version shows a prompt and does not reload by itself', async ({ page, serveBuild }) => {
	const { origin, server } = await serveBuild();
	await page.goto(`${origin}/notes?tags=etcd`);
	await waitForServiceWorker(page);
	await page.getByRole('searchbox', { name: 'Search these notes' }).fill('mTLS');
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

	server.swSuffix = '\n// deployment 2\n';
	await page.evaluate(async () => (await navigator.serviceWorker.ready).update());

	const prompt = page.getByRole('status').filter({ hasText: 'A new version of the app is ready' });
	await expect(prompt).toBeVisible();
	// nothing reloaded: the page's state and what the user typed are still there
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
	await expect(page.getByRole('searchbox', { name: 'Search these notes' })).toHaveValue('mTLS');

	await Promise.all([
		page.waitForEvent('load'),
		prompt.getByRole('button', { name: 'Reload' }).click()
	]);
	expect(
		await page.evaluate(() => (window as unknown as { marker?: number }).marker)
	).toBeUndefined();
	await expect(page).toHaveURL(/q=mTLS/);
});
