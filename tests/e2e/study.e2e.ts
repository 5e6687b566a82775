import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import type { Deck } from '../../src/lib/content/schema';
import { cardPrompt } from '../../src/lib/deck';
import { readAppDb } from './app-db';
import { builtDeck } from './deck';
import { expect, test } from './fixtures';
import { waitForServiceWorker } from './service-worker';

const deck = builtDeck();
// a topic with enough cards (on distinct notes) for a five-card session
const topic = [...deck.tags]
	.map((t) => t.name)
	.map((name) => ({
		name,
		notes: new Set(deck.cards.filter((c) => c.tags.includes(name)).map((c) => c.noteId))
	}))
	.filter((t) => t.notes.size >= 8)
	.sort((a, b) => a.notes.size - b.notes.size)[0]!.name;
const topicCards = deck.cards.filter((c) => c.tags.includes(topic));
const topicNotes = new Set(topicCards.map((c) => c.noteId)).size;

// local 10:00, well away from the 4 am rollover
const T0 = new Date(2026, 10, 27, 10, 0);
const MIN = 60_000;

type Stored = {
	cards: { id: string; bucket: string; due: number; retired: boolean; fsrs: { state: number } }[];
	reviews: { cardId: string; rating: number; reviewedAt: number }[];
};

const stored = (page: Page) => readAppDb<Stored>(page, ['cards', 'reviews']);

const currentCard = (page: Page) => page.locator('article.card');
const currentId = (page: Page) => currentCard(page).getAttribute('data-card-id');
/** Waits for the card's face (an MCQ's options or a flashcard's "Show answer") before looking at it. */
const cardFace = (page: Page) =>
	expect(
		page.locator('.options').or(page.getByRole('button', { name: 'Show answer' }))
	).toBeVisible();

/** Answers the card on screen as a person would: Good on a flashcard, the first option on an MCQ. */
async function answerGood(
	page: Page,
	interval: string | undefined = '10m'
): Promise<{ id: string; kind: 'mcq' | 'flash' }> {
	await cardFace(page);
	const id = (await currentId(page))!;
	if (await page.locator('.options').isVisible()) {
		const card = deck.cards.find((c) => c.id === id)!;
		const right = card.kind === 'mcq' ? card.answerIndex : 0;
		await page.locator('.options button').nth(right).click();
		await expect(page.getByRole('heading', { name: 'Right' })).toBeVisible();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(currentCard(page)).not.toHaveAttribute('data-card-id', id);
		return { id, kind: 'mcq' };
	}
	await page.getByRole('button', { name: 'Show answer' }).click();
	if (interval) await expect(page.getByRole('button', { name: /Good/ })).toContainText(interval);
	await page.getByRole('button', { name: /Good/ }).click();
	await expect(currentCard(page)).not.toHaveAttribute('data-card-id', id);
	return { id, kind: 'flash' };
}

const counts = (page: Page) => page.getByLabel('Cards left today');

// a person taps OK on "ready to work offline"
test.use({ dismissOfflineReady: true });

test('five cards studied offline survive a reload with the right counts and due dates', async ({
	page,
	serveBuild
}) => {
	await page.clock.setFixedTime(T0);
	const { origin, goOffline } = await serveBuild();
	await page.goto(`${origin}/study`);
	await waitForServiceWorker(page);
	const row = page.locator(`tr[data-deck="#${topic}"]`);
	await expect(row.locator('td.new')).toHaveText(String(Math.min(20, topicNotes)));

	await goOffline();

	const study = await page.goto(`${origin}/study?tags=${topic}`);
	expect(study?.fromServiceWorker()).toBe(true);
	await expect(counts(page)).toContainText(`${Math.min(20, topicNotes)} new`);
	const answered: string[] = [];
	for (let i = 0; i < 5; i++) answered.push((await answerGood(page)).id);
	await expect(counts(page)).toContainText(`${Math.min(20, topicNotes) - 5} new`);
	await expect(counts(page)).toContainText('5 learning');
	const shown = await currentId(page);

	await page.reload();
	await expect(counts(page)).toContainText('5 learning');
	await expect(currentCard(page)).toHaveAttribute('data-card-id', shown!);

	const { cards, reviews } = await stored(page);
	expect(reviews.map((r) => r.cardId)).toEqual(answered);
	for (const id of answered) {
		const card = cards.find((c) => c.id === id)!;
		expect(card.bucket).toBe('learning');
		expect(card.due).toBe(T0.getTime() + 10 * MIN);
	}

	await page.goto(`${origin}/study`);
	await expect(row.locator('td.learn')).toHaveText('5');
	await expect(row.locator('td.new')).toHaveText(String(Math.min(20, topicNotes) - 5));

	// ten minutes later the learning cards are due again, before any new card
	await page.clock.setFixedTime(new Date(T0.getTime() + 11 * MIN));
	await page.goto(`${origin}/study?tags=${topic}`);
	// the session continues with the card that was on screen, then the due learning cards
	await expect(currentCard(page)).toHaveAttribute('data-card-id', shown!);
	await answerGood(page);
	// all five are due at the same moment: the index orders them by id
	await expect(currentCard(page)).toHaveAttribute('data-card-id', [...answered].sort()[0]!);
});

