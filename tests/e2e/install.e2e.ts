import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { paramsToSearch } from '../../src/lib/quiz/params';
import { readAppDb } from './app-db';
import { builtDeck } from './deck';
import { axeCheck, dismissOfflineReadyOn, expect, test } from './fixtures';

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

// the smallest topic with three notes: a short session
const deck = builtDeck();
const topic = [...new Set(deck.cards.flatMap((c) => c.tags))]
	.map((name) => ({
		name,
		notes: new Set(deck.cards.filter((c) => c.tags.includes(name)).map((c) => c.noteId)).size
	}))
	.filter((t) => t.notes >= 3)
	.sort((a, b) => a.notes - b.notes || a.name.localeCompare(b.name))[0]!;

// local 10:00: the learning cards answered now are due again after the session, not in it
const T0 = new Date(2026, 10, 27, 10, 0);

/** As the installed app: `(display-mode: standalone)` matches, and Safari's navigator.standalone. */
const STANDALONE = () => {
	const real = window.matchMedia.bind(window);
	window.matchMedia = (query: string) =>
		real(query.replace(/display-mode:\s*standalone/, 'display-mode: browser'));
	Object.defineProperty(navigator, 'standalone', { value: true });
};

/** Counts the app's calls to navigator.storage.persist() in this page (the real one still runs). */
const COUNT_PERSIST = () => {
	const w = window as unknown as { persistCalls: number };
	w.persistCalls = 0;
	const real = navigator.storage.persist.bind(navigator.storage);
	navigator.storage.persist = () => {
		w.persistCalls++;
		return real();
	};
};
const persistCalls = (page: Page) =>
	page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls);

const offer = (page: Page) => page.getByTestId('keep-progress');
/** The offer has made up its mind (read the device's progress): absence now means something. */
const settled = (page: Page) => expect(page.getByTestId('keep-progress-ready')).toBeAttached();

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The offer, on screen, covers none of these (boxes on the page, not the viewport). */
async function expectUncovered(page: Page, targets: Locator[]) {
	const offerBox = (await offer(page).boundingBox())!;
	for (const target of targets) {
		for (const one of await target.all()) {
			const box = (await one.boundingBox())!;
			expect(overlaps(offerBox, box), `the offer covers ${await one.textContent()}`).toBe(false);
		}
	}
}

/**
 * Studies the topic to its end as a person would. On every question and with the grade buttons
 * up, the offer is not there at all (so it cannot cover them).
 */
async function studyTopic(page: Page, onAnswered?: (answered: number) => Promise<void>) {
	await page.goto(`/study?tags=${topic.name}`);
	const card = page.locator('article.card');
	const done = page.getByRole('heading', { name: 'Done for now' });
	await expect(card.or(done)).toBeVisible();
	let answered = 0;
	while (await card.isVisible()) {
		const id = await card.getAttribute('data-card-id');
		await expect(offer(page)).toHaveCount(0);
		if (await page.locator('.options').isVisible()) {
			await page.locator('.options button').first().click();
			await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
			await expect(offer(page)).toHaveCount(0);
			await page.getByRole('button', { name: 'Continue' }).click();
		} else {
			await page.getByRole('button', { name: 'Show answer' }).click();
			const grades = page.getByRole('group', { name: 'How well did you remember?' });
			await expect(grades).toBeVisible();
			await expect(offer(page)).toHaveCount(0);
			await grades.getByRole('button', { name: /Good/ }).click();
		}
		answered++;
		const onScreen = () =>
			page.evaluate(() => document.querySelector('article.card')?.getAttribute('data-card-id'));
		await expect.poll(onScreen).not.toBe(id);
		await onAnswered?.(answered);
	}
	await expect(done).toBeVisible();
	return answered;
}

async function expectAxeClean(page: Page) {
	await axeCheck(page, { include: '[data-testid]', impacts: 'any' });
	await axeCheck(page);
}

// a person taps OK on "ready to work offline"
test.use({ dismissOfflineReady: true });

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(T0);
});

