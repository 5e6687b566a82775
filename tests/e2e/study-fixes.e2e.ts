import { expect, test, type Page } from '@playwright/test';
import type { Deck } from '../../src/lib/content/schema';
import { builtDeck } from './deck';

/** What a student hit inside a study session (issue 15), each pinned here. */

const deck = builtDeck();
const T0 = new Date(2026, 10, 27, 10, 0);
const notes = new Map(deck.notes.map((n) => [n.id, n]));
const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const noteWords = (noteId: string) =>
	words(notes.get(noteId)!.text.replace(/#[\w-]+/g, ' ')).filter(Boolean);

const currentCard = (page: Page) => page.locator('article.card');
const cardFace = (page: Page) =>
	expect(
		page.locator('.options').or(page.getByRole('button', { name: 'Show answer' }))
	).toBeVisible();

// the "ready to work offline" toast can cover the answer buttons: a person taps OK
test.beforeEach(async ({ page }) => {
	const toast = page.getByRole('status').filter({ hasText: 'ready to work offline' });
	await page.addLocatorHandler(toast, () => toast.getByRole('button', { name: 'OK' }).click());
});

/** Answers the card on screen right: Good (or `grade`) on a flashcard, the right option on an MCQ. */
async function answerRight(page: Page, grade = 'Good'): Promise<{ id: string; mcq: boolean }> {
	await cardFace(page);
	const id = (await currentCard(page).getAttribute('data-card-id'))!;
	const card = deck.cards.find((c) => c.id === id)!;
	if (card.kind === 'mcq') {
		await page.locator('.options button').nth(card.answerIndex).click();
		await page.getByRole('button', { name: 'Continue' }).click();
	} else {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: new RegExp(grade) }).click();
	}
	return { id, mcq: card.kind === 'mcq' };
}

test('practice keeps the cards of one note apart, as far as the round allows', async ({ page }) => {
	// the smallest topic of three notes or more whose deck order puts a note's cards side by side
	// (the bug's case)
	const [tag, topic] = deck.tags
		.map((t) => [t.name, deck.cards.filter((c) => c.tags.includes(t.name))] as const)
		.filter(([, cards]) => cards.some((c, i) => i > 0 && cards[i - 1]!.noteId === c.noteId))
		.filter(([, cards]) => new Set(cards.map((c) => c.noteId)).size >= 3)
		.sort((a, b) => a[1].length - b[1].length)[0]!;
	await page.clock.setFixedTime(T0);
	await page.goto(`/study?tags=${tag}&mode=practice`);
	const shown: string[] = [];
	for (let i = 0; i < topic.length; i++) {
		const { id } = await answerRight(page);
		shown.push(id);
		if (i + 1 < topic.length)
			await expect(currentCard(page)).not.toHaveAttribute('data-card-id', id);
	}
	await expect(page.getByRole('heading', { name: 'Practice round done' })).toBeVisible();
	expect(new Set(shown).size).toBe(topic.length);
	const noteOf = (id: string) => deck.cards.find((c) => c.id === id)!.noteId;
	const together = shown.filter((id, i) => i > 0 && noteOf(id) === noteOf(shown[i - 1]!)).length;
	// side by side only where it cannot be helped: a note with more than half of the cards
	const counts = new Map<string, number>();
	for (const c of topic) counts.set(c.noteId, (counts.get(c.noteId) ?? 0) + 1);
	const most = Math.max(...counts.values());
	expect(together).toBe(Math.max(0, 2 * most - topic.length - 1));
});

test.describe('the answer side', () => {
	const flashcards = deck.cards.filter((c) => c.kind !== 'mcq');
	// a note that is the answer again, word for word; and one that says much more
	const same = flashcards.find((c) => {
		const known = new Set(words(`${c.front} ${c.back}`));
		return noteWords(c.noteId).every((w) => known.has(w));
	})!;
	const more = flashcards.find((c) => {
		const known = new Set(words(`${c.front} ${c.back}`));
		return noteWords(c.noteId).filter((w) => !known.has(w)).length >= 10;
	})!;

	test('says a recall answer once: the note is shown only when it adds something', async ({
		page
	}) => {
		expect(same, 'a card whose note only repeats it').toBeDefined();
		await page.goto(`/study?cards=${encodeURIComponent(same.id)}`);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(page.locator('.answer-text')).toHaveText(same.back);
		await expect(page.getByText('Source note')).toHaveCount(0);
		await expect(page.locator('.note-body')).toHaveCount(0);

		await page.goto(`/study?cards=${encodeURIComponent(more.id)}`);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(page.getByText('Source note')).toBeVisible();
		await expect(page.locator('.note-body')).toBeVisible();
	});

	test("keeps the author's file path behind a Source disclosure", async ({ page }) => {
		const note = notes.get(more.noteId)!;
		const path = `${note.source.file}:${note.source.line}`;
		await page.goto(`/study?cards=${encodeURIComponent(more.id)}`);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(page.locator('.note-body')).toBeVisible();
		await expect(page.getByText(path)).toBeHidden();
		await page.getByText('Source', { exact: true }).click();
		await expect(page.getByText(path)).toBeVisible();
	});
});

