import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { readAppDb } from './app-db';

// faults around IndexedDB: a full disk, two tabs, a newer version in another tab, a page killed
// mid-answer. No service worker: its caches would count against the quota and its toast is noise.
test.use({ serviceWorkers: 'block' });

type Stored = {
	cards: { id: string; bucket: string; due: number; fsrs: { reps: number; state: number } }[];
	reviews: { id: number; cardId: string; rating: number }[];
};

const stored = (page: Page) => readAppDb<Stored>(page, ['cards', 'reviews']);

/** Every answer is whole: a card's FSRS repetitions equal its review rows (none lost, none half). */
function expectWhole({ cards, reviews }: Stored): void {
	const perCard = new Map<string, number>();
	for (const r of reviews) perCard.set(r.cardId, (perCard.get(r.cardId) ?? 0) + 1);
	for (const card of cards) {
		expect(card.fsrs.reps, `reviews of ${card.id}`).toBe(perCard.get(card.id) ?? 0);
		expect(card.bucket === 'new', `bucket of ${card.id}`).toBe(card.fsrs.state === 0);
	}
}

const currentId = (page: Page) => page.locator('article.card').getAttribute('data-card-id');

/** Gets the card on screen to the point where one tap answers it; returns that tap. */
async function readyToAnswer(page: Page): Promise<() => Promise<void>> {
	const good = page.getByRole('button', { name: /Good/ });
	const options = page.locator('.options');
	await expect(
		options.or(page.getByRole('button', { name: 'Show answer' })).or(good)
	).toBeVisible();
	if (await options.isVisible()) {
		// an MCQ whose answer was saved before the tab closed comes back answered: go on from it
		if (await options.locator('button[disabled]').count())
			return () => page.getByRole('button', { name: 'Continue' }).click();
		return () => options.locator('button').first().click();
	}
	// a session closed before its answer was saved comes back with the answer showing
	await expect(page.getByRole('button', { name: 'Show answer' }).or(good)).toBeVisible();
	if (!(await good.isVisible())) await page.getByRole('button', { name: 'Show answer' }).click();
	return () => good.click();
}

/** Answers the card on screen and waits until the next one (or the end) is shown. */
async function answer(page: Page): Promise<string> {
	const id = (await currentId(page))!;
	const tap = await readyToAnswer(page);
	await tap();
	// a wrong MCQ answer waits on Continue; a flashcard moves on by itself
	const next = page.getByRole('button', { name: 'Continue' });
	const alert = page.getByRole('alert');
	await expect(async () => {
		// an answer the app could not save says so: fail with its words, not a timeout
		if (await alert.isVisible()) throw new Error(`the app said: ${await alert.innerText()}`);
		// a short click: a Continue already tapped (an MCQ resumed answered) can go between
		// isVisible and the click, and a click waits for its button without end (CI failed on it)
		if (await next.isVisible()) await next.click({ timeout: 1_000 });
		await expect(
			page.locator(`article.card[data-card-id="${id}"]`),
			`card ${id} still on screen`
		).toHaveCount(0, { timeout: 500 });
	}).toPass({ timeout: 20_000 });
	return id;
}

/**
 * A full disk, as IndexedDB reports it: QuotaExceededError. Chromium's CDP
 * Storage.overrideQuotaForOrigin has no effect in Playwright's (off-the-record) contexts (the quota
 * and the writes are unchanged), so the browser's own IDBObjectStore.add fails on the review log
 * while `window.__diskFull` is set: after the card's new schedule was already put in the same
 * transaction, which is the case that must not leave half an answer.
 */
async function simulateFullDisk(page: Page): Promise<(full: boolean) => Promise<void>> {
	await page.addInitScript(() => {
		const add = IDBObjectStore.prototype.add;
		IDBObjectStore.prototype.add = function (
			this: IDBObjectStore,
			...args: [unknown, IDBValidKey?]
		) {
			if ((window as unknown as { __diskFull?: boolean }).__diskFull && this.name === 'reviews') {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
			return add.apply(this, args);
		};
	});
	return async (full) => {
		await page.evaluate((full) => {
			(window as unknown as { __diskFull: boolean }).__diskFull = full;
		}, full);
	};
}

test('a full disk: the answer is refused with a clear message, nothing half-written, progress kept', async ({
	page
}) => {
	const diskFull = await simulateFullDisk(page);
	await page.goto('/study?all');
	await answer(page);
	await answer(page);
	const before = await stored(page);
	expect(before.reviews).toHaveLength(2);

	await diskFull(true);
	const id = await currentId(page);
	const tap = await readyToAnswer(page);
	await tap();
	await expect(page.getByRole('alert')).toContainText(
		"That answer was not saved: this device's storage for the app is full"
	);
	// the card stays on screen to be answered again, and the database is as it was
	await expect(page.locator('article.card')).toHaveAttribute('data-card-id', id!);
	expect(await stored(page)).toEqual(before);

	// space again: the same card is answered, and a reload shows every earlier answer
	await diskFull(false);
	await tap();
	await expect.poll(async () => (await stored(page)).reviews.length).toBe(3);
	await page.reload();
	await expect(page.locator('article.card')).toBeVisible();
	const after = await stored(page);
	expect(after.reviews.slice(0, 2)).toEqual(before.reviews);
	expect(after.reviews[2]!.cardId).toBe(id);
	expectWhole(after);
});

test('a full disk still lets the student export everything', async ({ page }) => {
	// every write fails once localStorage.diskFull is set (it survives navigation, unlike a window flag)
	await page.addInitScript(() => {
		for (const method of ['add', 'put'] as const) {
			const original = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (
				this: IDBObjectStore,
				...args: [unknown, IDBValidKey?]
			) {
				if (localStorage.getItem('diskFull') === '1') {
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				}
				return original.apply(this, args);
			};
		}
	});
	await page.goto('/study?all');
	await answer(page);
	await answer(page);
	const before = await stored(page);
	await page.evaluate(() => localStorage.setItem('diskFull', '1'));

	await page.goto('/settings');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export backup' }).click()
	]);
	const backup = JSON.parse(await readFile((await download.path())!, 'utf8'));
	expect(backup.tables.reviews.map((r: { cardId: string }) => r.cardId)).toEqual(
		before.reviews.map((r) => r.cardId)
	);
	await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText('2 reviews');
});

