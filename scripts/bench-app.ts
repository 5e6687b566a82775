/**
 * App figures for `npm run bench`: JS per route, precache and deck size, and Lighthouse 12
 * (mobile, simulated throttling) for the main pages. Needs a build (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { browserExecutable, CHROMIUM_ARGS } from '../tests/browser';
import { fileSize, precacheSize, routeBundles } from './bundle-size';
import { installedAppOffline, markCardShown } from './installed-app';
import { median } from './median';

export const LIGHTHOUSE_PAGES = ['/', '/notes?tags=etcd', '/study', '/quiz', '/stats'];

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export async function sizeRows(): Promise<string[][]> {
	const rows = (await routeBundles()).map((r) => [
		`JS ${r.route}`,
		`initial ${kB(r.initial.raw)} (${kB(r.initial.gzip)} gz)`,
		`all ${kB(r.all.raw)} (${kB(r.all.gzip)} gz)`
	]);
	const deck = fileSize('build/deck.json');
	rows.push(['deck.json', `${kB(deck.raw)} (${kB(deck.gzip)} gz)`, '']);
	rows.push(['precache total', kB(precacheSize()), '']);
	return rows;
}

interface LighthouseFigures {
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
}

/** Median Lighthouse figures per page over `runs` runs against `vite preview`. */
export async function lighthouseRows(pages = LIGHTHOUSE_PAGES, runs = 3): Promise<string[][]> {
	const port = 4190;
	const server = await startPreview(port);
	const chromePath = browserExecutable() ?? undefined;
	const chrome = await chromeLauncher.launch({
		chromePath,
		chromeFlags: [
			'--headless',
			'--no-sandbox',
			...CHROMIUM_ARGS,
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	const rows: string[][] = [];
	try {
		for (const path of pages) {
			const results: LighthouseFigures[] = [];
			for (let i = 0; i < runs; i++) {
				const result = await lighthouse(`http://localhost:${port}${path}`, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility', 'best-practices']
				});
				const lhr = result?.lhr;
				if (!lhr || lhr.runtimeError) break;
				results.push({
					performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
					accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
					bestPractices: Math.round((lhr.categories['best-practices']?.score ?? 0) * 100),
					lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
					tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
					cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN
				});
			}
			if (results.length === 0) {
				rows.push([`Lighthouse ${path}`, 'failed to load', '']);
				continue;
			}
			const med = (pick: (r: LighthouseFigures) => number) => median(results.map(pick));
			rows.push([
				`Lighthouse ${path}`,
				`perf ${med((r) => r.performance)} a11y ${med((r) => r.accessibility)} bp ${med((r) => r.bestPractices)}`,
				`LCP ${Math.round(med((r) => r.lcpMs))} ms, TBT ${Math.round(med((r) => r.tbtMs))} ms, CLS ${med((r) => r.cls).toFixed(3)}`
			]);
		}
	} finally {
		await chrome.kill();
		server.kill();
	}
	return rows;
}

/**
 * Installed app, offline (server gone, network off), 4x CPU throttle, median of `runs` cold page
 * loads served by the service worker, timed in the page from the start of the navigation:
 * - to the first study card on screen (the card is seen by a MutationObserver as it is inserted,
 *   then the frame that shows it is painted);
 * - for reference, to the first paint of the home page, which is prerendered and reads nothing
 *   from IndexedDB: no page of the app can show anything sooner on this machine.
 */
export async function firstCardOfflineRows(runs = 7): Promise<string[][]> {
	const { browser, context, origin } = await installedAppOffline();
	const card: number[] = [];
	const home: number[] = [];
	try {
		await context.addInitScript(markCardShown);
		/** Opens `path` in a new tab and waits for `time` to give the page's figure. */
		const open = async (path: string, time: () => number | undefined) => {
			const tab = await context.newPage();
			const cdp = await context.newCDPSession(tab);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			await tab.goto(`${origin}${path}`);
			const ms = (await (await tab.waitForFunction(time)).jsonValue()) as number;
			await tab.close();
			return Math.round(ms);
		};
		for (let i = 0; i < runs; i++) {
			card.push(await open('/study?tags=etcd', () => (window as { cardShown?: number }).cardShown));
			home.push(
				await open('/', () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime)
			);
		}
	} finally {
		await browser.close();
	}
	return [
		['first card, offline, 4x CPU', `median ${median(card)} ms`, `runs ${card.join(', ')} ms`],
		[
			'home page first paint, offline, 4x CPU',
			`median ${median(home)} ms`,
			`runs ${home.join(', ')} ms`
		]
	];
}

async function startPreview(port: number): Promise<ChildProcess> {
	// vite itself, not through npx, so that kill() stops the server and not only a wrapper
	const vite = 'node_modules/vite/bin/vite.js';
	const child = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort'], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		child.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes(String(port))) resolve();
		});
		child.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
	});
	return child;
}

export function printTable(title: string, rows: string[][]): void {
	const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
	console.log(`\n${title}`);
	for (const row of rows)
		console.log(row.map((cell, c) => (cell ?? '').padEnd(widths[c]!)).join('  '));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	printTable('App sizes', await sizeRows());
	printTable('Installed app, offline', await firstCardOfflineRows());
	printTable('Lighthouse (mobile, simulated throttling, median of 3)', await lighthouseRows());
}