test('undo (button and Z) takes the last answer back', async ({ page }) => {
	await page.clock.setFixedTime(T0);
	await page.goto(`/study?tags=${topic}`);
	const first = await answerGood(page);
	await page.getByRole('button', { name: /Undo/ }).click();
	await expect(currentCard(page)).toHaveAttribute('data-card-id', first.id);
	await expect(page.getByRole('status').filter({ hasText: 'Answer undone' })).toBeVisible();
	expect((await stored(page)).reviews).toEqual([]);

	await answerGood(page);
	await page.keyboard.press('z');
	await expect(currentCard(page)).toHaveAttribute('data-card-id', first.id);
	const { cards, reviews } = await stored(page);
	expect(reviews).toEqual([]);
	expect(cards.find((c) => c.id === first.id)?.bucket).toBe('new');
});

test('practice mode leaves the schedule untouched', async ({ page }) => {
	await page.clock.setFixedTime(T0);
	await page.goto(`/study?tags=${topic}&mode=practice`);
	await expect(page.getByText(`${topicCards.length} to go`)).toBeVisible();
	for (let i = 0; i < 3; i++) await answerGood(page, '');
	await expect(page.getByText(`${topicCards.length - 3} to go`)).toBeVisible();
	const { cards, reviews } = await stored(page);
	expect(reviews).toEqual([]);
	expect(cards.every((c) => c.bucket === 'new' && c.fsrs.state === 0)).toBe(true);

	await page.goto('/study');
	await expect(page.locator(`tr[data-deck="#${topic}"] td.learn`)).toHaveText('0');
});

test.describe('keyboard', () => {
	// no "ready to work offline" toast to dismiss: nothing but the keyboard touches the page
	test.use({ serviceWorkers: 'block' });

	test('a whole session works with the keyboard alone', async ({ page }) => {
		await page.clock.setFixedTime(T0);
		await page.goto(`/study?tags=${topic}`);
		await expect(currentCard(page)).toBeVisible();
		const answered: string[] = [];
		for (let i = 0; i < 4; i++) {
			const id = (await currentId(page))!;
			answered.push(id);
			const card = deck.cards.find((c) => c.id === id)!;
			if (card.kind === 'mcq') {
				await page.keyboard.press(String(card.answerIndex + 1));
				await expect(page.getByRole('heading', { name: 'Right' })).toBeFocused();
				await page.keyboard.press('Enter');
			} else {
				await page.keyboard.press('Space');
				await expect(page.getByRole('heading', { name: 'Answer' })).toBeFocused();
				await page.keyboard.press('3');
			}
			await expect(currentCard(page)).not.toHaveAttribute('data-card-id', id);
		}
		await page.keyboard.press('z');
		await expect(currentCard(page)).toHaveAttribute('data-card-id', answered[3]!);
		const { reviews } = await stored(page);
		expect(reviews.map((r) => r.cardId)).toEqual(answered.slice(0, 3));
		expect(reviews.every((r) => r.rating === 3)).toBe(true);
	});
});

