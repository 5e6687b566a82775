import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { encode } from 'uqr';
import { buildQuiz } from '../../src/lib/quiz/build';
import { encodeResult } from '../../src/lib/quiz/result-code';
import { answerQuestion, follow, startRun } from '../../src/lib/quiz/run';
import { browserExecutable, CHROMIUM_ARGS } from '../browser';
import { builtDeck, pacedQuiz } from './deck';
import { matrixToGray, pngToGray, writeY4m, type Gray } from './fake-camera';
import { waitForServiceWorker } from './service-worker';

const deck = builtDeck();
/** Question 1 opens at START; question i at START + i * 30 s (20 s to answer, 10 s to reveal). */
const START = Date.UTC(2026, 10, 30, 10, 0, 0);
const { params, search, quiz, opens } = pacedQuiz(deck, 'class-of-30', START);
const STUDENTS = 30;

/** What student n does on question i: an option and how many seconds in, or lets time run out. */
function plan(n: number, i: number): { choice: number; seconds: number } | null {
	if ((n + i) % 9 === 4) return null;
	return { choice: (n * 7 + i * 3 + (n >> 2)) % 4, seconds: 1 + ((n * 13 + i * 5) % 15) };
}
const name = (n: number) => `P${String(n).padStart(2, '0')}`;

/** One phone takes the paced quiz as planned and returns its result QR as pixels and as text. */
async function takeQuiz(page: Page, n: number): Promise<{ picture: Gray; code: string }> {
	await page.clock.setFixedTime(START - 30_000);
	await page.goto(`/quiz${search}`);
	const nickname = page.getByLabel('Nickname (optional, shown to the class)');
	await nickname.fill(name(n));
	await nickname.blur();
	for (let i = 0; i < quiz.questions.length; i++) {
		const step = plan(n, i);
		await page.clock.setFixedTime(opens(i) + (step?.seconds ?? 1) * 1000);
		await expect(page.locator('#question-text')).toHaveText(quiz.questions[i]!.question);
		if (step) {
			await page.locator('.options .option').nth(step.choice).click();
			await expect(page.getByTestId('next-in')).toBeVisible();
		}
	}
	await page.clock.setFixedTime(opens(quiz.questions.length) + 1_000);
	const qr = page.getByTestId('result-qr');
	await qr.locator('svg').waitFor();
	return { picture: pngToGray(await qr.screenshot()), code: (await qr.getAttribute('data-code'))! };
}

/** A result of another quiz (another seed), made here: the Collect screen must refuse it. */
function foreignPicture(): Gray {
	const other = buildQuiz(deck, { ...params, seed: 'another-class' });
	let run = startRun(other, new Date(START - 1_000));
	run = answerQuestion(run, 0, new Date(START + 2_000));
	run = follow(run, new Date(opens(6)));
	const text = encodeResult(run, { device: 0x12345678, nickname: 'Intruder' });
	return matrixToGray(encode(text, { ecc: 'M', border: 4 }).data, 8);
}

