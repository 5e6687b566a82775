/**
 * Issue 16: with the service worker installed, /quiz/?…, /study/?…, /notes/, /settings/,
 * /quiz/present/?… and /foo/bar showed the home page's HTML with no working JavaScript (the
 * fallback page's relative asset paths resolved under /quiz/). Each now opens its page, or the
 * not-found page, with no page error: online and offline, behind a plain static server and
 * behind one that redirects /quiz to /quiz/ as many static hosts do.
 */
import type { Page } from '@playwright/test';
import { dismissOfflineReadyOn, expect, test } from './fixtures';
import { waitForServiceWorker } from './service-worker';

const QUIZ = 'tags=etcd&n=5&seed=abc';
const links: { url: string; lands: RegExp; heading: RegExp }[] = [
	{ url: `/quiz/?${QUIZ}`, lands: /\/quiz\?tags=etcd&n=5&seed=abc$/, heading: /^Class quiz$/ },
	{ url: `/quiz?${QUIZ}`, lands: /\/quiz\?tags=etcd&n=5&seed=abc$/, heading: /^Class quiz$/ },
	{ url: '/study/?tags=etcd', lands: /\/study\?tags=etcd$/, heading: /etcd/ },
	{ url: '/notes/', lands: /\/notes$/, heading: /notes/i },
	{ url: '/settings/', lands: /\/settings$/, heading: /^Scheduler settings$/ },
	{
		url: `/quiz/present/?${QUIZ}`,
		lands: /\/quiz\/present\?tags=etcd&n=5&seed=abc$/,
		heading: /^Join the quiz$/
	},
	{ url: '/foo/bar', lands: /\/foo\/bar$/, heading: /^Page not found$/ },
	{ url: '/quiz/nothing/', lands: /\/quiz\/nothing$/, heading: /^Page not found$/ }
];

async function opens(page: Page, origin: string, link: (typeof links)[number]) {
	const errors: string[] = [];
	const onError = (e: Error) => errors.push(e.message);
	page.on('pageerror', onError);
	const response = await page.goto(`${origin}${link.url}`);
	expect(response?.fromServiceWorker(), `${link.url} from the worker`).toBe(true);
	await expect(page).toHaveURL(link.lands);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(link.heading);
	// the page's code runs: its router opens /stats without loading a new document
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 16));
	await page.locator('nav[aria-label="Main"] a[href="/stats"]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics');
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(16);
	page.off('pageerror', onError);
	expect(errors, `page errors on ${link.url}`).toEqual([]);
}

for (const host of [false, true]) {
	test(`with the worker installed, every link opens its page online and offline (${host ? 'host that redirects /quiz to /quiz/' : 'plain static server'})`, async ({
		page,
		serveBuild
	}) => {
		await dismissOfflineReadyOn(page);
		const { origin, goOffline } = await serveBuild({ host });
		await page.goto(`${origin}/`);
		await waitForServiceWorker(page);
		for (const link of links) await opens(page, origin, link);

		await goOffline();
		for (const link of links) await opens(page, origin, link);
	});
}

test('behind a host that redirects /quiz to /quiz/, a first visit with no worker yet shows the not-found page with working links', async ({
	page,
	serveBuild
}) => {
	const { origin } = await serveBuild({ host: true });
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const response = await page.goto(`${origin}/quiz?${QUIZ}`);
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await waitForServiceWorker(page);
	// from now on the worker answers: the same link opens the quiz
	await page.goto(`${origin}/quiz?${QUIZ}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Class quiz');
	expect(errors).toEqual([]);
});
