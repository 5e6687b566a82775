/**
 * Issue 16: rows that contradict themselves (from an old or edited backup, or an older app) blanked
 * /quiz and /quiz/results, and a deck hash with no cards left every deck at 0/0/0 for good. The
 * pages now say what is wrong and offer to discard it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeCheck, expect, test, type Page } from './fixtures';
import { readAppDb } from './app-db';

const LINK = '/quiz?tags=rbac&n=5&seed=damaged';

test.use({ dismissOfflineReady: true });

type Run = { id: string; index: number; phase: string; answers: unknown[]; questions: unknown[] };
const runs = async (page: Page) =>
	(await readAppDb<{ quizRuns: Run[] }>(page, ['quizRuns'])).quizRuns;

/** Writes a row into the app's database with the raw API, as an old app or a bad import might. */
async function putRow(page: Page, store: string, row: unknown) {
	await page.evaluate(
		([store, row]) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('kubesec-study');
				open.onsuccess = () => {
					const tx = open.result.transaction(store as string, 'readwrite');
					tx.objectStore(store as string).put(row);
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
				open.onerror = () => reject(open.error);
			}),
		[store, row] as const
	);
}

/** Takes the quiz at LINK to its end and returns the stored run. */
async function finishedRun(page: Page): Promise<Run> {
	await page.goto(LINK);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (let i = 0; i < 5; i++) {
		await page.locator('.options .option').first().click();
		await page.getByRole('button', { name: /Next question|See results/ }).click();
	}
	await expect.poll(async () => (await runs(page))[0]?.phase).toBe('finished');
	return (await runs(page))[0]!;
}

/** Screenshots (phone, light and dark) and no serious axe violation. */
async function looks(page: Page, name: string) {
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await page.screenshot({ path: `screenshots/${name}-phone-${colorScheme}.png` });
		await axeCheck(page);
	}
	await page.emulateMedia({ colorScheme: 'light' });
}

function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

test('a finished quiz with more answers than questions: results and history say so, and discard it', async ({
	page
}) => {
	const errors = watchErrors(page);
	const run = await finishedRun(page);
	await putRow(page, 'quizRuns', { ...run, answers: [...run.answers, run.answers[0]] });

	await page.goto(`/quiz/results?id=${encodeURIComponent(run.id)}`);
	const alert = page.getByRole('alert').filter({ hasText: 'cannot be shown' });
	await expect(alert).toContainText('it has 6 answers at question 5 of 5 (finished)');
	await looks(page, 'quiz-damaged');

	await page.goto('/quiz');
	await expect(alert).toBeVisible();
	await alert.getByRole('button', { name: 'Discard this quiz' }).click();
	await expect(alert).toHaveCount(0);
	await expect(page.getByText('Quizzes you finish on this device are listed here.')).toBeVisible();
	expect(await runs(page)).toEqual([]);
	expect(errors).toEqual([]);
});

test('a quiz in progress at question 999: the quiz link says so, and starts afresh once discarded', async ({
	page
}) => {
	const errors = watchErrors(page);
	const run = await finishedRun(page);
	await putRow(page, 'quizRuns', {
		...run,
		phase: 'question',
		index: 998,
		answers: [],
		finishedAt: undefined
	});

	await page.goto(LINK);
	const alert = page.getByRole('alert').filter({ hasText: 'cannot be shown' });
	await expect(alert).toContainText('it is at question 999 of 5');
	await alert.getByRole('button', { name: 'Discard this quiz' }).click();
	await expect(page.getByRole('button', { name: 'Start the quiz' })).toBeVisible();
	expect(await runs(page)).toEqual([]);
	expect(errors).toEqual([]);
});

test('a deck hash with no cards does not leave every deck empty', async ({ page }) => {
	await page.goto('/study');
	const all = page.locator('tbody tr').first();
	await expect(all.locator('td.new')).not.toHaveText(/^(0|…)$/);
	const { preferences } = await readAppDb<{ preferences: { key: string; value: unknown }[] }>(
		page,
		['preferences']
	);
	const hash = preferences.find((p) => p.key === 'deckHash')?.value;
	expect(hash).toMatch(/^[0-9a-f]{14}$/);
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const open = indexedDB.open('kubesec-study');
				open.onsuccess = () => {
					const tx = open.result.transaction('cards', 'readwrite');
					tx.objectStore('cards').clear();
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
				};
			})
	);
	await page.reload();
	await expect(all.locator('td.new')).not.toHaveText(/^(0|…)$/);
});

test('an import that leaves out a bad setting and a damaged quiz says what was left out', async ({
	page
}) => {
	await finishedRun(page);
	await page.goto('/settings');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export backup' }).click()
	]);
	const file = join(tmpdir(), `kubesec-e2e-16-left-out-${Date.now()}.json`);
	await download.saveAs(file);
	const backup = JSON.parse(readFileSync(file, 'utf8'));
	backup.tables.preferences.push({ key: '__proto__', value: { polluted: true } });
	backup.tables.preferences.push({ key: 'decks', value: 'all' });
	backup.tables.quizRuns[0].index = 998;
	writeFileSync(file, JSON.stringify(backup));

	await page.getByLabel(/Import a backup/).setInputFiles(file);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toContainText('0 quizzes');
	const leftOut = page.locator('.left-out li');
	await expect(leftOut).toHaveText([
		/Setting \d+ was left out: "__proto__" is not a setting of this app\./,
		/Setting \d+ was left out: value: not an array\./,
		'Quiz 1 was left out: it is at question 999 of 5.'
	]);
	expect(await runs(page)).toEqual([]);
	await page.locator('.left-out').scrollIntoViewIfNeeded();
	await looks(page, 'import-left-out');
});