test('30 phones finish a paced quiz; their result QR codes read by a camera on Collect, offline, give the right report', async ({
	browser
}) => {
	test.setTimeout(600_000);
	expect(quiz.questions).toHaveLength(5);

	// 1. thirty students, one after the other (the machine is small), each on its own phone
	const results: { picture: Gray; code: string }[] = [];
	for (let n = 0; n < STUDENTS; n++) {
		const context = await browser.newContext({
			baseURL: test.info().project.use.baseURL,
			viewport: { width: 390, height: 844 }
		});
		results.push(await takeQuiz(await context.newPage(), n));
		await context.close();
	}
	expect(new Set(results.map((r) => r.code)).size).toBe(STUDENTS);

	// 2. their QR images become the camera: 15 students, a foreign code, 15 more, a student again
	const pictures = [
		...results.slice(0, 15).map((r) => r.picture),
		foreignPicture(),
		...results.slice(15).map((r) => r.picture),
		results[0]!.picture
	];
	const dir = test.info().outputPath('camera');
	mkdirSync(dir, { recursive: true });
	const video = join(dir, 'class.y4m');
	const frames = writeY4m(video, pictures, { fps: 5, framesEach: 5 });
	test.info().annotations.push({ type: 'camera', description: `${frames} frames at 5 fps` });

	const camera = await chromium.launch({
		executablePath: browserExecutable(),
		args: [
			...CHROMIUM_ARGS,
			'--use-fake-device-for-media-stream',
			'--use-fake-ui-for-media-stream',
			`--use-file-for-fake-video-capture=${video}`
		]
	});
	try {
		const context = await camera.newContext({
			baseURL: test.info().project.use.baseURL,
			viewport: { width: 1280, height: 800 },
			permissions: ['camera']
		});
		const page = await context.newPage();
		await page.goto(`/quiz/collect${search}`);
		await waitForServiceWorker(page);

		// 3. no network from here on: the page, the decoder and the storage all come from the device
		await context.setOffline(true);
		await page.reload();
		await page.getByRole('button', { name: 'Scan with the camera' }).click();
		await expect(page.getByText('decoder: jsQR')).toBeVisible();
		const collected = async () =>
			Number((await page.getByTestId('collected').textContent())?.match(/\d+/)?.[0] ?? 0);
		const started = Date.now();
		// one pass of the video is ~40 s; give it two
		await expect
			.poll(collected, { timeout: 90_000, intervals: [1_000] })
			.toBeGreaterThanOrEqual(STUDENTS - 1);
		console.log(
			`camera: ${await collected()} read after ${((Date.now() - started) / 1000).toFixed(0)} s of a ${frames / 5} s video`
		);
		// let the rest of the loop (the foreign code, the repeated student) go by
		await expect(page.getByTestId('refused')).toContainText('1 refused', { timeout: 60_000 });
		await page.waitForTimeout(Math.max(0, 2 * (frames / 5) * 1000 - (Date.now() - started)));
		const read = await collected();
		test.info().annotations.push({ type: 'read', description: `${read} of ${STUDENTS}` });
		console.log(
			`camera: ${read} of ${STUDENTS} read in ${((Date.now() - started) / 1000).toFixed(0)} s`
		);
		expect(read).toBeGreaterThanOrEqual(STUDENTS - 1);
		expect(read).toBeLessThanOrEqual(STUDENTS);
		await expect(page.getByTestId('refused')).toHaveText('· 1 refused');

		// 4. the report is what the phones answered (for the students read)
		await page.getByRole('link', { name: 'See the class report' }).click();
		await expect(page.getByTestId('report-count')).toHaveText(`${read} students`);
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export CSV' }).click();
		const csv = readFileSync(await (await download).path(), 'utf8');
		const rows = csv.trimEnd().split('\r\n');
		const readNames = new Set(rows.slice(2).map((r) => r.split(',')[0]));
		expect(readNames.size).toBe(read);

		const expected = Array.from({ length: STUDENTS }, (_, n) => n)
			.filter((n) => readNames.has(name(n)))
			.map((n) => {
				let correct = 0;
				let points = 0;
				const answers = quiz.questions.map((q, i) => {
					const step = plan(n, i);
					if (!step) return 'timeout';
					if (step.choice === q.answerIndex) {
						correct++;
						points += Math.round(1000 * (1 - (step.seconds * 1000) / 20_000 / 2));
					}
					return String(step.choice + 1);
				});
				return { name: name(n), correct, points, answers };
			})
			.sort((a, b) => b.points - a.points || b.correct - a.correct || a.name.localeCompare(b.name));

		expect(rows[0]).toBe('Student,Right,Points,Extra time,Q1,Q2,Q3,Q4,Q5');
		expect(rows[1]).toBe(
			`Right answer,,,,${quiz.questions.map((q) => q.answerIndex + 1).join(',')}`
		);
		expect(rows.slice(2)).toEqual(
			expected.map((s) => [s.name, s.correct, s.points, '', ...s.answers].join(','))
		);

		const podium = await page.getByTestId('podium').locator('li').allInnerTexts();
		expect(podium.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(
			expected
				.slice(0, 5)
				.map(
					(s, i) =>
						`${i + 1} ${s.name} ${s.points.toLocaleString('en')} points · ${s.correct} right`
				)
		);

		for (const [i, q] of quiz.questions.entries()) {
			const split = q.options.map(
				(_, option) => expected.filter((s) => s.answers[i] === String(option + 1)).length
			);
			const counts = await page
				.getByTestId(`split-${i + 1}`)
				.locator('.split li')
				.evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-count'))));
			expect(counts, `answer split of question ${i + 1}`).toEqual(split);
			await expect(
				page.getByTestId(`split-${i + 1}`).locator('.split li.right'),
				'the right option is marked'
			).toContainText(q.options[q.answerIndex]!);
		}
		await context.close();
	} finally {
		await camera.close();
	}
});
