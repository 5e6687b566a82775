import AxeBuilder from '@axe-core/playwright';
import { appendFileSync, mkdirSync } from 'node:fs';
import { buildQuiz } from '../../src/lib/quiz/build';
import { paramsToSearch, type QuizParams } from '../../src/lib/quiz/params';
import { answerMcqsUntilFlashcard } from '../e2e/answer';
import { builtDeck, topQuizTags } from '../e2e/deck';
import { expect, offlineReadyNote, test, type Page } from '../e2e/fixtures';
import { devices, type Locator } from '@playwright/test';

/**
 * The screens a student sees in study, notes and quiz (issue 15), photographed at 390x844 and
 * 320x640 in light and dark (some at 1280x800 too) for a person to look at, with axe run on each
 * at 320x640 in both modes and the sideways overflow measured. Findings are recorded, not
 * asserted: the checks that guard a fixed fault live in tests/e2e/.
 */

const DIR = process.env.LOOK_DIR ?? '/tmp/look-15';
const FINDINGS = `${DIR}/findings.jsonl`;
const PHONES = [
	{ width: 390, height: 844 },
	{ width: 320, height: 640 }
];
const DESKTOP = { width: 1280, height: 800 };
const SCHEMES = ['light', 'dark'] as const;

const deck = builtDeck();
const cardOf = new Map(deck.cards.map((c) => [c.id, c]));
// the topic whose session is likeliest to open on a flashcard: the smallest share of MCQs
const flashTopic = deck.tags
	.map((t) => {
		const cards = deck.cards.filter((c) => c.tags.includes(t.name));
		return { name: t.name, cards, mcqs: cards.filter((c) => c.kind === 'mcq').length };
	})
	.filter((t) => t.cards.length > t.mcqs && t.mcqs > 1)
	.sort((a, b) => a.mcqs / a.cards.length - b.mcqs / b.cards.length)[0]!.name;
// the topic with the most MCQs
const mcqTopic = deck.tags
	.map((t) => ({
		name: t.name,
		mcqs: deck.cards.filter((c) => c.tags.includes(t.name) && c.kind === 'mcq').length
	}))
	.sort((a, b) => b.mcqs - a.mcqs)[0]!.name;

test.beforeAll(() => mkdirSync(DIR, { recursive: true }));

const frame = (page: Page) =>
	page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Screenshots of what is on the page now, in every size and mode, with axe at 320 px. */
async function shoot(
	page: Page,
	name: string,
	{ desktop = false, end = false, show }: { desktop?: boolean; end?: boolean; show?: Locator } = {}
): Promise<void> {
	const sizes = desktop ? [...PHONES, DESKTOP] : PHONES;
	for (const size of sizes) {
		for (const scheme of SCHEMES) {
			await page.setViewportSize(size);
			await page.emulateMedia({ colorScheme: scheme });
			if (show) await show.evaluate((e) => e.scrollIntoView({ block: 'center' }));
			await frame(page);
			const file = `${name}-${size.width}-${scheme}`;
			await page.screenshot({ path: `${DIR}/${file}.png` });
			await record(page, name, size.width, scheme);
			// scrolled to the end as a person would: a full-page capture drops the phone's
			// touch emulation (key hints show) and draws sticky bars mid-page
			if (end) {
				await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
				await frame(page);
				await page.screenshot({ path: `${DIR}/${file}-end.png` });
				await page.evaluate(() => window.scrollTo(0, 0));
			}
		}
	}
	await page.setViewportSize(PHONES[0]!);
	await page.emulateMedia({ colorScheme: 'light' });
}

/** Sideways overflow, and at 320 px every axe violation, into the findings file. */
async function record(page: Page, screen: string, width: number, scheme: string): Promise<void> {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	let axe: string[] | undefined;
	if (width === 320) {
		const { violations } = await new AxeBuilder({ page }).analyze();
		axe = violations.map(
			(v) =>
				`${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')}`
		);
	}
	appendFileSync(FINDINGS, JSON.stringify({ screen, width, scheme, overflow, axe }) + '\n');
}

