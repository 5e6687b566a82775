import type { Browser, BrowserContext, Page } from '@playwright/test';
import { buildQuiz } from '../../src/lib/quiz/build';
import { paramsToSearch, type QuizParams } from '../../src/lib/quiz/params';
import { reviewCount } from './app-db';
import { builtDeck, topQuizTags } from './deck';
import { expect, isCovered, offlineReadyNote, test } from './fixtures';
import { waitForServiceWorker } from './service-worker';

const deck = builtDeck();
const topTags = topQuizTags(deck);
const params: QuizParams = {
	tags: topTags,
	exclude: [],
	count: 5,
	seconds: 20,
	seed: 'e2e-seed',
	deckHash: deck.hash
};
const link = `/quiz${paramsToSearch(params)}`;
const quiz = buildQuiz(deck, params);
const T0 = new Date('2026-11-27T09:00:00Z').getTime();

test.beforeAll(() => {
	expect(quiz.questions.length, 'the built deck needs multiple-choice cards').toBe(5);
});

/** Opens the link with time frozen at a known instant, so elapsed times (and points) are exact. */
async function openFrozen(page: Page, url = link): Promise<void> {
	await page.clock.install({ time: T0 });
	await page.goto(url);
	await page.clock.pauseAt(T0 + 60_000);
}

async function shownQuestion(page: Page) {
	const text = await page.locator('#question-text').textContent();
	const options = await page.locator('.options .option .text').allTextContents();
	return { text: text?.trim(), options };
}

async function newContext(
	browser: Browser,
	colorScheme?: 'light' | 'dark'
): Promise<BrowserContext> {
	return browser.newContext({
		baseURL: test.info().project.use.baseURL,
		viewport: { width: 390, height: 844 },
		colorScheme
	});
}

test('the instructor picks topics and shares a link and a QR code', async ({ page }) => {
	await page.goto('/quiz');
	for (const tag of topTags)
		await page.getByRole('checkbox', { name: new RegExp(`^#${tag} `) }).check();
	await page.getByRole('spinbutton', { name: 'Questions' }).fill('12');
	await page.getByLabel('Time per question').selectOption('30');
	await page.getByRole('button', { name: 'Share the quiz' }).click();

	const url = new URL((await page.getByTestId('quiz-url').textContent()) ?? '');
	expect(url.pathname).toBe('/quiz');
	expect(url.searchParams.get('tags')).toBe(topTags.join(','));
	expect(url.searchParams.get('n')).toBe('12');
	expect(url.searchParams.get('t')).toBe('30');
	expect(url.searchParams.get('seed')).toMatch(/^[a-z2-9]{6}$/);
	expect(url.searchParams.get('v')).toBe(deck.hash);
	const qr = page.getByRole('img', { name: 'QR code of the quiz link' });
	await expect(qr).toBeVisible();
	expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(300);
	await expect(page.getByRole('link', { name: 'Presenter view' })).toHaveAttribute(
		'href',
		`/quiz/present${url.search}`
	);
	// bug: a reload of the share view lost the quiz (a new seed meant a new quiz)
	await page.reload();
	await expect(page.getByTestId('quiz-url')).toHaveText(url.href);
	await expect(qr).toBeVisible();
	await page.getByRole('button', { name: 'Change the quiz' }).click();
	await expect(page.getByRole('button', { name: 'Share the quiz' })).toBeVisible();
});