test.describe('a Safari tab on an iPhone', () => {
	test.use({ userAgent: IPHONE_SAFARI });

	test('warns after the first session, never over a question, exports a backup, and stays dismissed', async ({
		page
	}) => {
		await page.addInitScript(COUNT_PERSIST);
		// a new visitor: nothing to keep yet, and the browser is not asked to keep anything
		await page.goto('/');
		await settled(page);
		await expect(offer(page)).toHaveCount(0);
		expect(await persistCalls(page)).toBe(0);

		const answered = await studyTopic(page, async (n) => {
			// the browser is asked once, after the first answer
			await expect.poll(() => persistCalls(page)).toBe(1);
			if (n === 1) {
				const { reviews } = await readAppDb<{ reviews: unknown[] }>(page, ['reviews']);
				expect(reviews).toHaveLength(1);
			}
		});
		// learning cards come back within the session (learn-ahead): at least one answer a note
		expect(answered).toBeGreaterThanOrEqual(topic.notes);

		// the session is finished: the notice and the instructions, below what the page says
		const notice = offer(page);
		await expect(notice).toBeVisible();
		await expect(notice.getByRole('heading', { name: 'Keep your progress' })).toBeVisible();
		await expect(notice).toContainText('after 7 days without a visit');
		await expect(notice.locator('.chip', { hasText: 'Share' }).locator('svg')).toBeVisible();
		await expect(notice.locator('.chip', { hasText: 'Add to Home Screen' })).toBeVisible();
		const doneScreen = page.locator('section.done');
		await expectUncovered(page, [
			doneScreen.getByRole('heading', { name: 'Done for now' }),
			doneScreen.getByRole('link')
		]);

		mkdirSync('screenshots', { recursive: true });
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await notice.scrollIntoViewIfNeeded();
			await expectAxeClean(page);
			await page.screenshot({ path: `screenshots/install-safari-phone-${colorScheme}.png` });
		}

		// Export backup right there: the same file as Settings' export
		const download = page.waitForEvent('download');
		await notice.getByRole('button', { name: 'Export backup' }).click();
		expect((await download).suggestedFilename()).toMatch(/^kubesec-.*\.json$/);
		await expect(page.getByTestId('keep-progress-ready')).toHaveText(
			new RegExp(`^Exported .*\\b${answered} reviews`)
		);

		// also on the home page, until dismissed; dismissed, it stays away after a reload
		await page.goto('/');
		await expect(offer(page)).toBeVisible();
		await offer(page).getByRole('button', { name: 'Not now' }).click();
		await expect(offer(page)).toHaveCount(0);
		await page.reload();
		await settled(page);
		await expect(offer(page)).toHaveCount(0);
		await page.goto(`/study?tags=${topic.name}`);
		await expect(page.getByRole('heading', { name: 'Done for now' })).toBeVisible();
		await settled(page);
		await expect(offer(page)).toHaveCount(0);

		// Settings says what the browser granted
		await page.goto('/settings');
		const granted = await page.evaluate(() => navigator.storage.persisted());
		await expect(page.getByTestId('persist')).toContainText(
			granted ? 'The browser keeps this app’s data' : 'The browser may delete this app’s data'
		);
	});

	test('a class quiz from a QR code: the notice comes with the results, not during the questions', async ({
		page
	}) => {
		const count = 5;
		const quiz = { tags: [], exclude: [], count, seconds: null, seed: 'qr', deckHash: deck.hash };
		await page.goto(`/quiz${paramsToSearch(quiz)}`);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		for (let i = 0; i < count; i++) {
			await expect(page.locator('#question-text')).toBeVisible();
			await expect(offer(page)).toHaveCount(0);
			await page.keyboard.press('1');
			await expect(offer(page)).toHaveCount(0);
			await page.getByRole('button', { name: /Next question|See results/ }).click();
		}
		await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
		await expect(offer(page).getByRole('heading', { name: 'Keep your progress' })).toBeVisible();
		await expectUncovered(page, [page.getByTestId('score'), page.getByTestId('per-question')]);
		await page.screenshot({
			path: 'screenshots/install-safari-quiz-phone-light.png',
			fullPage: true
		});
	});

	test('the installed app never shows them, and its first screen brings the progress over', async ({
		browser,
		baseURL,
		page
	}) => {
		// in the Safari tab: a session, then a backup from the notice
		const tab = await browser.newContext({
			baseURL,
			userAgent: IPHONE_SAFARI,
			viewport: page.viewportSize()
		});
		const safari = await tab.newPage();
		await safari.clock.setFixedTime(T0);
		await dismissOfflineReadyOn(safari);
		const answered = await studyTopic(safari);
		const download = safari.waitForEvent('download');
		await offer(safari).getByRole('button', { name: 'Export backup' }).click();
		const backup = test.info().outputPath('backup.json');
		await (await download).saveAs(backup);
		await tab.close();

		// the installed app, with its own empty storage
		await page.addInitScript(STANDALONE);
		await page.goto('/');
		const bring = page.getByTestId('bring-progress');
		await expect(bring.getByRole('heading')).toHaveText('Bring your progress from the browser');
		await expect(offer(page)).toHaveCount(0);
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await bring.scrollIntoViewIfNeeded();
			await expectAxeClean(page);
			await page.screenshot({ path: `screenshots/install-bring-phone-${colorScheme}.png` });
		}
		// one tap to Settings' import, with the import in view
		await bring.getByRole('link', { name: 'Import a backup' }).click();
		await expect(page).toHaveURL(/\/settings#backup$/);
		const picker = page.getByLabel(/Import a backup/);
		await expect(picker).toBeInViewport();
		await page.screenshot({ path: 'screenshots/install-bring-settings-phone-dark.png' });
		await picker.setInputFiles(backup);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Restored from' })).toContainText(
			`${answered} reviews`
		);
		const { reviews } = await readAppDb<{ reviews: unknown[] }>(page, ['reviews']);
		expect(reviews).toHaveLength(answered);

		// with progress, standalone: neither the offer nor the import, on the home page or after study
		await page.goto('/');
		await settled(page);
		await expect(offer(page)).toHaveCount(0);
		await expect(bring).toHaveCount(0);
		await page.goto(`/study?tags=${topic.name}`);
		await expect(page.getByRole('heading', { name: 'Done for now' })).toBeVisible();
		await settled(page);
		await expect(offer(page)).toHaveCount(0);
	});
});

