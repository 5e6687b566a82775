import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { readAppDb } from './app-db';
import { answerOne } from './answer';
import { builtDeck } from './deck';

const deck = builtDeck();
// local 10:00 on Friday 27 Nov 2026, well away from the 4 am rollover
const T0 = new Date(2026, 10, 27, 10, 0);
const DAY = 86_400_000;

test.use({ dismissOfflineReady: true });

/** Every table of the app's IndexedDB (and its version). */
const dump = (page: Page) =>
	readAppDb(page, ['preferences', 'cards', 'reviews', 'flags', 'quizRuns']);

test('a backup exported in the browser restores the same data in a fresh browser', async ({
	page,
	browser,
	baseURL
}) => {
	await page.clock.setFixedTime(T0);
	const topic = deck.cards[0]!.tags[0]!;
	await page.goto(`/study?tags=${topic}`);
	for (let i = 0; i < 3; i++) await answerOne(page);

	await page.goto('/settings');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export backup' }).click()
	]);
	expect(download.suggestedFilename()).toBe('kubesec-study-2026-11-27.json');
	const file = join(tmpdir(), `kubesec-e2e-${Date.now()}.json`);
	await download.saveAs(file);
	await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText(
		`${deck.cards.length} cards, 3 reviews`
	);
	const mine = await dump(page);

	const fresh = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	try {
		const other = await fresh.newPage();
		await other.goto('/settings');
		await other.getByLabel(/Import a backup/).setInputFiles(file);
		await other.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(other.getByRole('status').filter({ hasText: 'Restored' })).toContainText(
			`${deck.cards.length} cards, 3 reviews, 0 flags, 0 quizzes`
		);
		expect(await dump(other)).toEqual(mine);

		// a damaged file is refused and changes nothing
		const broken = join(tmpdir(), `kubesec-e2e-broken-${Date.now()}.json`);
		writeFileSync(broken, readFileSync(file, 'utf8').slice(0, 500));
		await other.getByLabel(/Import a backup/).setInputFiles(broken);
		await other.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(other.getByRole('alert')).toContainText('not complete JSON');
		expect(await dump(other)).toEqual(mine);
	} finally {
		await fresh.close();
	}
});

