/**
 * npm run bench:study [-- --cards 50000 --reviews 500000 --runs 100]
 *
 * Fills IndexedDB in Chromium with cards and review rows through the app's storage module and
 * prints the due-queue build time and the answer-to-next-card time (p50/p95) at 1x and 4x CPU
 * throttle. Prints figures; sets no limits.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build, type Rollup } from 'vite';
import { browserExecutable, CHROMIUM_ARGS } from '../tests/browser';

const { values } = parseArgs({
	options: {
		cards: { type: 'string', default: '50000' },
		reviews: { type: 'string', default: '500000' },
		runs: { type: 'string', default: '100' }
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
			minify: true,
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

async function main(): Promise<void> {
	const code = await bundle();
	const server = createServer((req, res) => {
		if (req.url === '/bench.js')
			res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
		else
			res
				.writeHead(200, { 'content-type': 'text/html' })
				.end('<!doctype html><title>bench</title><script src="/bench.js"></script>');
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	const browser = await chromium.launch({
		executablePath: browserExecutable(),
		args: CHROMIUM_ARGS
	});
	try {
		const page = await browser.newPage();
		await page.goto(`http://127.0.0.1:${port}/`);
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
		const cdp = await page.context().newCDPSession(page);
		for (const rate of [1, 4]) {
			await cdp.send('Emulation.setCPUThrottlingRate', { rate });
			const all = { tags: [], exclude: [], query: '' };
			const tag = { tags: ['tag3', 'tag7'], exclude: ['tag9'], query: '' };
			const run = (fn: string, filter: object, at: number) =>
				page.evaluate(
					([f, flt, t, n]) => (globalThis as unknown as { bench: BenchApi }).bench[f]!(flt, t, n),
					[fn, filter, at, runs] as const
				) as Promise<number[]>;
			console.log(`  CPU ${rate}x`);
			console.log(`    due queue, all cards:        ${fmt(await run('timeQueue', all, now))}`);
			console.log(`    due queue, 2 tags minus 1:   ${fmt(await run('timeQueue', tag, now))}`);
			console.log(`    deck members (once/session): ${fmt(await run('timeMembers', tag, now))}`);
			// each throttle level answers on its own day so the daily limits do not run out
			const day = now + rate * 86_400_000;
			console.log(`    answer -> next card ready:   ${fmt(await run('timeAnswers', all, day))}`);
		}
	} finally {
		await browser.close();
		server.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