test.describe('a browser that offers its own install prompt', () => {
	/** Fires Chromium's beforeinstallprompt with a prompt() that records its calls. */
	const offerInstall = (page: Page, outcome: 'accepted' | 'dismissed') =>
		page.evaluate((outcome) => {
			const w = window as unknown as { prompted: number; infobarPrevented: boolean };
			w.prompted = 0;
			const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
				prompt: async () => void w.prompted++,
				userChoice: Promise.resolve({ outcome, platform: 'web' })
			});
			dispatchEvent(event);
			w.infobarPrevented = event.defaultPrevented;
		}, outcome);
	const prompted = (page: Page) =>
		page.evaluate(() => (window as unknown as { prompted: number }).prompted);

	test('“Install the app” after a session calls prompt(), and the outcome is remembered', async ({
		page
	}) => {
		// before any progress the event is kept, not shown
		await page.goto('/');
		await settled(page);
		await offerInstall(page, 'accepted');
		await expect(offer(page)).toHaveCount(0);

		await studyTopic(page);
		await settled(page);
		// this browser offers nothing itself until it fires the event (a new page here)
		await expect(offer(page)).toHaveCount(0);
		await offerInstall(page, 'dismissed');
		expect(
			await page.evaluate(
				() => (window as unknown as { infobarPrevented: boolean }).infobarPrevented
			)
		).toBe(true);
		const install = offer(page).getByRole('button', { name: 'Install the app' });
		await expect(install).toBeVisible();
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await expectAxeClean(page);
			await offer(page).scrollIntoViewIfNeeded();
			await page.screenshot({ path: `screenshots/install-prompt-phone-${colorScheme}.png` });
		}
		await install.click();
		await expect.poll(() => prompted(page)).toBe(1);
		await expect(offer(page)).toHaveCount(0);

		// the user answered the browser's prompt: not offered again, even when the browser offers
		await page.goto('/');
		await settled(page);
		await offerInstall(page, 'dismissed');
		await expect(offer(page)).toHaveCount(0);
		expect(await prompted(page)).toBe(0);
	});
});