test('two phones opening the same link get the same quiz and the same results for the same answers', async ({
	browser
}) => {
	const phones = [await newContext(browser), await newContext(browser)];
	try {
		const pages = await Promise.all(phones.map((c) => c.newPage()));
		for (const page of pages) {
			await openFrozen(page);
			await page.getByRole('button', { name: 'Start the quiz' }).click();
		}
		const choices = [0, 1, 2, 3, 0];
		for (let i = 0; i < quiz.questions.length; i++) {
			const [a, b] = await Promise.all(pages.map(shownQuestion));
			expect(a).toEqual(b);
			expect(a?.text).toBe(quiz.questions[i]?.question);
			expect(a?.options).toEqual(quiz.questions[i]?.options);
			for (const [n, page] of pages.entries()) {
				await page.clock.fastForward(1_000 + i * 2_000);
				// one phone answers with the keyboard, the other by tapping
				if (n === 0) await page.keyboard.press(String((choices[i] ?? 0) + 1));
				else
					await page
						.locator('.options .option')
						.nth(choices[i] ?? 0)
						.click();
				await page.getByRole('button', { name: /Next question|See results/ }).click();
			}
		}
		const results = await Promise.all(
			pages.map(async (page) => ({
				score: await page.getByTestId('score').textContent(),
				points: await page.getByTestId('points').textContent(),
				table: await page.getByTestId('per-question').innerText()
			}))
		);
		expect(results[0]).toEqual(results[1]);
		const expected = quiz.questions.map((q, i) =>
			q.answerIndex === choices[i] ? Math.round(1000 * (1 - (1_000 + i * 2_000) / 20_000 / 2)) : 0
		);
		const right = expected.filter((p) => p > 0).length;
		expect(results[0]?.score).toBe(`${right} / 5`);
		expect(results[0]?.points).toBe(expected.reduce((a, b) => a + b, 0).toLocaleString('en'));
	} finally {
		await Promise.all(phones.map((c) => c.close()));
	}
});

test('a question that runs out of time locks and counts as wrong', async ({ page }) => {
	await openFrozen(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('timer')).toContainText('20');
	// screen readers hear a few milestones, not every second
	await expect(page.getByRole('timer')).not.toHaveAttribute('aria-live', /.+/);
	await page.clock.fastForward(10_000);
	await expect(page.locator('.countdown [aria-live="polite"]')).toHaveText('10 seconds left.');
	await page.clock.fastForward(2_000);
	await expect(page.getByRole('timer')).toContainText('8');
	await expect(page.locator('.countdown [aria-live="polite"]')).toHaveText('10 seconds left.');
	await page.clock.fastForward(7_000);
	await expect(page.getByRole('timer')).toContainText('1');
	await expect(page.locator('.options .option').first()).toBeEnabled();
	await page.clock.fastForward(1_000);
	await expect(page.getByText('Time is up: this question counts as wrong.')).toBeVisible();
	for (const option of await page.locator('.options .option').all())
		await expect(option).toBeDisabled();
	await page.keyboard.press(String(quiz.questions[0]!.answerIndex + 1));
	await expect(page.locator('.option.chosen')).toHaveCount(0);
	await page.getByRole('button', { name: 'Next question' }).click();
	for (let i = 1; i < 5; i++) {
		await page.clock.fastForward(3_000);
		await page.keyboard.press(String(quiz.questions[i]!.answerIndex + 1));
		// bug: the timer read "0 s" once an answer was locked in, 17 s before the deadline
		await expect(
			page.getByText(`Answer ${quiz.questions[i]!.answerIndex + 1} locked in.`)
		).toBeVisible();
		await expect(page.getByRole('timer')).toHaveCount(0);
		await page.getByRole('button', { name: /Next question|See results/ }).click();
	}
	await expect(page.getByTestId('score')).toHaveText('4 / 5');
	await expect(page.getByTestId('per-question').locator('tbody tr').first()).toContainText(
		'Time ran out'
	);
	const mistake = page.locator('.mistakes article');
	await expect(mistake).toHaveCount(1);
	await expect(mistake).toContainText(quiz.questions[0]!.question);
	await expect(mistake).toContainText(
		`Right answer: ${quiz.questions[0]!.answerIndex + 1}. ${quiz.questions[0]!.options[quiz.questions[0]!.answerIndex]}`
	);
	await expect(page.getByRole('link', { name: /^Read the notes on/ })).toHaveAttribute(
		'href',
		`/notes?tags=${quiz.questions[0]!.tags.join(',')}`
	);
	// bug: "Study these" opened the notes of whole topics; it is a practice of exactly the mistakes
	await page.clock.resume();
	await page.getByRole('link', { name: 'Study my mistakes (1 card)' }).click();
	await expect(page.getByText('1 to go')).toBeVisible();
	await expect(page.locator('article.card')).toHaveAttribute(
		'data-card-id',
		quiz.questions[0]!.cardId
	);
	// study shows a card's options in the deck's order, the quiz shuffles them; a wrong answer here
	// would bring the card back and the practice would not end
	const missed = deck.cards.find((c) => c.id === quiz.questions[0]!.cardId)!;
	await page
		.locator('.options button')
		.nth(missed.kind === 'mcq' ? missed.answerIndex : 0)
		.click();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByText('1 cards practised. The schedule is unchanged.')).toBeVisible();
});

