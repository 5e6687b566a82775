import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { reviewCount } from './app-db';
import { expect, test } from './fixtures';
import { waitForServiceWorker } from './service-worker';

/** Every prerendered page of the build, as a path the app serves (build/quiz/present.html -> /quiz/present). */
const pages = readdirSync('build', { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.html'))
	.map((f) => ({
		file: join('build', f),
		path: `/${relative('', f).replace(/(index)?\.html$/, '')}`
	}));

/** The policy in a page's <meta http-equiv="content-security-policy">, as directive -> sources. */
function policyOf(html: string): Map<string, string[]> {
	const metas = [
		...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)
	];
	expect(metas, 'exactly one CSP meta element').toHaveLength(1);
	return new Map(
		metas[0]![1]!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...sources]) => [name!, sources])
	);
}

test('the build has every page of the app', () => {
	expect(pages.map((p) => p.path).sort()).toEqual(
		[
			'/',
			'/404',
			'/notes',
			'/quiz',
			'/quiz/collect',
			'/quiz/present',
			'/quiz/report',
			'/quiz/results',
			'/settings',
			'/stats',
			'/study'
		].sort()
	);
});

for (const { file, path } of pages) {
	test(`${path} has a CSP that allows no inline script without its hash and no other origin`, () => {
		const html = readFileSync(file, 'utf8');
		const policy = policyOf(html);
		expect(policy.get('default-src')).toEqual(["'self'"]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'self'"]);
		const scriptSrc = policy.get('script-src') ?? [];
		for (const source of scriptSrc) expect(source).toMatch(/^'self'$|^'sha256-[A-Za-z0-9+/]+=*'$/);
		// no host, scheme or wildcard anywhere but data: images
		for (const [name, sources] of policy) {
			for (const s of sources) {
				if (name === 'img-src' && s === 'data:') continue;
				expect(s, `${name} ${s}`).toMatch(/^'(self|none|unsafe-inline|sha256-[A-Za-z0-9+/]+=*)'$/);
			}
			if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
		}
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)];
		expect(inline.length).toBeGreaterThan(0);
		for (const [, body] of inline) {
			const hash = createHash('sha256').update(body!).digest('base64');
			expect(scriptSrc, 'every inline script is allowed by its hash').toContain(`'sha256-${hash}'`);
		}
		// nothing loaded from elsewhere, no inline handlers, no javascript: URLs
		for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]*)"/gi)) {
			expect(url).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:)?\/\/|^javascript:/i);
		}
		expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
	});
}

/** Records CSP violations from the first script on: a blocked inline script or handler shows up. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	const console: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) console.push(m.text());
	});
	await page.addInitScript(() => {
		const w = window as unknown as { __violations: string[] };
		w.__violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	return async () => [
		...console,
		...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))
	];
}

test.use({ dismissOfflineReady: true });

test('every page runs under its CSP with no violation, online and then offline with the server gone', async ({
	page,
	serveBuild
}) => {
	test.setTimeout(90_000);
	const violations = await watchViolations(page);
	const { origin, goOffline } = await serveBuild();
	const visit = async (path: string) => {
		const response = await page.goto(`${origin}${path}`);
		await expect(page.locator('main h1, main h2').first()).toBeVisible();
		expect(await violations(), `CSP violations on ${path}`).toEqual([]);
		return response;
	};
	for (const { path } of pages) await visit(path);
	await waitForServiceWorker(page);

	await goOffline();
	for (const { path } of pages) {
		const response = await visit(path);
		expect(response?.fromServiceWorker(), path).toBe(true);
	}
	// the app works under the policy offline: a card is studied and saved
	await visit('/study?all');
	await page
		.getByRole('button', { name: 'Show answer' })
		.or(page.locator('.options button').first())
		.first()
		.click();
	const good = page.getByRole('button', { name: /Good/ });
	if (await good.isVisible()) await good.click();
	await expect.poll(() => reviewCount(page)).toBe(1);
	expect(await violations()).toEqual([]);
});
