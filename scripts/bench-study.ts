/**
 * npm run bench:study [-- --cards 50000 --reviews 500000 --runs 100] [--profile]
 *
 * Fills IndexedDB in Chromium with cards and review rows through the app's storage module and
 * prints the due-queue build time and the answer-to-next-card time (p50/p95) at 1x and 4x CPU
 * throttle, through the storage verbs and, when build/ exists (`npm run build`), on the built
 * study page. Prints figures; sets no limits. `--profile`: instead, where the tag deck's due queue
 * spends its time at 4x (a CPU profile of its runs, unminified: self time by function, and the
 * time the page sat waiting for IndexedDB).
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build, type Rollup } from 'vite';
import { browserExecutable, CHROMIUM_ARGS } from '../tests/browser';
import { StaticServer } from '../tests/e2e/static-server';

const { values } = parseArgs({
	options: {
		cards: { type: 'string', default: '50000' },
		reviews: { type: 'string', default: '500000' },
		runs: { type: 'string', default: '100' },
		profile: { type: 'boolean', default: false }
	}
});
const cards = Number(values.cards);
const reviews = Number(values.reviews);
const runs = Number(values.runs);

async function bundle(): Promise<string> {
	const result = (await build({
		configFile: false,
		logLevel: 'silent',
		resolve: { alias: { $lib: resolve('src/lib') } },
		build: {
			write: false,
			minify: !values.profile,
			lib: { entry: resolve('scripts/bench-study-page.ts'), formats: ['iife'], name: 'benchStudy' }
		}
	})) as Rollup.RollupOutput[] | Rollup.RollupOutput;
	const output = Array.isArray(result) ? result[0]!.output : result.output;
	return output[0].code;
}

/** What scripts/bench-study-page.ts puts on globalThis.bench. */
type BenchApi = Record<string, (a: unknown, b: unknown, c: unknown) => Promise<number[]>> & {
	fill(cards: number, reviews: number, now: number): Promise<number>;
};

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (times: number[]) =>
	`p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  (n=${times.length})`;

/** A deck.json for the generated cards, so the built study page can show them. */
function syntheticDeck(list: { id: string; noteId: string; tags: string[] }[]) {
	const notes = [...new Set(list.map((c) => c.noteId))].map((id, i) => ({
		id,
		text: `Bench note ${i}`,
		html: `<p>Bench note ${i}</p>`,
		tags: [],
		source: { file: 'bench.txt', line: i + 1 }
	}));
	const tags = [...new Set(list.flatMap((c) => c.tags))].map((name) => ({
		name,
		count: 1,
		description: name,
		aliases: []
	}));
	const cards = list.map((c, i) => ({
		...c,
		kind: 'recall',
		front: `Bench question ${i}?`,
		back: `Bench answer ${i}`
	}));
	return { version: 1, hash: 'beefbeefbeef00', notes, tags, cards };
}

/**
 * In the built app (build/): tap Good, then time until the next card is on screen: the DOM
 * change is seen by a MutationObserver as it happens, then the frame that shows it is painted
 * (requestAnimationFrame runs just before that paint, a task queued from it just after).
 * Flashcards only; "Show answer" is tapped untimed.
 */
function timeStudyPage(runs: number): Promise<number[]> {
	const button = (text: string) =>
		[...document.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
	const cardId = () => document.querySelector('article.card')?.getAttribute('data-card-id');
	const until = (test: () => boolean) =>
		new Promise<void>((resolve) => {
			if (test()) return resolve();
			const observer = new MutationObserver(() => {
				if (!test()) return;
				observer.disconnect();
				resolve();
			});
			observer.observe(document.body, { subtree: true, childList: true, attributes: true });
		});
	const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
	return (async () => {
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			button('Show answer')?.click();
			await until(() => document.querySelector('.grade.g3') !== null);
			await painted();
			const before = cardId();
			const t = performance.now();
			(document.querySelector('.grade.g3') as HTMLButtonElement).click();
			await until(() => cardId() !== before);
			await painted();
			times.push(performance.now() - t);
		}
		return times;
	})();
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The tag deck's due queue at 4x under the CPU profiler: where its time goes. */
async function profileQueue(page: Page, cdp: CDPSession, now: number): Promise<void> {
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
	await cdp.send('Profiler.start');
	const times = (await page.evaluate(
		([t, n]) =>
			(globalThis as unknown as { bench: BenchApi }).bench.timeQueue!(
				{ tags: ['tag3', 'tag7'], exclude: ['tag9'], query: '' },
				t,
				n
			),
		[now, runs] as const
	)) as number[];
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
		profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
	};
	const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const frame = byNode.get(id)!.callFrame;
		const file = frame.url.replace(/^.*\//, '');
		const name = frame.url
			? `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`
			: frame.functionName;
		self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	});
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	console.log(`  due queue, 2 tags minus 1, CPU 4x, under the profiler: ${fmt(times)}`);
	console.log(`  ${total.toFixed(0)} ms sampled; self time by function (ms, share):`);
	for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
		console.log(
			`    ${ms.toFixed(1).padStart(7)}  ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`
		);
}

