/**
 * npx tsx scripts/trace-study.ts [--runs 3] [--path '/study?tags=etcd'] [--functions]
 *
 * Where the time to the first study card goes, in the conditions of `npm run bench:app` (the
 * installed app, offline, 4x CPU throttle): a Chrome trace of each cold load, printed as
 * - a timeline: when each file came back from the service worker, when each IndexedDB
 *   transaction ran, first paint, the card on screen;
 * - the renderer main thread's time up to the card, by what it did (script by file, parse and
 *   compile, style and layout, paint, garbage collection) and how long it sat idle (waiting for
 *   the service worker or IndexedDB), in five phases; `--functions` splits script time by function.
 * Needs a build (`npm run build`). Prints figures only; tracing itself slows the page somewhat.
 */
import { parseArgs } from 'node:util';
import { installedAppOffline, markCardShown } from './installed-app';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '3' },
		path: { type: 'string', default: '/study?tags=etcd' },
		functions: { type: 'boolean', default: false }
	}
});

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	id?: string;
	args?: { name?: string; data?: Record<string, unknown> };
}

interface PageFigures {
	/** Each file fetched: its URL, when it was asked for and when it came back (ms from navigation). */
	files: [string, number, number][];
	idb: [string, number, number][];
	fcp?: number;
	card: number;
}

/** Runs in the page before its scripts: notes IndexedDB open/transaction spans. */
function instrument() {
	const spans: [string, number, number][] = [];
	(window as unknown as { idbSpans: typeof spans }).idbSpans = spans;
	const open = IDBFactory.prototype.open;
	IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<typeof open>) {
		const t = performance.now();
		const request = open.apply(this, args);
		request.addEventListener('success', () => spans.push(['open', t, performance.now()]));
		return request;
	};
	const transaction = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (
		this: IDBDatabase,
		...args: Parameters<typeof transaction>
	) {
		const t = performance.now();
		const tx = transaction.apply(this, args);
		const stores = [...tx.objectStoreNames].join('+');
		const done = () => spans.push([`${tx.mode} ${stores}`, t, performance.now()]);
		tx.addEventListener('complete', done);
		tx.addEventListener('abort', done);
		return tx;
	};
}

