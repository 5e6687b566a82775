import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Deck } from '../../src/lib/content/schema';
import { paramsToSearch } from '../../src/lib/quiz/params';
import { StaticServer } from './static-server';

// hostile notes (tests/fixtures/hostile/notes.md) and overlay entries, built by the deck command
// as an author would, then shown in a real browser: no payload may run anywhere
test.use({ serviceWorkers: 'block' });

let site = '';
let deck: Deck;
let server: StaticServer;
let origin = '';

function deckCommand(...args: string[]): void {
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/deck.ts', ...args], {
		stdio: 'pipe'
	});
}

test.beforeAll(async () => {
	site = mkdtempSync(join(tmpdir(), 'xss-site-'));
	cpSync('build', site, { recursive: true });
	const lock = join(site, 'lock.json');
	const notes = 'tests/fixtures/hostile/notes.md';
	deckCommand('--notes', notes, '--out', site, '--lock', lock);
	const ids = (JSON.parse(readFileSync(join(site, 'deck.json'), 'utf8')) as Deck).notes.map(
		(n) => n.id
	);
	const overlay = readFileSync('tests/fixtures/hostile/overlay.template.json', 'utf8').replace(
		/NOTE_(\d+)/g,
		(_, i: string) => ids[Number(i)]!
	);
	writeFileSync(join(site, 'overlay.json'), overlay);
	deckCommand(
		'--notes',
		notes,
		'--out',
		site,
		'--lock',
		lock,
		'--overlay',
		join(site, 'overlay.json')
	);
	deck = JSON.parse(readFileSync(join(site, 'deck.json'), 'utf8')) as Deck;
	// every overlay entry applied: the hostile hand-written cards and texts are in the deck
	expect(deck.cards.map((c) => c.id)).toEqual(
		expect.arrayContaining([`${ids[0]}:recall:hostile-recall`, `${ids[1]}:mcq:hostile-mcq`])
	);
	expect(JSON.stringify(deck.cards)).toContain("window.__pwned='fix'");
	expect(JSON.stringify(deck.cards)).toContain("window.__pwned='statement'");
	server = new StaticServer(site);
	origin = await server.start();
});

test.afterAll(async () => {
	await server?.stop();
	rmSync(site, { recursive: true, force: true });
});

/** Watches for any sign of a payload running: the sentinel, a dialog, a blocked script (CSP). */
async function guard(page: Page): Promise<() => Promise<void>> {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.addInitScript(() => {
		const w = window as unknown as { __violations: string[]; alert: (m: string) => void };
		w.__violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__violations.push(`${e.violatedDirective} ${e.sample}`)
		);
	});
	return async () => {
		const { pwned, violations } = await page.evaluate(() => {
			const w = window as unknown as { __pwned?: unknown; __violations: string[] };
			return { pwned: w.__pwned, violations: w.__violations };
		});
		expect(pwned, 'a payload ran').toBeUndefined();
		expect(dialogs, 'a dialog opened').toEqual([]);
		expect(violations, 'the page tried to run a script that the CSP blocked').toEqual([]);
		// nothing executable made it into the page
		const bad = await page.evaluate(() => {
			const found: string[] = [];
			for (const el of document.querySelectorAll('main *')) {
				// the app's own result QR code (QrCode.svelte): an svg of one rect and one path, drawn
				// from the result code's letters and digits, never from content
				const qr = el.closest('[data-testid="result-qr"] svg.qr');
				const ownQr =
					qr !== null &&
					/^(svg|rect|path)$/i.test(el.tagName) &&
					(el === qr || el.parentElement === qr);
				if (
					!ownQr &&
					/^(script|iframe|object|embed|svg|math|img|style|base|frame)$/i.test(el.tagName)
				)
					found.push(el.outerHTML.slice(0, 80));
				for (const attr of el.attributes) {
					if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
					if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name)) {
						if (!/^(https?:|mailto:|#|\/|\?)/i.test(attr.value.trim()))
							found.push(`${el.tagName} ${attr.name}=${attr.value}`);
					}
				}
			}
			return found;
		});
		expect(bad).toEqual([]);
	};
}