// bug: on a first visit (how students arrive from the QR code) "ready to work offline" covered
// Next on a small phone (fails on the old floating message at 360x560)
test.describe('on a small phone', () => {
	test.use({ viewport: { width: 360, height: 560 } });

	test('the offline-ready message never covers the quiz buttons', async ({ page }) => {
		await page.goto(link);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.keyboard.press('1');
		const next = page.getByRole('button', { name: 'Next question' });
		await expect(offlineReadyNote(page)).toBeVisible();
		expect(await isCovered(next)).toBe(false);
	});
});

test('a reload mid-quiz resumes the same question with the time that was left', async ({
	page
}) => {
	await openFrozen(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.keyboard.press('1');
	await page.getByRole('button', { name: 'Next question' }).click();
	await page.clock.fastForward(8_000);
	await expect(page.getByRole('timer')).toContainText('12');
	await page.reload();
	await expect(page.locator('#question-text')).toHaveText(quiz.questions[1]!.question);
	await expect(page.getByText('Question 2 of 5')).toBeVisible();
	await expect(page.getByRole('timer')).toContainText('12');
	await page.clock.fastForward(12_000);
	await expect(page.getByText('Time is up: this question counts as wrong.')).toBeVisible();
});

test('leaving mid-quiz asks first, and coming back resumes', async ({ page }) => {
	await page.goto(link);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	let asked = '';
	page.once('dialog', (dialog) => {
		asked = dialog.message();
		return dialog.dismiss();
	});
	await page.getByRole('link', { name: 'Notes', exact: true }).click();
	await expect.poll(() => asked).toContain('Leave the quiz?');
	await expect(page).toHaveURL(link);
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('link', { name: 'Notes', exact: true }).click();
	await expect(page).toHaveURL('/notes');
	await page.goBack();
	await expect(page.locator('#question-text')).toHaveText(quiz.questions[0]!.question);
});

test('an untimed quiz shows no countdown and gives 1000 points per right answer', async ({
	page
}) => {
	const untimed = { ...params, seconds: null };
	const questions = buildQuiz(deck, untimed).questions;
	await openFrozen(page, `/quiz${paramsToSearch(untimed)}`);
	await expect(page.getByText('no time limit')).toBeVisible();
	// bug: the untimed quiz's start page said a question that runs out of time counts as wrong
	await expect(page.getByText(/out of time|time ran out|time is up/i)).toHaveCount(0);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('timer')).toHaveCount(0);
	for (const [i, q] of questions.entries()) {
		await page.clock.fastForward(600_000);
		await page.keyboard.press(String(i === 0 ? ((q.answerIndex + 1) % 4) + 1 : q.answerIndex + 1));
		await page.getByRole('button', { name: /Next question|See results/ }).click();
	}
	await expect(page.getByTestId('score')).toHaveText('4 / 5');
	await expect(page.getByTestId('points')).toHaveText('4,000');
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeFocused();
	await expect(page.getByText(/out of time|time ran out|time is up/i)).toHaveCount(0);
});

