import { expect, test } from '@playwright/test';
import { builtDeck, notesWith } from './deck';
import { waitForServiceWorker } from './service-worker';
import { StaticServer } from './static-server';

const deck = builtDeck();
const etcdCount = notesWith(deck, ['etcd']).length;

test('after one visit, / and a deep link work with the network off and the server gone', async ({
	page,
	context
}) => {
	const server = new StaticServer();
	const origin = await server.start();
	try {
		await page.goto(`${origin}/`);
		await waitForServiceWorker(page);

		await context.setOffline(true);
		await server.stop();

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
	} finally {
		await context.setOffline(false);
		await server.stop();
	}
});

test('a new version shows a prompt and does not reload by itself', async ({ page }) => {
	const server = new StaticServer();
	const origin = await server.start();
	try {
		await page.goto(`${origin}/notes?tags=etcd`);
		await waitForServiceWorker(page);
		await page.getByRole('searchbox', { name: 'Search these notes' }).fill('mTLS');
		await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

		server.swSuffix = '\n// deployment 2\n';
		await page.evaluate(async () => (await navigator.serviceWorker.ready).update());

		const prompt = page
			.getByRole('status')
			.filter({ hasText: 'A new version of the app is ready' });
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
	} finally {
		await server.stop();
	}
});