test('the guard sees a script that runs and one the CSP blocks (control)', async ({ page }) => {
	const check = await guard(page);
	await page.goto(`${origin}/notes`);
	await expect(page.locator('ol.notes article').first()).toBeVisible();
	await page.evaluate(() => {
		const div = document.createElement('div');
		div.innerHTML = `<img src="x" onerror="window.__pwned = 1">`;
		document.querySelector('main')!.append(div);
	});
	await expect
		.poll(() =>
			page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length)
		)
		.toBeGreaterThan(0);
	await expect(check()).rejects.toThrow();
});

test('hostile notes on /notes render as text and run nothing', async ({ page }) => {
	const check = await guard(page);
	await page.goto(`${origin}/notes`);
	await expect(page.locator('ol.notes article')).toHaveCount(deck.notes.length);
	await expect(page.locator('ol.notes')).toContainText(
		`Kubernetes RBAC <script>window.__pwned = 'script'</script> binds roles`
	);
	await expect(page.locator('ol.notes')).toContainText(
		`<img src=x onerror="window.__pwned='img'">`
	);
	await page.getByRole('searchbox').first().fill('script');
	await page.waitForTimeout(300);
	await check();
});

test('hostile cards in a study session show their text literally and run nothing', async ({
	page
}) => {
	const check = await guard(page);
	// practice mode goes through every card of the deck, with no sibling held back for tomorrow
	await page.goto(`${origin}/study?all&mode=practice`);
	await expect(page.locator('article.card')).toBeVisible();
	const seen = new Set<string>();
	for (let i = 0; i < 40; i++) {
		const card = page.locator('article.card');
		if (await page.getByRole('heading', { name: 'Practice round done' }).isVisible()) break;
		const id = (await card.getAttribute('data-card-id'))!;
		const shown = deck.cards.find((c) => c.id === id)!;
		seen.add(id);
		if (shown.kind === 'mcq') {
			await expect(page.locator('.front')).toHaveText(shown.question);
			await expect(page.locator('.options .option span:not(kbd)')).toHaveText(shown.options);
			await page.locator('.options button').nth(shown.answerIndex).click();
			await expect(page.getByRole('heading', { name: 'Right' })).toBeVisible();
			if (shown.explanation) await expect(page.locator('.answer')).toContainText(shown.explanation);
			await check();
			await page.getByRole('button', { name: 'Continue' }).click();
		} else {
			await expect(page.locator('.front')).toHaveText(shown.front);
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.locator('.answer-text')).toHaveText(shown.back);
			if (shown.correction)
				await expect(page.locator('.correction')).toContainText(shown.correction);
			await check();
			await page.getByRole('button', { name: /Easy/ }).click();
		}
		await expect(page.locator(`article.card[data-card-id="${id}"]`)).toHaveCount(0);
	}
	expect([...seen].sort()).toEqual(deck.cards.map((c) => c.id).sort());
	await check();
});

test('a hostile MCQ in a class quiz and its results run nothing', async ({ page }) => {
	const check = await guard(page);
	const mcqTags = [...new Set(deck.cards.filter((c) => c.kind === 'mcq').flatMap((c) => c.tags))];
	const search = paramsToSearch({
		tags: mcqTags.sort(),
		exclude: [],
		count: 5,
		seconds: null,
		seed: 'xss',
		deckHash: deck.hash
	});
	await page.goto(`${origin}/quiz${search}`);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (let i = 0; i < 5; i++) {
		const text = await page.locator('#question-text').textContent();
		const mcq = deck.cards.find((c) => c.kind === 'mcq' && c.question === text);
		expect(mcq, `question shown as text: ${text}`).toBeDefined();
		await check();
		await page.keyboard.press('1');
		const next = page.getByRole('button', { name: /Next question|See results/ });
		await next.click();
		if (await page.getByRole('heading', { name: 'Your results' }).isVisible()) break;
	}
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	for (const summary of await page.locator('details summary').all()) await summary.click();
	await check();
});