async function main(): Promise<void> {
	const code = await bundle();
	const site = mkdtempSync(join(tmpdir(), 'bench-study-'));
	const built = existsSync('build/study.html');
	if (built) cpSync('build', site, { recursive: true });
	writeFileSync(join(site, 'bench.js'), code);
	writeFileSync(
		join(site, 'bench.html'),
		'<!doctype html><title>bench</title><script src="/bench.js"></script>'
	);
	const server = new StaticServer(site);
	const origin = await server.start();
	const browser = await chromium.launch({
		executablePath: browserExecutable(),
		args: CHROMIUM_ARGS
	});
	try {
		// no service worker: the page must read the deck.json written below, not a cached one
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(`${origin}/bench.html`);
		await page.waitForFunction(() => 'bench' in globalThis);
		// local 10:00 today in the browser: away from the 4 am rollover
		const now = await page.evaluate(() => new Date().setHours(10, 0, 0, 0));
		console.log(
			`study bench: ${cards} cards, ${reviews} review rows, Chromium ${browser.version()}`
		);
		const fillMs = await page.evaluate(
			([c, r, n]) => (globalThis as unknown as { bench: BenchApi }).bench.fill(c, r, n),
			[cards, reviews, now] as const
		);
		console.log(`  fill IndexedDB: ${(fillMs / 1000).toFixed(1)} s`);
		const cdp = await context.newCDPSession(page);
		if (values.profile) return await profileQueue(page, cdp, now);
		for (const rate of [1, 4]) {
			await cdp.send('Emulation.setCPUThrottlingRate', { rate });
			const all = { tags: [], exclude: [], query: '' };
			const tag = { tags: ['tag3', 'tag7'], exclude: ['tag9'], query: '' };
			const run = (fn: string, filter: object, at: number) =>
				page.evaluate(
					([f, flt, t, n]) => (globalThis as unknown as { bench: BenchApi }).bench[f]!(flt, t, n),
					[fn, filter, at, runs] as const
				) as Promise<number[]>;
			console.log(`  storage verbs, CPU ${rate}x`);
			console.log(`    due queue, all cards:        ${fmt(await run('timeQueue', all, now))}`);
			console.log(`    due queue, 2 tags minus 1:   ${fmt(await run('timeQueue', tag, now))}`);
			console.log(`    deck members (once/session): ${fmt(await run('timeMembers', tag, now))}`);
			console.log(`    deck list, All + 30 tags:    ${fmt(await run('timeCounts', all, now))}`);
			// each throttle level answers on its own later day so today's limits stay for the UI
			const day = now + rate * 86_400_000;
			console.log(`    answer -> next card ready:   ${fmt(await run('timeAnswers', all, day))}`);
		}
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

		if (!built) {
			console.log('  study page: skipped (no build/: run `npm run build` first)');
			return;
		}
		const list = (await page.evaluate(() =>
			(globalThis as unknown as { bench: BenchApi }).bench.cardList!(0, 0, 0)
		)) as unknown as { id: string; noteId: string; tags: string[] }[];
		writeFileSync(join(site, 'deck.json'), JSON.stringify(syntheticDeck(list)));
		await page.goto(`${origin}/study?all`);
		// the first visit syncs the deck with the 50k stored cards (once per deck version)
		await page.locator('article.card').waitFor({ timeout: 120_000 });
		// tsx compiles named functions with esbuild's __name helper: give the page one
		await page.evaluate('globalThis.__name = (f) => f');
		for (const rate of [1, 4]) {
			await cdp.send('Emulation.setCPUThrottlingRate', { rate });
			const times = await page.evaluate(timeStudyPage, Math.min(runs, 100));
			console.log(`  study page (build/), CPU ${rate}x`);
			console.log(`    tap Good -> next card shown: ${fmt(times)}`);
		}
	} finally {
		await browser.close();
		await server.stop();
		rmSync(site, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