const currentKind = async (page: Page) => {
	const id = await page.locator('article.card').getAttribute('data-card-id');
	return cardOf.get(id!)!.kind;
};
const cardFace = (page: Page) =>
	expect(
		page
			.locator('.options')
			.or(page.getByRole('button', { name: 'Show answer' }))
			.or(page.getByRole('heading', { name: /Done for now|round done/ }))
	).toBeVisible();

/** Answers cards right until one of `kind` (flashcard or MCQ) is on screen. */
async function until(page: Page, want: 'mcq' | 'flashcard'): Promise<void> {
	for (let i = 0; i < 60; i++) {
		await cardFace(page);
		const kind = await currentKind(page);
		if ((kind === 'mcq') === (want === 'mcq')) return;
		await answer(page, true, 'Easy');
	}
	throw new Error(`no ${want} in 60 cards`);
}

/** Answers the card on screen, right (or wrong), and waits for what comes next. */
async function answer(page: Page, right: boolean, grade = 'Good'): Promise<void> {
	const id = (await page.locator('article.card').getAttribute('data-card-id'))!;
	const card = cardOf.get(id)!;
	if (card.kind === 'mcq') {
		const n = right ? card.answerIndex : (card.answerIndex + 1) % card.options.length;
		await page.locator('.options button').nth(n).click();
		await page.getByRole('button', { name: 'Continue' }).click();
	} else {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: new RegExp(right ? grade : 'Again') }).click();
	}
	await expect(
		page
			.locator('.options button:enabled')
			.first()
			.or(page.getByRole('button', { name: 'Show answer' }))
			.or(page.getByRole('heading', { name: /Done for now|round done/ }))
	).toBeVisible();
}

