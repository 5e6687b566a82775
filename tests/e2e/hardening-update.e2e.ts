import { expect, test, type Page } from '@playwright/test';
import { eligibleCards } from '../../src/lib/quiz/build';
import { paramsToSearch } from '../../src/lib/quiz/params';
import { reviewCount } from './app-db';
import { builtDeck } from './deck';
import { waitForServiceWorker } from './service-worker';
import { StaticServer } from './static-server';

// a new deployment while a student is mid-answer or mid-quiz: a prompt, never a reload by itself,
// nothing lost, and the old version keeps working (its chunks come from the old worker's cache)
const deck = builtDeck();

const marker = (page: Page) =>
	page.evaluate(() => (window as unknown as { marker?: number }).marker);

/** Deploys a new worker and waits for the prompt; the page must not have reloaded. */
async function deployNewVersion(page: Page, server: StaticServer) {
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
	server.swSuffix = `\n// deployment ${Date.now()}\n`;
	await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
	const prompt = page.getByRole('status').filter({ hasText: 'A new version of the app is ready' });
	await expect(prompt).toBeVisible();
	expect(await marker(page)).toBe(42);
	return prompt;
}

test.beforeEach(async ({ page }) => {
	const toast = page.getByRole('status').filter({ hasText: 'ready to work offline' });
	await page.addLocatorHandler(toast, () => toast.getByRole('button', { name: 'OK' }).click());
});

test('an update mid-study keeps the revealed answer, old chunks load offline, and Reload goes on', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	const server = new StaticServer();
	const origin = await server.start();
	try {
		await page.goto(`${origin}/study?all`);
		await waitForServiceWorker(page);
		// a flashcard with its answer showing (an MCQ before it is answered as a person would)
		const card = page.locator('article.card');
		// wait for the card's face (options or Show answer) before looking: an MCQ's options can
		// come a moment after its card, and the test then took it for a flashcard (2 in 19 runs)
		const face = page.locator('.options').or(page.getByRole('button', { name: 'Show answer' }));
		await expect(face).toBeVisible();
		while (await page.locator('.options').isVisible()) {
			const id = (await card.getAttribute('data-card-id'))!;
			await page.locator('.options button').first().click();
			await page.getByRole('button', { name: 'Continue' }).click();
			await expect(page.locator(`article.card[data-card-id="${id}"]`)).toHaveCount(0);
			await expect(face).toBeVisible();
		}
		const answered = await reviewCount(page);
		const id = (await card.getAttribute('data-card-id'))!;
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(page.locator('.answer-text')).toBeVisible();

		const prompt = await deployNewVersion(page, server);
		await expect(page.locator('.answer-text')).toBeVisible();
		await expect(card).toHaveAttribute('data-card-id', id);

		// the server is gone: another route's code still loads, and the answer is still showing
		await context.setOffline(true);
		await server.stop();
		await page.getByRole('link', { name: 'Settings' }).click();
		// the settings page itself, not the study page's own heading (CI went Back before the
		// navigation had happened, and left the study page)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scheduler settings');
		await page.goBack();
		await expect(card).toHaveAttribute('data-card-id', id);
		await expect(page.locator('.answer-text')).toBeVisible();
		expect(await marker(page)).toBe(42);

		await page.getByRole('button', { name: /Good/ }).click();
		await expect(page.locator(`article.card[data-card-id="${id}"]`)).toHaveCount(0);
		expect(await reviewCount(page)).toBe(answered + 1);

		// the user chooses to reload: the new worker takes over (offline) and the study goes on
		await Promise.all([
			page.waitForEvent('load'),
			prompt.getByRole('button', { name: 'Reload' }).click()
		]);
		expect(await marker(page)).toBeUndefined();
		await expect(card).toBeVisible();
		expect(await reviewCount(page)).toBe(answered + 1);
	} finally {
		await context.setOffline(false);
		await server.stop();
	}
});

test('an update mid-quiz keeps the answer given and the quiz resumes after Reload', async ({
	page
}) => {
	const tags = deck.tags
		.map((t) => ({ name: t.name, n: eligibleCards(deck, { tags: [t.name], exclude: [] }).length }))
		.sort((a, b) => b.n - a.n)
		.slice(0, 2)
		.map((t) => t.name)
		.sort();
	const search = paramsToSearch({
		tags,
		exclude: [],
		count: 5,
		seconds: null,
		seed: 'update',
		deckHash: deck.hash
	});
	const server = new StaticServer();
	const origin = await server.start();
	try {
		await page.goto(`${origin}/quiz${search}`);
		await waitForServiceWorker(page);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.keyboard.press('1');
		await page.getByRole('button', { name: 'Next question' }).click();
		const second = (await page.locator('#question-text').textContent())!;
		await page.keyboard.press('2');
		const next = page.getByRole('button', { name: 'Next question' });
		await expect(next).toBeVisible();

		const prompt = await deployNewVersion(page, server);
		await expect(page.getByText('Question 2 of 5')).toBeVisible();
		await expect(page.locator('.option[aria-pressed="true"]')).toHaveCount(1);
		await expect(next).toBeVisible();

		await Promise.all([
			page.waitForEvent('load'),
			prompt.getByRole('button', { name: 'Reload' }).click()
		]);
		expect(await marker(page)).toBeUndefined();
		await expect(page.locator('#question-text')).toHaveText(second);
		await expect(page.getByText('Question 2 of 5')).toBeVisible();
		await expect(page.locator('.option[aria-pressed="true"]')).toHaveCount(1);
		await page.getByRole('button', { name: 'Next question' }).click();
		await expect(page.getByText('Question 3 of 5')).toBeVisible();
	} finally {
		await server.stop();
	}
});