test('a device with another version of the course says so before starting', async ({ page }) => {
	await page.goto(`/quiz${paramsToSearch({ ...params, deckHash: 'ffffffffffffff' })}`);
	await expect(page.getByRole('alert')).toContainText('different version of the course');
	await expect(page.getByRole('button', { name: 'Start anyway' })).toBeVisible();
});

test('the whole quiz works offline after one visit to a quiz link', async ({
	page,
	serveBuild
}) => {
	const { origin, goOffline } = await serveBuild();
	// the first visit is the quiz link itself, as for a student scanning the QR code
	await page.goto(`${origin}/quiz/present${paramsToSearch(params)}`);
	await waitForServiceWorker(page);
	await goOffline();

	const response = await page.goto(`${origin}${link}`);
	expect(response?.fromServiceWorker()).toBe(true);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (const q of quiz.questions) {
		await expect(page.locator('#question-text')).toHaveText(q.question);
		await page.keyboard.press(String(q.answerIndex + 1));
		await page.getByRole('button', { name: /Next question|See results/ }).click();
	}
	await expect(page.getByTestId('score')).toHaveText('5 / 5');
	await page.goto(`${origin}/quiz`);
	await expect(page.locator('.history li')).toHaveCount(1);
	await expect(page.locator('.history li')).toContainText('5 / 5');
	await expect(page.locator('.history li')).toContainText(
		`course version ${deck.hash.slice(0, 7)}`
	);
	const present = await page.goto(`${origin}/quiz/present${paramsToSearch(params)}`);
	expect(present?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('img', { name: 'QR code of the quiz link' })).toBeVisible();
});

test('the presenter view runs on Space and the arrow keys', async ({ page }) => {
	await page.clock.install({ time: T0 });
	await page.goto(`/quiz/present${paramsToSearch(params)}`);
	await expect(page.getByRole('heading', { name: 'Join the quiz' })).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR code of the quiz link' })).toBeVisible();
	const first = quiz.questions[0]!;
	await page.keyboard.press('Space');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.question);
	await expect(page.getByRole('timer')).toBeVisible();
	await expect(page.locator('.explanation')).toHaveCount(0);
	await page.keyboard.press('Space');
	await expect(page.locator('.options li.right')).toHaveCount(1);
	await expect(page.locator('.options li.right')).toContainText(first.options[first.answerIndex]!);
	await expect(page.locator('.explanation')).toContainText(first.explanation);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(quiz.questions[1]!.question);
	await expect(page.locator('.options li.right')).toHaveCount(0);
	// the countdown reveals by itself
	await page.clock.fastForward(20_000);
	await expect(page.locator('.options li.right')).toHaveCount(1);
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(quiz.questions[1]!.question);
	await expect(page.locator('.options li.right')).toHaveCount(0);
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.question);
	await expect(page.locator('.options li.right')).toHaveCount(1);
	for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('heading', { name: 'That was the last question' })).toBeVisible();
});