/** A known history: cards answered on a fixed pattern of days over six months. */
function history() {
	const cards = deck.cards.map((c, order) => {
		const seen = order % 3 !== 2;
		const last = T0.getTime() - (order % 40) * DAY;
		const stability = seen ? [2, 10, 25, 60][order % 4]! : 0;
		const due = seen ? last + stability * DAY : T0.getTime();
		return {
			id: c.id,
			noteId: c.noteId,
			tags: c.tags,
			order,
			bucket: seen ? 'review' : 'new',
			due: seen ? due : 0,
			fsrs: {
				due: new Date(due).toISOString(),
				stability,
				difficulty: 5,
				elapsed_days: 0,
				scheduled_days: stability,
				learning_steps: 0,
				reps: seen ? 3 : 0,
				lapses: 0,
				state: seen ? 2 : 0,
				...(seen ? { last_review: new Date(last).toISOString() } : {})
			},
			suspended: false,
			retired: false
		};
	});
	const reviews = [];
	let id = 0;
	for (let d = 0; d < 180; d++) {
		const n = d % 2 === 0 ? 1 + (d % 5) : 0;
		for (let k = 0; k < n; k++) {
			const card = cards[(d * 7 + k) % cards.length]!;
			const at = new Date(T0.getTime() - d * DAY - k * 60_000).toISOString();
			reviews.push({
				id: ++id,
				cardId: card.id,
				noteId: card.noteId,
				reviewedAt: Date.parse(at),
				before: card.fsrs,
				rating: (d + k) % 6 === 0 ? 1 : 3,
				state: 2,
				due: at,
				stability: 10,
				difficulty: 5,
				elapsed_days: 3,
				last_elapsed_days: 3,
				scheduled_days: 10,
				learning_steps: 0,
				review: at
			});
		}
	}
	return {
		format: 'kubesec-study-backup',
		version: 1,
		schemaVersion: 4,
		appVersion: 'e2e',
		exportedAt: T0.toISOString(),
		tables: { preferences: [], cards, reviews, flags: [], quizRuns: [] }
	};
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`/stats shows a known history, passes axe and looks right (${colorScheme})`, async ({
		page,
		expectAccessible,
		offlineReady
	}) => {
		await page.emulateMedia({ colorScheme });
		await page.clock.setFixedTime(T0);
		const backup = history();
		const file = join(tmpdir(), `kubesec-e2e-history-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(backup));
		await page.goto('/settings');
		await page.getByLabel(/Import a backup/).setInputFiles(file);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();

		await page.goto('/stats');
		const total = backup.tables.reviews.length;
		expect(total).toBe(270);
		const days = new Set(backup.tables.reviews.map((r) => r.reviewedAt - (r.reviewedAt % DAY)))
			.size;
		await expect(page.getByText(/answers on \d+ days/)).toHaveText(
			`${total.toLocaleString('en')} answers on ${days} days in the last six months.`
		);
		await expect(page.getByRole('table', { name: /Answers per week/ })).toBeAttached();
		await expect(page.getByRole('table', { name: /Cards due per day/ })).toBeAttached();

		await expectAccessible();

		mkdirSync('screenshots', { recursive: true });
		await offlineReady.close();
		await page.screenshot({ path: `screenshots/stats-phone-${colorScheme}.png` });
		await page.screenshot({
			path: `screenshots/stats-phone-${colorScheme}-full.png`,
			fullPage: true
		});
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
}

test('script strings in an imported backup are shown as text, never run', async ({ page }) => {
	await page.clock.setFixedTime(T0);
	const script = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
	const backup = history();
	const card = backup.tables.cards[0]!;
	const withScript = {
		...backup,
		tables: {
			...backup.tables,
			preferences: [{ key: 'decks', value: [{ name: script, tags: card.tags, exclude: [] }] }],
			flags: [
				{
					id: 1,
					cardId: card.id,
					noteId: card.noteId,
					reason: 'wrong',
					comment: script,
					createdAt: T0.getTime()
				}
			]
		}
	};
	const file = join(tmpdir(), `kubesec-e2e-script-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(withScript));
	await page.goto('/settings');
	await page.getByLabel(/Import a backup/).setInputFiles(file);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toContainText('1 flag');

	await page.goto('/study');
	// the saved deck's name, in the deck list
	await expect(page.getByText(script).first()).toBeVisible();
	await page.goto('/stats');
	await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
	expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the backup panel in /settings passes axe and looks right (${colorScheme})`, async ({
		page,
		expectAccessible,
		offlineReady
	}) => {
		await page.emulateMedia({ colorScheme });
		await page.goto('/settings');
		await page.getByRole('button', { name: 'Export backup' }).waitFor();
		await expect(page.getByTestId('persist')).not.toHaveText('Checking…');
		await expectAccessible();
		await offlineReady.close();
		mkdirSync('screenshots', { recursive: true });
		await page.screenshot({
			path: `screenshots/settings-phone-${colorScheme}-full.png`,
			fullPage: true
		});
	});
}

test('after 200 answers without an export, /study reminds to export until dismissed', async ({
	page
}) => {
	await page.clock.setFixedTime(T0);
	const file = join(tmpdir(), `kubesec-e2e-reminder-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(history()));
	await page.goto('/settings');
	await page.getByLabel(/Import a backup/).setInputFiles(file);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();

	await page.goto('/study');
	const notice = page.getByRole('complementary', { name: 'Backup reminder' });
	await expect(notice).toContainText('270 answers since your last backup');
	await notice.getByRole('button', { name: 'Not now' }).click();
	await expect(notice).toBeHidden();
	await page.reload();
	await expect(page.locator('tr[data-deck="All cards"]')).toBeVisible();
	await expect(notice).toBeHidden();
});