const short = (url: string) => url.replace(/^.*\//, '').replace(/\?.*$/, '') || url;

interface ProfileNode {
	id: number;
	parent?: number;
	callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
}

/** CPU samples of the page's main thread: [trace µs, what ran] (a file, or a V8 state). */
function samples(events: TraceEvent[], pid: number): [number, string][] {
	const nodes = new Map<number, ProfileNode>();
	const out: [number, string][] = [];
	const profiles = new Map<string, number>();
	for (const e of events) {
		const data = e.args?.data;
		if (e.name === 'Profile') profiles.set(String(e.id), data!.startTime as number);
		if (e.name !== 'ProfileChunk' || e.pid !== pid) continue;
		const id = String(e.id);
		const profile = data!.cpuProfile as { nodes?: ProfileNode[]; samples?: number[] };
		for (const node of profile.nodes ?? []) nodes.set(node.id, node);
		const deltas = (data!.timeDeltas as number[]) ?? [];
		let t = profiles.get(id) ?? 0;
		(profile.samples ?? []).forEach((sample, i) => {
			t += deltas[i] ?? 0;
			profiles.set(id, t);
			out.push([t, sampleLabel(nodes, sample)]);
		});
	}
	return out.sort((a, b) => a[0] - b[0]);
}

/** A sample's file: the nearest frame up the stack that has one. */
function sampleLabel(nodes: Map<number, ProfileNode>, id: number): string {
	const leaf = nodes.get(id);
	if (!leaf) return '?';
	const name = leaf.callFrame.functionName;
	if (name === '(program)') return 'browser work (parse, style, layout, paint, IPC)';
	if (name === '(idle)') return 'idle (waiting: service worker, IndexedDB, timers)';
	if (name === '(garbage collector)') return 'garbage collection';
	for (let node: ProfileNode | undefined = leaf; node; node = nodes.get(node.parent ?? -1)) {
		const { url, functionName, lineNumber, columnNumber } = node.callFrame;
		if (!url) continue;
		const where = values.functions
			? ` ${functionName || '(anonymous)'}:${lineNumber}:${columnNumber}`
			: '';
		return `script ${short(url)}${where}`;
	}
	return `script (${name || 'anonymous'})`;
}

/** Milliseconds of samples by what ran, between two trace times. */
function breakdown(list: [number, string][], from: number, to: number): [string, number][] {
	const by = new Map<string, number>();
	for (let i = 1; i < list.length; i++) {
		const [t, what] = list[i]!;
		const start = Math.max(list[i - 1]![0], from);
		const end = Math.min(t, to);
		if (end > start) by.set(what, (by.get(what) ?? 0) + (end - start) / 1000);
	}
	return [...by].sort((a, b) => b[1] - a[1]);
}

/** Time in trace events of some names (style, layout, paint) between two trace times, in ms. */
function eventTime(events: TraceEvent[], names: RegExp, from: number, to: number): number {
	let us = 0;
	for (const e of events)
		if (e.ph === 'X' && names.test(e.name) && e.ts >= from && e.ts < to) us += e.dur ?? 0;
	return us / 1000;
}

async function main(): Promise<void> {
	const { browser, context, origin } = await installedAppOffline(values.path);
	try {
		// tsx compiles named functions with esbuild's __name helper: give the page one
		await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
		await context.addInitScript(instrument);
		await context.addInitScript(markCardShown);
		for (let run = 0; run < Number(values.runs); run++) {
			const tab = await context.newPage();
			const cdp = await context.newCDPSession(tab);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			await browser.startTracing(tab, {
				categories: [
					'devtools.timeline',
					'disabled-by-default-devtools.timeline',
					'v8.execute',
					'disabled-by-default-v8.cpu_profiler',
					'blink.user_timing',
					'loading',
					'__metadata'
				]
			});
			await tab.goto(`${origin}${values.path}`);
			await tab.waitForFunction(() => (window as { cardShown?: number }).cardShown);
			const figures: PageFigures = await tab.evaluate(() => ({
				files: performance
					.getEntriesByType('resource')
					.map((r) => [r.name, r.startTime, (r as PerformanceResourceTiming).responseEnd]),
				idb: (window as unknown as { idbSpans: [string, number, number][] }).idbSpans,
				fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
				card: (window as { cardShown?: number }).cardShown!
			}));
			const trace = JSON.parse((await browser.stopTracing()).toString()) as {
				traceEvents: TraceEvent[];
			};
			await tab.close();
			report(run, figures, trace.traceEvents);
		}
	} finally {
		await browser.close();
	}
}

function report(run: number, figures: PageFigures, events: TraceEvent[]): void {
	const navigation = events.find(
		(e) => e.name === 'navigationStart' && e.cat.includes('user_timing')
	);
	const cardMark = events.find((e) => e.name === 'card-shown');
	const ms = (n: number) => `${Math.round(n)}`.padStart(5);
	console.log(
		`\nrun ${run + 1}: card on screen at ${Math.round(figures.card)} ms, first paint ${Math.round(figures.fcp ?? NaN)} ms`
	);
	const lines: [number, string][] = [
		...figures.files.map(([url, start, end]): [number, string] => [
			end,
			`${ms(start)} -> ${ms(end)}  file ${short(url)}`
		]),
		...figures.idb.map(([what, start, end]): [number, string] => [
			end,
			`${ms(start)} -> ${ms(end)}  IndexedDB ${what}`
		])
	];
	for (const [, line] of lines.sort((a, b) => a[0] - b[0])) console.log(`  ${line}`);
	if (!navigation || !cardMark) {
		console.log('  (no navigationStart / card-shown in the trace)');
		return;
	}
	const list = samples(events, navigation.pid);
	const at = (ms: number) => navigation.ts + ms * 1000;
	const deckEnd = figures.files.find(([url]) => url.endsWith('/deck.json'))?.[2] ?? 0;
	const later = figures.files.filter(([url, start]) => start > deckEnd && url.endsWith('.js'));
	const open = figures.idb.find(([what]) => what === 'open');
	// SvelteKit's start() asks for its error page first, then the page asks for the session's files
	const [kitStart, sessionFiles] = later.map(([, start]) => start);
	const phases: [string, number, number][] = [
		['navigation to first paint (HTML, CSS)', 0, figures.fcp ?? 0],
		['first paint to SvelteKit start (initial JS evaluated)', figures.fcp ?? 0, kitStart ?? 0],
		['SvelteKit start to session files requested (hydration)', kitStart ?? 0, sessionFiles ?? 0],
		['session files to IndexedDB open (load, evaluate, mount)', sessionFiles ?? 0, open?.[1] ?? 0],
		['IndexedDB open to card on screen (reads, render)', open?.[1] ?? 0, figures.card]
	];
	for (const [name, from, to] of phases) {
		if (to <= from) continue;
		console.log(
			`  ${name}: ${Math.round(from)} -> ${Math.round(to)} ms (${Math.round(to - from)} ms)`
		);
		for (const [what, v] of breakdown(list, at(from), at(to)).filter(([, v]) => v >= 2))
			console.log(`    ${v.toFixed(0).padStart(5)}  ${what}`);
		const style = eventTime(events, /^(UpdateLayoutTree|RecalculateStyles)$/, at(from), at(to));
		const layout = eventTime(events, /^Layout$/, at(from), at(to));
		const paint = eventTime(events, /^(Paint|PrePaint|Layerize|Commit)$/, at(from), at(to));
		const parse = eventTime(events, /^ParseHTML$/, at(from), at(to));
		console.log(
			`    of which (trace events): style ${style.toFixed(0)}, layout ${layout.toFixed(0)}, paint ${paint.toFixed(0)}, parse HTML ${parse.toFixed(0)}`
		);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
