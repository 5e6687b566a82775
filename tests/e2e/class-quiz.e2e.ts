import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { paramsToSearch } from '../../src/lib/quiz/params';
import { builtDeck, pacedQuiz } from './deck';

const deck = builtDeck();
/** Question 1 opens at START; question i at START + i * 30 s (20 s to answer, 10 s to reveal). */
const START = Date.UTC(2026, 10, 30, 9, 0, 0);
const { params, search, quiz, opens } = pacedQuiz(deck, 'paced-e2e', START);

async function phone(browser: Browser, colorScheme?: 'light' | 'dark'): Promise<BrowserContext> {
	return browser.newContext({
		baseURL: test.info().project.use.baseURL,
		viewport: { width: 390, height: 844 },
		colorScheme
	});
}

/** Every page's clock reads `at`: Date.now() is fixed there, and the pages' own timers run. */
async function setClock(pages: Page[], at: number) {
	await Promise.all(pages.map((p) => p.clock.setFixedTime(at)));
}

const questionOn = (page: Page) => page.locator('#question-text');
const presenterQuestion = (page: Page) => page.locator('#present-question');

test('paced: two phones and the presenter show the same question at the same clock time; a late phone lands on the current one', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const contexts = [await phone(browser), await phone(browser), await phone(browser)];
	try {
		const [a, b, late] = await Promise.all(contexts.map((c) => c.newPage()));
		const presenter = await contexts[0]!.newPage();
		const all = [a!, b!, presenter];
		await setClock([...all, late!], START - 90_000);
		await presenter.goto(`/quiz/present${search}`);
		for (const p of [a!, b!]) await p.goto(`/quiz${search}`);
		await a!.getByLabel('Nickname (optional, shown to the class)').fill('Ana');

		// waiting: the same countdown everywhere, and the presenter shows the time of day
		for (const p of [a!, b!]) await expect(p.getByTestId('starts-in')).toContainText('1:30');
		await expect(presenter.getByTestId('present-starts-in')).toContainText('1:30');
		await expect(presenter.getByTestId('present-clock')).toHaveText(
			await presenter.evaluate(
				(t) =>
					new Date(t).toLocaleTimeString(undefined, {
						hour: '2-digit',
						minute: '2-digit',
						second: '2-digit'
					}),
				START - 90_000
			)
		);

		for (let i = 0; i < 3; i++) {
			await setClock(all, opens(i) + 2_000);
			const text = quiz.questions[i]!.question;
			await expect(presenterQuestion(presenter)).toHaveText(text);
			for (const p of [a!, b!]) await expect(questionOn(p)).toHaveText(text);
			// no answer on the projector while the question is open
			await expect(presenter.locator('.explanation')).toHaveCount(0);
			await a!.locator('.options .option').nth(quiz.questions[i]!.answerIndex).click();
			await expect(a!.getByTestId('next-in')).toContainText('The next question opens in 0:');

			// the question closes for everyone: the projector reveals it, the phones lock it
			await setClock(all, opens(i) + 21_000);
			await expect(presenter.locator('.explanation')).toContainText(
				quiz.questions[i]!.options[quiz.questions[i]!.answerIndex]!
			);
			await expect(b!.getByText('Time is up: this question counts as wrong.')).toBeVisible();
			for (const option of await b!.locator('.options .option').all())
				await expect(option).toBeDisabled();
		}

		// a phone opening the link during question 4 joins it; 1-3 count as not answered
		await setClock([...all, late!], opens(3) + 5_000);
		await late!.goto(`/quiz${search}`);
		await late!.getByRole('button', { name: 'Join now (question 4 of 5)' }).click();
		await expect(questionOn(late!)).toHaveText(quiz.questions[3]!.question);
		for (const p of [a!, b!]) await expect(questionOn(p)).toHaveText(quiz.questions[3]!.question);
		await expect(presenterQuestion(presenter)).toHaveText(quiz.questions[3]!.question);

		// the end: every phone shows its result and a result QR code at the same time
		await setClock([...all, late!], opens(5) + 1_000);
		await expect(a!.getByTestId('score')).toHaveText('3 / 5');
		await expect(late!.getByTestId('score')).toHaveText('0 / 5');
		await expect(a!.getByRole('img', { name: 'QR code of your result as Ana' })).toBeVisible();
		await expect(presenter.getByRole('link', { name: 'Collect results' })).toBeVisible();
	} finally {
		await Promise.all(contexts.map((c) => c.close()));
	}
});

/** One student takes the paced quiz: answers `choices` (null: lets it run out) 3 s in. */
async function takePaced(page: Page, nickname: string, choices: (number | null)[]) {
	await page.clock.setFixedTime(START - 30_000);
	await page.goto(`/quiz${search}`);
	await page.getByLabel('Nickname (optional, shown to the class)').fill(nickname);
	await page.getByLabel('Nickname (optional, shown to the class)').blur();
	for (const [i, choice] of choices.entries()) {
		await page.clock.setFixedTime(opens(i) + 3_000);
		await expect(questionOn(page)).toHaveText(quiz.questions[i]!.question);
		if (choice !== null) await page.locator('.options .option').nth(choice).click();
	}
	await page.clock.setFixedTime(opens(choices.length) + 1_000);
	await page.getByTestId('result-qr').waitFor();
}