test('suspend and flag a card, then unsuspend it from the deck list', async ({ page }) => {
	await page.clock.setFixedTime(T0);
	await page.goto(`/study?tags=${topic}`);
	const id = (await currentId(page))!;
	await page.getByRole('button', { name: 'Flag…' }).click();
	await page.getByLabel('It is unclear').check();
	await page.getByLabel('Comment (optional)').fill('Which port?');
	await page.getByRole('button', { name: 'Send flag' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'flagged' })).toBeVisible();
	await page.getByRole('button', { name: 'Suspend' }).click();
	await expect(currentCard(page)).not.toHaveAttribute('data-card-id', id);
	const { cards } = await stored(page);
	expect(cards.find((c) => c.id === id)?.bucket).toBe('off');

	const prompt = cardPrompt(deck.cards.find((c) => c.id === id)!);
	await page.goto('/study');
	const list = page.locator('details', { hasText: 'Suspended cards (1)' });
	await list.getByText('Suspended cards (1)').click();
	await expect(list.getByText(prompt, { exact: true })).toBeVisible();
	await list.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'screenshots/study-suspended-phone.png' });
	await list.getByRole('button', { name: `Unsuspend: ${prompt}` }).click();
	await expect(page.getByText(/Suspended cards/)).toHaveCount(0);
	expect((await stored(page)).cards.find((c) => c.id === id)?.bucket).not.toBe('off');
});