test.describe('a deck with long unbreakable text', () => {
	test.use({ serviceWorkers: 'block' });

	for (const width of [390, 320]) {
		test(`stays inside the card at ${width} px`, async ({ page }) => {
			await page.setViewportSize({ width, height: 700 });
			const long = `https://example.com/${'a'.repeat(300)}`;
			const flash = deck.cards.find((c) => c.kind === 'recall')!;
			const mcq = deck.cards.find((c) => c.kind === 'mcq')!;
			const edited: Deck = {
				...deck,
				notes: deck.notes.map((n) =>
					n.id === flash.noteId ? { ...n, text: long, html: `<p>${long}</p>` } : n
				),
				cards: deck.cards.map((c) =>
					c.id === flash.id && c.kind !== 'mcq'
						? { ...c, front: `${long}?`, back: long }
						: c.id === mcq.id && c.kind === 'mcq'
							? { ...c, question: long, options: c.options.map((o) => `${o}${long}`) }
							: c
				)
			};
			await page.route('**/deck.json', (route) => route.fulfill({ json: edited }));
			const fits = () =>
				page.evaluate(() => {
					const card = document.querySelector('article.card')!;
					return {
						page: document.documentElement.scrollWidth <= window.innerWidth,
						card: card.scrollWidth <= card.clientWidth
					};
				});

			await page.goto(`/study?cards=${encodeURIComponent(flash.id)}`);
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.locator('.answer-text')).toHaveText(long);
			expect(await fits()).toEqual({ page: true, card: true });

			await page.goto(`/study?cards=${encodeURIComponent(mcq.id)}`);
			await page.locator('.options button').first().click();
			await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
			expect(await fits()).toEqual({ page: true, card: true });
		});
	}
});

test.describe('key hints', () => {
	const hints = (page: Page) => page.locator('kbd.key-hint');

	test('are not shown on a touch-only phone', async ({ page }) => {
		// the project's device is a Pixel 7: touch, no hover
		expect(
			await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)
		).toBe(true);
		await page.goto(
			`/study?cards=${encodeURIComponent(deck.cards.find((c) => c.kind === 'recall')!.id)}`
		);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(page.getByRole('button', { name: /Good/ })).toBeVisible();
		expect(await hints(page).count()).toBeGreaterThanOrEqual(5);
		for (const hint of await hints(page).all()) await expect(hint).toBeHidden();

		await page.goto(
			`/study?cards=${encodeURIComponent(deck.cards.find((c) => c.kind === 'mcq')!.id)}`
		);
		await expect(page.locator('.options button')).toHaveCount(4);
		for (const hint of await hints(page).all()) await expect(hint).toBeHidden();
	});

	test.describe('with a mouse and keyboard', () => {
		test.use({ hasTouch: false, isMobile: false });

		test('are shown', async ({ page }) => {
			await page.goto(
				`/study?cards=${encodeURIComponent(deck.cards.find((c) => c.kind === 'recall')!.id)}`
			);
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByRole('button', { name: /Good/ }).locator('kbd')).toHaveText('3');
			await expect(page.getByRole('button', { name: /Undo/ }).locator('kbd')).toBeVisible();
		});
	});
});

test('"Done for now" sums up the session: cards, grades and time, across a reload', async ({
	page
}) => {
	// a small topic: a few new cards (one per note) to get through
	const [topic] = deck.tags
		.map((t) => {
			const cards = deck.cards.filter((c) => c.tags.includes(t.name));
			return [t.name, new Set(cards.map((c) => c.noteId)).size] as const;
		})
		.filter(([, notes]) => notes >= 3)
		.sort((a, b) => a[1] - b[1])[0]!;
	await page.clock.setFixedTime(T0);
	await page.goto(`/study?tags=${topic}`);
	const given = { Again: 0, Hard: 0, Good: 0, Easy: 0 };
	const done = page.getByRole('heading', { name: 'Done for now' });
	// the first card wrong (Again), the rest Easy or right: Easy sends a card days away
	for (let i = 0; i < 20 && !(await done.isVisible()); i++) {
		await cardFace(page).catch(() => undefined);
		if (await done.isVisible()) break;
		const id = (await currentCard(page).getAttribute('data-card-id'))!;
		const card = deck.cards.find((c) => c.id === id)!;
		if (card.kind === 'mcq') {
			const right = i > 0;
			await page
				.locator('.options button')
				.nth(right ? card.answerIndex : (card.answerIndex + 1) % card.options.length)
				.click();
			given[right ? 'Good' : 'Again']++;
			await page.getByRole('button', { name: 'Continue' }).click();
		} else {
			const grade = i === 0 ? 'Again' : i === 1 ? 'Hard' : 'Easy';
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: new RegExp(grade) }).click();
			given[grade]++;
		}
		// the next card, or the same one again when it is the only one left (learning ahead)
		await expect(
			page
				.locator('.options button:enabled')
				.first()
				.or(page.getByRole('button', { name: 'Show answer' }))
				.or(done)
		).toBeVisible();
		// closing the app halfway keeps the count
		if (i === 1) await page.reload();
	}
	await expect(done).toBeVisible();
	const summary = page.getByLabel('This session');
	const total = given.Again + given.Hard + given.Good + given.Easy;
	const figure = (label: string) =>
		summary.locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
	await expect(figure('Cards answered').locator('dd')).toHaveText(String(total));
	for (const [label, n] of Object.entries(given))
		await expect(figure(label).locator('dd')).toHaveText(String(n));
	await expect(figure('Time').locator('dd')).toHaveText('under 1 min');
	expect(given.Again).toBeGreaterThan(0);
});

test('a zero in the Learn column is not red, in the deck list or the session', async ({ page }) => {
	await page.clock.setFixedTime(T0);
	await page.goto('/study');
	const zero = page.locator('tr[data-deck="All cards"] td.learn');
	await expect(zero).toHaveText('0');
	const danger = await page.evaluate(() =>
		getComputedStyle(document.documentElement).getPropertyValue('--danger').trim()
	);
	const rgb = (hex: string) =>
		`rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
	await expect(zero).not.toHaveCSS('color', rgb(danger));

	await page.goto('/study?all');
	const learning = page.getByLabel('Cards left today').getByText('0 learning');
	await expect(learning).toBeVisible();
	await expect(learning).not.toHaveCSS('color', rgb(danger));
});