test('the instructor types result codes: counted once, another quiz refused, the report follows', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const right = quiz.questions.map((q) => q.answerIndex);
	const codes: string[] = [];
	for (const [n, choices] of [right, right.map((r, i) => (i < 2 ? r : (r + 1) % 4))].entries()) {
		const context = await phone(browser);
		const student = await context.newPage();
		await takePaced(student, `S${n}`, choices);
		codes.push((await student.getByTestId('typed-code').textContent()) ?? '');
		await context.close();
	}
	// a nickname that is markup: the full QR text can be typed too
	const hostile = '<svg/onload=alert()>';
	const context = await phone(browser);
	const student = await context.newPage();
	await takePaced(
		student,
		hostile,
		right.map((r) => (r + 1) % 4)
	);
	const hostileCode = (await student.getByTestId('result-qr').getAttribute('data-code')) ?? '';
	await context.close();
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.goto(`/quiz/collect${search}`);
	const typed = page.getByLabel('Type a result code');
	await typed.fill(codes[0]!.toLowerCase());
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page.getByTestId('collected')).toContainText('1 result collected');
	await typed.fill(codes[0]!);
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page.getByTestId('collect-message')).toHaveText('A student is already counted.');
	await typed.fill(codes[1]!);
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page.getByTestId('collected')).toContainText('2 results collected');
	await typed.fill(hostileCode);
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page.getByTestId('collect-message')).toHaveText(`Counted: ${hostile}.`);
	await expect(page.getByTestId('collected')).toContainText('3 results collected');
	// a typo: the check value catches it
	await typed.fill(codes[1]!.replace(/^(.....)(.)/, (_, a, c) => a + (c === 'A' ? 'B' : 'A')));
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page.getByTestId('collect-message')).toContainText('damaged or mistyped');
	// the other quiz: the same answers, another seed
	const otherSearch = paramsToSearch({ ...params, seed: 'other-quiz' });
	await page.goto(`/quiz/collect${otherSearch}`);
	await page.getByLabel('Type a result code').fill(codes[0]!);
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page.getByTestId('collect-message')).toHaveText(
		'This result is from another quiz: it was not counted.'
	);
	await expect(page.getByTestId('collected')).toContainText('0 results collected');

	// a reload loses nothing; the report and the history have the three students
	await page.goto(`/quiz/report${search}`);
	await expect(page.getByTestId('report-count')).toHaveText('3 students');
	await expect(page.getByTestId('podium').locator('li')).toHaveCount(3);
	await expect(page.getByTestId('podium').locator('li').last()).toContainText(hostile);
	await expect(page.locator('main svg, main img')).toHaveCount(0);
	await expect(page.getByTestId('split-3').locator('li.right')).toHaveAttribute('data-count', '1');
	expect(dialogs).toEqual([]);
	await page.goto('/quiz');
	await expect(page.getByRole('list', { name: 'Class reports' })).toContainText('3 students');
});

const views: { name: string; open: (page: Page, browser: Browser) => Promise<void> }[] = [
	{
		name: 'class-waiting',
		open: async (page) => {
			await page.clock.setFixedTime(START - 125_000);
			await page.goto(`/quiz${search}`);
			await page.getByTestId('starts-in').waitFor();
		}
	},
	{
		name: 'class-presenter-waiting',
		open: async (page) => {
			await page.clock.setFixedTime(START - 125_000);
			await page.goto(`/quiz/present${search}`);
			await page.getByTestId('present-starts-in').waitFor();
		}
	},
	{
		name: 'class-result-qr',
		open: async (page) => {
			await takePaced(page, 'Ana', [0, 1, 2, 3, null]);
			await page.getByTestId('result-qr').scrollIntoViewIfNeeded();
		}
	},
	{
		name: 'class-collect',
		open: async (page) => {
			await page.goto(`/quiz/collect${search}`);
			await page.getByLabel('Type a result code').fill('HELLO?');
			await page.getByRole('button', { name: 'Add' }).click();
			await page
				.getByTestId('collect-message')
				.getByText(/cannot be in it/)
				.waitFor();
		}
	},
	{
		name: 'class-report',
		open: async (page, browser) => {
			const context = await phone(browser);
			const student = await context.newPage();
			await takePaced(student, 'Ana', [0, 1, 2, 3, 0]);
			const code = (await student.getByTestId('typed-code').textContent()) ?? '';
			await context.close();
			await page.goto(`/quiz/collect${search}`);
			await page.getByLabel('Type a result code').fill(code);
			await page.getByRole('button', { name: 'Add' }).click();
			await page.getByTestId('collected').getByText('1 result').waitFor();
			await page.goto(`/quiz/report${search}`);
			await page.getByTestId('podium').waitFor();
		}
	}
];

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`class quiz in ${colorScheme} mode`, () => {
		test.use({ colorScheme });
		for (const { name, open } of views) {
			test(`${name} has no serious accessibility violations; screenshots`, async ({
				page,
				browser,
				expectAccessible
			}) => {
				test.setTimeout(90_000);
				await open(page, browser);
				await expectAccessible();
				await page.screenshot({ path: `screenshots/${name}-phone-${colorScheme}.png` });
				await page.setViewportSize({ width: 1920, height: 1080 });
				await page.screenshot({ path: `screenshots/${name}-projector-${colorScheme}.png` });
				await page.setViewportSize({ width: 320, height: 640 });
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow).toBeLessThanOrEqual(0);
			});
		}
	});
}