test('a full disk on a multiple-choice answer leaves the question open to answer again', async ({
	page
}) => {
	const diskFull = await simulateFullDisk(page);
	await page.goto('/study?all');
	// flashcards come before their note's MCQ: suspend them until an MCQ is up
	for (let i = 0; i < 80 && !(await page.locator('.options').isVisible()); i++) {
		const id = (await currentId(page))!;
		await page.getByRole('button', { name: 'Suspend' }).click();
		await expect(page.locator(`article.card[data-card-id="${id}"]`)).toHaveCount(0);
	}
	const before = await stored(page);
	await diskFull(true);
	await page.locator('.options button').first().click();
	await expect(page.getByRole('alert')).toContainText('storage for the app is full');
	// regression: the option used to be marked as chosen, with no way to answer again
	await expect(page.locator('.options button').first()).toBeEnabled();
	await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
	expect(await stored(page)).toEqual(before);

	await diskFull(false);
	await page.locator('.options button').first().click();
	await expect(page.getByRole('heading', { name: /^(Right|Wrong)$/ })).toBeVisible();
	expect((await stored(page)).reviews).toHaveLength(before.reviews.length + 1);
});

test('studying in two tabs at once loses no review', async ({ context }) => {
	const [a, b] = [await context.newPage(), await context.newPage()];
	await a.goto('/study?all');
	await b.goto('/study?all');
	let answers = 0;
	for (let round = 0; round < 4; round++) {
		for (const page of [a, b]) {
			await answer(page);
			answers++;
		}
	}
	const s = await stored(a);
	expect(s.reviews).toHaveLength(answers);
	expectWhole(s);
});

test('a newer version upgrading the database in another tab is not blocked, and the old tab is told to reload', async ({
	context
}) => {
	const old = await context.newPage();
	await old.goto('/study?all');
	const tap = await readyToAnswer(old);
	const before = await stored(old);

	// the newer app: the same database at the next schema version (Dexie version n is IDB n * 10)
	const newer = await context.newPage();
	await newer.goto('/notes');
	const outcome = await newer.evaluate(
		(version) =>
			new Promise<string[]>((resolve) => {
				const events: string[] = [];
				const open = indexedDB.open('kubesec-study', version);
				open.onblocked = () => events.push('blocked');
				open.onupgradeneeded = () => open.result.createObjectStore('future');
				open.onsuccess = () => {
					events.push(`opened ${open.result.version}`);
					open.result.close();
					resolve(events);
				};
				open.onerror = () => resolve([...events, `error ${open.error?.name}`]);
				setTimeout(() => resolve([...events, 'timed out']), 5000);
			}),
		before.version + 10
	);
	expect(outcome).toEqual([`opened ${before.version + 10}`]);

	await expect(old.getByRole('alert')).toContainText('The app was updated in another tab');
	await expect(old.getByRole('button', { name: 'Reload' })).toBeVisible();
	// the old code no longer writes into the newer database
	await tap();
	await expect(old.getByText('That answer was not saved')).toBeVisible();
	const after = await stored(newer);
	expect(after.reviews).toEqual(before.reviews);
	expect(after.version).toBe(before.version + 10);
});

test('a page closed in the middle of an answer leaves the old or the new state, never half', async ({
	context
}) => {
	test.setTimeout(90_000);
	let attempts = 0;
	for (const delay of [0, 1, 2, 4, 8, 16]) {
		await test.step(`close ${delay} ms after the tap`, async () => {
			const page = await context.newPage();
			await page.goto('/study?all');
			const tap = await readyToAnswer(page);
			// the tap starts the write; the tab goes away while it runs
			await tap();
			if (delay) await page.waitForTimeout(delay);
			await page.close();
			attempts++;
		});
	}
	const check = await context.newPage();
	await check.goto('/notes');
	const s = await stored(check);
	expect(s.reviews.length).toBeLessThanOrEqual(attempts);
	expectWhole(s);
	// and the app opens and goes on from there
	await check.goto('/study?all');
	await answer(check);
	expectWhole(await stored(check));
});
