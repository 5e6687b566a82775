/**
 * Issue 16: ordinary use made the app store what its own import refused, so an export, and the
 * automatic backup taken before an import, could not be restored. For each such use: export,
 * import into a fresh browser (accepted, nothing left out, the same data), and the automatic
 * backup taken before an import restores the progress.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { readAppDb } from './app-db';
import { answerOne } from './answer';

const T0 = new Date(2026, 10, 27, 10, 0);

test.use({ dismissOfflineReady: true });

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(T0);
});

type Tables = {
	preferences: { key: string; value: unknown }[];
	cards: unknown[];
	reviews: unknown[];
	flags: { comment: string }[];
	quizRuns: { params: { tags: string[] } }[];
};
const dump = (page: Page) =>
	readAppDb<Tables>(page, ['preferences', 'cards', 'reviews', 'flags', 'quizRuns']);
const preference = async (page: Page, key: string) =>
	(await dump(page)).preferences.find((p) => p.key === key)?.value;

async function exportBackup(page: Page): Promise<string> {
	await page.goto('/settings');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export backup' }).click()
	]);
	const file = join(tmpdir(), `kubesec-e2e-16-${Date.now()}-${Math.random()}.json`);
	await download.saveAs(file);
	return file;
}

/** Imports a file on /settings: it must be accepted whole, with nothing left out. */
async function importBackup(page: Page, file: string) {
	await page.goto('/settings');
	await page.getByLabel(/Import a backup/).setInputFiles(file);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
	await expect(page.locator('.left-out')).toHaveCount(0);
	await expect(page.locator('.error')).toHaveCount(0);
}

const triggers: { name: string; use: (page: Page) => Promise<void> }[] = [
	{
		name: 'a last filter with the tag 1x (/notes?tags=rbac,1x)',
		use: async (page) => {
			await page.goto('/notes?tags=rbac,1x');
			await expect
				.poll(() => preference(page, 'lastFilter'))
				.toEqual({ tags: ['rbac', '1x'], exclude: [], query: '' });
		}
	},
	{
		name: 'a last filter with the tag k8s.io and a fullwidth ＥＴＣＤ',
		use: async (page) => {
			await page.goto('/notes?tags=%EF%BC%A5%EF%BC%B4%EF%BC%A3%EF%BC%A4,k8s.io');
			await expect
				.poll(() => preference(page, 'lastFilter'))
				.toEqual({ tags: ['etcd', 'k8s.io'], exclude: [], query: '' });
		}
	},
	{
		name: 'a saved deck with a 250-character name',
		use: async (page) => {
			await page.goto('/study');
			await page.getByText('Make a deck').click();
			await page.getByLabel('Name').fill('D'.repeat(250));
			await page.getByRole('button', { name: 'Save deck' }).click();
			await expect
				.poll(async () => ((await preference(page, 'decks')) as { name: string }[])?.[0]?.name)
				.toBe('D'.repeat(200));
		}
	},
	{
		name: 'a quiz run with the tag 1x, and a quiz link whose v= is 65 characters',
		use: async (page) => {
			await page.goto(`/quiz?tags=rbac,1x&n=5&seed=abc&v=${'x'.repeat(65)}`);
			await expect(
				page.getByRole('heading', { name: 'This quiz link does not work' })
			).toBeVisible();
			await expect(
				page.getByText('The deck version in the link (v=…) is not valid.')
			).toBeVisible();
			await page.goto('/quiz?tags=rbac,1x&n=5&seed=abc');
			await page.getByRole('button', { name: 'Start the quiz' }).click();
			await page.locator('.options .option').first().click();
			await expect
				.poll(async () => (await dump(page)).quizRuns[0]?.params.tags)
				.toEqual(['1x', 'rbac']);
		}
	},
	{
		name: 'a flag with a comment of 100,050 characters',
		use: async (page) => {
			await page.goto('/study?tags=rbac');
			await page.getByRole('button', { name: 'Flag…' }).click();
			await page.getByLabel('Comment (optional)').fill('c'.repeat(100_050));
			await page.getByRole('button', { name: 'Send flag' }).click();
			await expect(page.getByText('Thanks: the card is flagged')).toBeVisible();
			await expect.poll(async () => (await dump(page)).flags[0]?.comment.length).toBe(100_000);
		}
	}
];

for (const trigger of triggers) {
	test(`export, wipe, import and the automatic backup all work after ${trigger.name}`, async ({
		page,
		browser,
		baseURL
	}) => {
		await page.goto('/study?tags=rbac');
		for (let i = 0; i < 3; i++) await answerOne(page);
		await trigger.use(page);

		const file = await exportBackup(page);
		const mine = await dump(page);
		expect(mine.reviews).toHaveLength(3);

		// a wiped device (a fresh browser) takes the file whole
		const fresh = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
		let empty: string;
		try {
			const other = await fresh.newPage();
			await other.clock.setFixedTime(T0);
			empty = await exportBackup(other);
			await importBackup(other, file);
			expect(await dump(other)).toEqual(mine);
		} finally {
			await fresh.close();
		}

		// importing another backup keeps this state as an automatic backup, which restores
		await importBackup(page, empty);
		expect((await dump(page)).reviews).toHaveLength(0);
		await page
			.getByRole('button', { name: /^Restore/ })
			.first()
			.click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Restored the backup of' })
		).toBeVisible();
		await expect(page.locator('.left-out')).toHaveCount(0);
		expect(await dump(page)).toEqual(mine);
	});
}
