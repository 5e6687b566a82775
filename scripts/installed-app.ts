/**
 * The built app as a student on a train has it, for the benchmarks: installed (its service worker
 * took everything after one visit), then offline with the server gone. Needs a build.
 */
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { browserExecutable, CHROMIUM_ARGS } from '../tests/browser';
import { waitForServiceWorker } from '../tests/e2e/service-worker';
import { StaticServer } from '../tests/e2e/static-server';

export interface InstalledApp {
	browser: Browser;
	/** Offline: every page comes from the service worker. */
	context: BrowserContext;
	origin: string;
}

/** A phone-sized browser that opened `path` (a study link) once, then went offline. */
export async function installedAppOffline(path = '/study?tags=etcd'): Promise<InstalledApp> {
	const server = new StaticServer();
	const origin = await server.start();
	const browser = await chromium.launch({
		executablePath: browserExecutable(),
		args: CHROMIUM_ARGS
	});
	try {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(`${origin}${path}`);
		await waitForServiceWorker(page);
		await page.locator('article.card').first().waitFor();
		await page.close();
		await context.setOffline(true);
		return { browser, context, origin };
	} catch (e) {
		await browser.close();
		throw e;
	} finally {
		await server.stop();
	}
}

/**
 * Runs in the page before its scripts (`addInitScript`): `window.cardShown` and the mark
 * `card-shown` at the frame that shows the first study card (seen by a MutationObserver as it is
 * inserted; requestAnimationFrame runs just before that paint, a task queued from it just after).
 */
export function markCardShown(): void {
	const seen = new MutationObserver(() => {
		if (!document.querySelector('article.card')) return;
		seen.disconnect();
		requestAnimationFrame(() =>
			setTimeout(() => {
				(window as { cardShown?: number }).cardShown = performance.now();
				performance.mark('card-shown');
			})
		);
	});
	seen.observe(document, { subtree: true, childList: true });
}