const views = [
	{
		name: 'quiz-setup',
		open: async (page: Page) => {
			await page.clock.install({ time: T0 });
			await page.goto('/quiz');
			await page
				.getByRole('group', { name: /^Topics/ })
				.getByRole('checkbox')
				.first()
				.check();
		}
	},
	{
		name: 'quiz-share',
		open: async (page: Page) => {
			await page.clock.install({ time: T0 });
			await page.goto('/quiz');
			await page.getByRole('button', { name: 'Share the quiz' }).click();
			await page.getByRole('img', { name: 'QR code of the quiz link' }).waitFor();
		}
	},
	{
		name: 'quiz-question',
		open: async (page: Page) => {
			await openFrozen(page);
			await page.getByRole('button', { name: 'Start the quiz' }).click();
			await page.clock.fastForward(6_000);
		}
	},
	{
		name: 'quiz-results',
		open: async (page: Page) => {
			await openFrozen(page);
			await page.getByRole('button', { name: 'Start the quiz' }).click();
			for (const [i, q] of quiz.questions.entries()) {
				await page.clock.fastForward(2_500);
				await page.keyboard.press(
					String(i % 2 ? ((q.answerIndex + 1) % 4) + 1 : q.answerIndex + 1)
				);
				await page.getByRole('button', { name: /Next question|See results/ }).click();
			}
			await page.getByTestId('score').waitFor();
			await page.getByText('Source note').first().click();
		}
	},
	{
		name: 'quiz-presenter',
		open: async (page: Page) => {
			await page.clock.install({ time: T0 });
			await page.goto(`/quiz/present${paramsToSearch(params)}`);
			await page.getByRole('heading', { name: 'Join the quiz' }).waitFor();
			await page.keyboard.press('Space');
			await page.clock.fastForward(7_000);
		}
	},
	{
		name: 'quiz-presenter-reveal',
		open: async (page: Page) => {
			await page.clock.install({ time: T0 });
			await page.goto(`/quiz/present${paramsToSearch(params)}`);
			await page.getByRole('heading', { name: 'Join the quiz' }).waitFor();
			await page.keyboard.press('Space');
			await page.keyboard.press('Space');
			await page.locator('.explanation').waitFor();
		}
	}
];

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`quiz in ${colorScheme} mode`, () => {
		test.use({ colorScheme });
		for (const { name, open } of views) {
			test(`${name} has no serious accessibility violations; screenshots`, async ({
				page,
				expectAccessible
			}) => {
				await open(page);
				// axe waits on timers: let time run again (every view installed the clock)
				await page.clock.resume();
				await expectAccessible();
				await page.screenshot({
					path: `screenshots/${name}-phone-${colorScheme}.png`,
					fullPage: name === 'quiz-results'
				});
				await page.setViewportSize({ width: 1920, height: 1080 });
				await page.screenshot({
					path: `screenshots/${name}-projector-${colorScheme}.png`
				});
				await page.setViewportSize({ width: 320, height: 640 });
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow).toBeLessThanOrEqual(0);
			});
		}
	});
}

test('with the setting on, a finished quiz counts as reviews in Study, once', async ({ page }) => {
	await page.goto('/settings');
	const setting = page.getByRole('checkbox', { name: 'Class quiz answers also count as reviews' });
	await expect(setting).not.toBeChecked();
	await setting.check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();

	await page.goto(link);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (let i = 0; i < 5; i++) {
		const right = quiz.questions[i]!.answerIndex;
		await page.keyboard.press(String((i < 3 ? right : (right + 1) % 4) + 1));
		await page.getByRole('button', { name: /Next question|See results/ }).click();
	}
	await expect(page.getByTestId('score')).toHaveText('3 / 5');
	// Study writes them when it opens: /quiz carries no scheduler
	const note = page.getByText('Your answers will count as reviews when you next open Study.');
	await expect(note).toBeVisible();
	// after the results heading, which takes the focus: before it, a screen reader never read it
	const heading = page.getByRole('heading', { name: 'Your results' });
	await expect(heading).toBeFocused();
	expect(
		await heading.evaluate(
			(h, n) => !!(h.compareDocumentPosition(n!) & Node.DOCUMENT_POSITION_FOLLOWING),
			await note.elementHandle()
		)
	).toBe(true);
	expect(await reviewCount(page)).toBe(0);

	await page.getByRole('link', { name: 'Study', exact: true }).last().click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Your class quiz answers now count as 5 reviews.' })
	).toBeVisible();
	expect(await reviewCount(page)).toBe(5);

	// nothing counted twice on a later visit, and the result says they count
	await page.reload();
	await expect(page.locator('tr[data-deck="All cards"] .size')).toHaveText(/cards/);
	await expect(page.getByText(/now count as/)).toHaveCount(0);
	await page.goto(link);
	await page.getByRole('link', { name: 'see your result' }).click();
	await expect(page.getByTestId('score')).toHaveText('3 / 5');
	expect(await reviewCount(page)).toBe(5);
});