test('a saved deck and the daily new-card limit from /settings show in the deck list', async ({
	page
}) => {
	await page.clock.setFixedTime(T0);
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('3');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

	await page.goto('/study');
	await expect(page.locator('tr[data-deck="All cards"] td.new')).toHaveText('3');
	await page.getByText('Make a deck').click();
	await page.getByLabel('Name', { exact: true }).fill('Exam');
	await page.locator('fieldset').first().getByLabel(`#${topic}`).check();
	await page.getByRole('button', { name: 'Save deck' }).click();
	const row = page.locator('tr[data-deck="Exam"]');
	await expect(row.locator('td.new')).toHaveText('3');
	await row.getByRole('link', { name: 'Exam', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/study\\?tags=${topic}&name=Exam$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exam');
	await expect(counts(page)).toContainText('3 new');
});

test.describe('a content update', () => {
	// no service worker here: the test swaps deck.json on the server as a new deployment would
	test.use({ serviceWorkers: 'block' });

	test('keeps progress of an edited note and retires the cards of a deleted one', async ({
		page,
		serveBuild
	}) => {
		test.setTimeout(120_000);
		await page.clock.setFixedTime(T0);
		const site = mkdtempSync(join(tmpdir(), 'study-site-'));
		cpSync('build', site, { recursive: true });
		const { origin } = await serveBuild({ root: site });
		try {
			await page.goto(`${origin}/study?tags=${topic}`);
			const answered: string[] = [];
			for (let i = 0; i < 3; i++) answered.push((await answerGood(page)).id);
			const [edited, deleted, kept] = answered.map((id) => deck.cards.find((c) => c.id === id)!);
			const before = await stored(page);

			const next = buildEditedDeck(edited!.noteId, deleted!.noteId);
			expect(next.notes.some((n) => n.id === deleted!.noteId)).toBe(false);
			expect(next.notes.find((n) => n.id === edited!.noteId)?.text).toMatch(/^Reworded: /);
			expect(next.cards.map((c) => c.id)).toContain(edited!.id);
			writeFileSync(join(site, 'deck.json'), JSON.stringify(next));

			await page.reload();
			await expect(counts(page)).toContainText('2 learning');
			const after = await stored(page);
			const row = (s: Stored, id: string) => s.cards.find((c) => c.id === id)!;
			for (const id of [edited!.id, kept!.id]) {
				expect(row(after, id)).toMatchObject({ bucket: 'learning', due: row(before, id).due });
			}
			expect(row(after, deleted!.id)).toMatchObject({ bucket: 'off', retired: true });
			// history is kept
			expect(after.reviews.map((r) => r.cardId)).toEqual(answered);
			const added = next.cards.filter((c) => !deck.cards.some((d) => d.id === c.id));
			for (const c of added) expect(row(after, c.id)).toMatchObject({ bucket: 'new' });
		} finally {
			rmSync(site, { recursive: true, force: true });
		}
	});
});

/** Builds the course again with one note edited and one deleted, as the author would. */
function buildEditedDeck(editId: string, deleteId: string): Deck {
	const work = mkdtempSync(join(tmpdir(), 'study-notes-'));
	try {
		cpSync('content/notes', join(work, 'notes'), { recursive: true });
		cpSync('content/notes.lock.json', join(work, 'lock.json'));
		const edit = deck.notes.find((n) => n.id === editId)!;
		const remove = deck.notes.find((n) => n.id === deleteId)!;
		const files = new Map<string, string[]>();
		const lines = (file: string) => {
			if (!files.has(file)) {
				const path = join(work, 'notes', relative('content/notes', file));
				files.set(file, readFileSync(path, 'utf8').split('\n'));
			}
			return files.get(file)!;
		};
		// a note is a paragraph: from its first line to the next blank line
		const paragraph = (n: Deck['notes'][number]) => {
			const all = lines(n.source.file);
			let end = n.source.line - 1;
			while (end < all.length && all[end]!.trim() !== '') end++;
			return { all, start: n.source.line - 1, end };
		};
		const e = paragraph(edit);
		e.all[e.start] = `Reworded: ${e.all[e.start]}`;
		const d = paragraph(remove);
		for (let i = d.start; i < d.end; i++) d.all[i] = '';
		for (const [file, content] of files) {
			writeFileSync(join(work, 'notes', relative('content/notes', file)), content.join('\n'));
		}
		execFileSync(
			'npx',
			[
				'tsx',
				'scripts/deck.ts',
				'--notes',
				join(work, 'notes'),
				'--out',
				join(work, 'out'),
				'--lock',
				join(work, 'lock.json'),
				'--overlay',
				'content/overlay.json'
			],
			{ stdio: 'pipe' }
		);
		return JSON.parse(readFileSync(join(work, 'out', 'deck.json'), 'utf8')) as Deck;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

const notesWithMcq = new Set(deck.cards.filter((c) => c.kind === 'mcq').map((c) => c.noteId));

/** MCQs come after a note's flashcards; suspending those brings an MCQ up today. */
async function studyUntilMcq(page: Page): Promise<string> {
	for (let i = 0; i < 60; i++) {
		await cardFace(page);
		const id = (await currentId(page))!;
		if (await page.locator('.options').isVisible()) {
			// settled: the same MCQ a moment later
			await page.waitForTimeout(300);
			if ((await currentId(page)) === id) return id;
			continue;
		}
		const card = deck.cards.find((c) => c.id === id)!;
		if (notesWithMcq.has(card.noteId)) {
			await page.getByRole('button', { name: 'Suspend' }).click();
			await expect(currentCard(page)).not.toHaveAttribute('data-card-id', id);
		} else await answerGood(page, '');
	}
	throw new Error('no MCQ came up');
}

test('an MCQ says right or wrong, shows the note and counts as a review', async ({ page }) => {
	await page.clock.setFixedTime(T0);
	await page.goto('/study?all');
	const id = await studyUntilMcq(page);
	const card = deck.cards.find((c) => c.id === id)!;
	if (card.kind !== 'mcq') throw new Error('not an MCQ');
	const wrong = (card.answerIndex + 1) % 4;
	await page.keyboard.press(String(wrong + 1));
	await expect(page.getByRole('heading', { name: 'Wrong' })).toBeVisible();
	await expect(page.locator('.options button').nth(card.answerIndex)).toHaveClass(/right/);
	await expect(page.getByText('Source note')).toBeVisible();
	// the explanation, unless it is the note's own text (shown once, as the source note)
	const note = deck.notes.find((n) => n.id === card.noteId)!;
	const explanation = page.locator('section.answer .explanation');
	if (card.explanation && card.explanation !== note.text) {
		await expect(explanation).toHaveText(card.explanation);
	} else await expect(explanation).toHaveCount(0);
	const { reviews, cards } = await stored(page);
	expect(reviews.at(-1)).toMatchObject({ cardId: id, rating: 1 });
	expect(cards.find((c) => c.id === id)?.bucket).toBe('learning');
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the answer side is accessible and looks right (${colorScheme})`, async ({
		page,
		expectAccessible
	}) => {
		await page.emulateMedia({ colorScheme });
		await page.clock.setFixedTime(T0);
		await page.goto('/study?all');
		// find a flashcard and an MCQ, answer side up
		for (let i = 0; i < 10; i++) {
			if (!(await page.locator('.options').isVisible())) break;
			await answerGood(page, '');
		}
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible();
		await page.screenshot({
			path: `screenshots/study-answer-phone-${colorScheme}.png`
		});
		await expectAccessible();

		await page.getByRole('button', { name: /Good/ }).click();
		await studyUntilMcq(page);
		await page.locator('.options button').nth(0).click();
		// by keyboard: the "ready to work offline" toast may cover the button
		await page.getByRole('button', { name: 'Flag…' }).press('Enter');
		await page.screenshot({ path: `screenshots/study-mcq-phone-${colorScheme}.png` });
		await expectAccessible();
	});
}