test.describe('without the offline message', () => {
	// the service worker's "ready to work offline" is photographed on its own below
	test.use({ serviceWorkers: 'block' });

	test('the deck list with sizes and the new-card note', async ({ page }) => {
		await page.goto('/study');
		await page.locator('tr[data-deck="All cards"] td.new:not(:has-text("…"))').waitFor();
		await expect(page.locator('p.limit')).toBeVisible();
		await shoot(page, 'decks', { end: true });
	});

	test('a flashcard before and after Show answer, Source closed and open', async ({ page }) => {
		await page.goto(`/study?tags=${flashTopic}`);
		await until(page, 'flashcard');
		await shoot(page, 'flashcard-front', { desktop: true });
		await page.getByRole('button', { name: 'Show answer' }).click();
		await shoot(page, 'flashcard-answer', { desktop: true, end: true });
		const source = page.locator('details.note-source');
		await source.locator('summary').click();
		await shoot(page, 'flashcard-source-open', { show: source });
		// what a person sees on the smallest phone right after tapping Flag…
		await page.setViewportSize(PHONES[1]!);
		await page.getByRole('button', { name: 'Flag…' }).click();
		await frame(page);
		await page.screenshot({ path: `${DIR}/flag-form-as-opened-320-light.png` });
		await shoot(page, 'flag-form', { show: page.locator('form.flag') });
	});

	test('a flashcard whose note says more than the answer', async ({ page }) => {
		const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
		const notes = new Map(deck.notes.map((n) => [n.id, n]));
		const more = deck.cards.find((c) => {
			if (c.kind === 'mcq') return false;
			const known = new Set(words(`${c.front} ${c.back}`));
			const noteWords = words(notes.get(c.noteId)!.text.replace(/#[\w-]+/g, ' '));
			return noteWords.filter((w) => !known.has(w)).length >= 10;
		})!;
		await page.goto(`/study?cards=${encodeURIComponent(more.id)}`);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await shoot(page, 'flashcard-note', { end: true });
	});

	test('an MCQ answered right and wrong', async ({ page }) => {
		await page.goto(`/study?tags=${mcqTopic}`);
		await until(page, 'mcq');
		await shoot(page, 'mcq-question', { desktop: true });
		const first = (await page.locator('article.card').getAttribute('data-card-id'))!;
		const card = cardOf.get(first)!;
		if (card.kind !== 'mcq') throw new Error('not an MCQ');
		await page.locator('.options button').nth(card.answerIndex).click();
		await shoot(page, 'mcq-right', { end: true });
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('article.card')).not.toHaveAttribute('data-card-id', first);
		await until(page, 'mcq');
		const id = (await page.locator('article.card').getAttribute('data-card-id'))!;
		const next = cardOf.get(id)!;
		if (next.kind !== 'mcq') throw new Error('not an MCQ');
		await page
			.locator('.options button')
			.nth((next.answerIndex + 1) % next.options.length)
			.click();
		await shoot(page, 'mcq-wrong', { end: true });
	});

	test('the summary at "Done for now"', async ({ page }) => {
		// a small topic: a few new cards to get through
		const [topic] = deck.tags
			.map((t) => {
				const cards = deck.cards.filter((c) => c.tags.includes(t.name));
				return [t.name, new Set(cards.map((c) => c.noteId)).size] as const;
			})
			.filter(([, n]) => n >= 3)
			.sort((a, b) => a[1] - b[1])[0]!;
		await page.goto(`/study?tags=${topic}`);
		const done = page.getByRole('heading', { name: 'Done for now' });
		for (let i = 0; i < 40 && !(await done.isVisible()); i++) {
			await cardFace(page);
			if (await done.isVisible()) break;
			await answer(page, i > 0, 'Easy');
		}
		await expect(done).toBeVisible();
		await shoot(page, 'done', { end: true });
	});

	test('a practice session', async ({ page }) => {
		await page.goto('/study?tags=etcd&mode=practice');
		await cardFace(page);
		await shoot(page, 'practice');
	});

	test('/notes after a search from home', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('searchbox', { name: 'Search all notes' }).fill('anonymous-auth');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page.locator('ol.notes mark').first()).toBeVisible();
		await expect(page.getByRole('link', { name: 'Study these' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
		await shoot(page, 'notes-search', { desktop: true, end: true });
		await page.goto('/');
		await page.getByRole('searchbox', { name: 'Search all notes' }).fill('etcd');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page.locator('ol.notes mark').first()).toBeVisible();
		await shoot(page, 'notes-search-etcd');
	});

	test('the navigation at 320 px', async ({ page }) => {
		await page.goto('/settings');
		await page.locator('input[type=range]').first().waitFor();
		await shoot(page, 'nav-settings');
		await page.goto('/');
		await page.locator('.topics > li').first().waitFor();
		await shoot(page, 'nav-home');
	});

	test('/quiz results with the reviews note', async ({ page }) => {
		await page.goto('/settings');
		await page.getByRole('checkbox', { name: 'Class quiz answers also count as reviews' }).check();
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
		const params: QuizParams = {
			tags: topQuizTags(deck),
			exclude: [],
			count: 5,
			seconds: 20,
			seed: 'look-seed',
			deckHash: deck.hash
		};
		const quiz = buildQuiz(deck, params);
		await page.goto(`/quiz${paramsToSearch(params)}`);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		for (let i = 0; i < quiz.questions.length; i++) {
			const right = quiz.questions[i]!.answerIndex;
			await page.keyboard.press(String((i < 3 ? right : (right + 1) % 4) + 1));
			await page.getByRole('button', { name: /Next question|See results/ }).click();
		}
		await expect(
			page.getByText('Your answers will count as reviews when you next open Study.')
		).toBeVisible();
		await shoot(page, 'quiz-results', { end: true });
	});
});

// the message goes after 6 s: one fresh first visit per size and mode
for (const size of PHONES) {
	for (const scheme of SCHEMES) {
		test(`"ready to work offline" while a card is shown (${size.width}, ${scheme})`, async ({
			browser
		}) => {
			const context = await browser.newContext({
				...devices['Pixel 7'],
				baseURL: test.info().project.use.baseURL,
				viewport: size,
				colorScheme: scheme
			});
			const page = await context.newPage();
			await page.goto(`/study?tags=${flashTopic}`);
			await expect(offlineReadyNote(page)).toBeVisible({ timeout: 20_000 });
			await answerMcqsUntilFlashcard(page);
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(offlineReadyNote(page)).toBeVisible();
			const file = `offline-ready-${size.width}-${scheme}`;
			await page.screenshot({ path: `${DIR}/${file}.png` });
			await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
			await page.screenshot({ path: `${DIR}/${file}-end.png` });
			const shown = await offlineReadyNote(page).isVisible();
			await record(page, `offline-ready${shown ? '' : ' (gone before axe)'}`, size.width, scheme);
			await context.close();
		});
	}
}
