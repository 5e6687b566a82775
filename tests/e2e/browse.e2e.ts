import { expect, test } from '@playwright/test';
import { readAppDb } from './app-db';
import { builtDeck, notesWith } from './deck';

const deck = builtDeck();

test('home lists every tag with its note count and description', async ({ page }) => {
	await page.goto('/');
	const rows = page.locator('.topics > li');
	await expect(rows).toHaveCount(deck.tags.length);
	for (const tag of deck.tags) {
		const link = page.locator(`a.topic[href="/notes?tags=${tag.name}"]`);
		await expect(link.locator('.name')).toHaveText(`#${tag.name}`);
		await expect(link.locator('.count')).toHaveText(String(tag.count));
		if (tag.description) await expect(link.locator('.description')).toHaveText(tag.description);
	}
});

test('tapping #etcd shows the etcd notes as rendered markdown', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: /^#etcd\b/ }).click();
	await expect(page).toHaveURL(/\/notes\?tags=etcd$/);
	const etcd = notesWith(deck, ['etcd']);
	await expect(page.locator('ol.notes article')).toHaveCount(etcd.length);
	await expect(page.getByRole('status').first()).toContainText(`${etcd.length} notes`);
	// markdown is rendered, not shown raw: the first note's HTML paragraph is there
	await expect(page.locator('ol.notes article .note-body p').first()).toBeVisible();
});

test('picking several tags shows notes with any of them, and the URL says so', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Select #etcd').check();
	await page.getByLabel('Select #rbac').check();
	await page.getByRole('link', { name: 'Show notes for 2 topics' }).click();
	await expect(page).toHaveURL(/\/notes\?tags=etcd,rbac$/);
	await expect(page.locator('ol.notes article')).toHaveCount(
		notesWith(deck, ['etcd', 'rbac']).length
	);
});

test('a shared URL with tags, an alias and an exclusion shows the same notes', async ({ page }) => {
	await page.goto('/notes?tags=runtimes,etcd&exclude=trivia');
	const expected = notesWith(deck, ['runtime', 'etcd'], ['trivia']);
	await expect(page.locator('ol.notes article')).toHaveCount(expected.length);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('#runtime, #etcd');
	for (const article of await page.locator('ol.notes article').all()) {
		await expect(article.locator('.note-tags')).not.toContainText('#trivia');
	}
});

test('search narrows the notes and is kept in the URL', async ({ page }) => {
	await page.goto('/notes?tags=etcd');
	await page.getByRole('searchbox', { name: 'Search these notes' }).fill('bcrypt');
	await expect(page).toHaveURL(/\/notes\?tags=etcd&q=bcrypt$/);
	const expected = notesWith(deck, ['etcd']).filter((n) => n.text.toLowerCase().includes('bcrypt'));
	expect(expected.length).toBeGreaterThan(0);
	await expect(page.locator('ol.notes article')).toHaveCount(expected.length);
	await page.reload();
	await expect(page.getByRole('searchbox', { name: 'Search these notes' })).toHaveValue('bcrypt');
	await expect(page.locator('ol.notes article')).toHaveCount(expected.length);
});

test('home search finds notes across all topics', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('searchbox', { name: 'Search all notes' }).fill('PKCS');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/notes\?q=PKCS$/);
	await expect(page.locator('ol.notes article')).toHaveCount(
		deck.notes.filter((n) => n.text.includes('PKCS')).length
	);
});

test('the tag picker toggles the filter with the keyboard and updates the URL', async ({
	page
}) => {
	await page.goto('/notes?tags=etcd');
	const filters = page.getByText('Filter by topic');
	await filters.focus();
	await page.keyboard.press('Enter');
	await page.getByText('Hide notes with').click();
	const hideTrivia = page.getByRole('checkbox', { name: 'Leave out #trivia' });
	await hideTrivia.focus();
	await page.keyboard.press('Space');
	await expect(page).toHaveURL(/\/notes\?tags=etcd&exclude=trivia$/);
	await expect(hideTrivia).toBeChecked();
	await expect(page.locator('ol.notes article')).toHaveCount(
		notesWith(deck, ['etcd'], ['trivia']).length
	);
	// a topic is in one list at most: including it takes it out of the left-out list
	await page.getByRole('checkbox', { name: '#trivia', exact: true }).check();
	await expect(page).toHaveURL(/\/notes\?tags=etcd,trivia$/);
	await expect(hideTrivia).not.toBeChecked();
});

test('home offers to continue with the last filter used', async ({ page }) => {
	await page.goto('/notes?tags=kubelet');
	await expect(page.locator('ol.notes article').first()).toBeVisible();
	// the filter is saved in IndexedDB in the background
	const saved = async () => {
		const { preferences } = await readAppDb<{ preferences: { key: string; value: unknown }[] }>(
			page,
			['preferences']
		);
		return preferences.find((p) => p.key === 'lastFilter')?.value;
	};
	await expect.poll(saved).toMatchObject({ tags: ['kubelet'] });
	await page.goto('/');
	await page.getByRole('link', { name: 'Continue: #kubelet' }).click();
	await expect(page).toHaveURL(/\/notes\?tags=kubelet$/);
});
