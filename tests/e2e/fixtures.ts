import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { StaticServer } from './static-server';

export { expect };
export type { Page } from '@playwright/test';

/** The built app on a static server of its own (see StaticServer), stopped after the test. */
export interface ServedBuild {
	origin: string;
	server: StaticServer;
	/** A real outage: the browser offline and the server stopped. */
	goOffline(): Promise<void>;
}

interface Fixtures {
	/**
	 * Taps OK on "ready to work offline" whenever it shows before an action, as a person would
	 * (`test.use({ dismissOfflineReady: true })`). Off by default: tests of the message see it.
	 */
	dismissOfflineReady: boolean;
	/** The "ready to work offline" message, and a close() for a screenshot without it. */
	offlineReady: { note: Locator; close(): Promise<void> };
	/**
	 * Fails the test on axe violations: serious and critical ones by default, any with
	 * `{ impacts: 'any' }`; `include` narrows the check to a selector, `page` checks another page.
	 */
	expectAccessible: (options?: {
		page?: Page;
		include?: string;
		impacts?: 'serious' | 'any';
	}) => Promise<void>;
	/** Starts the built app (or `root`) on a static server; `host` redirects as many hosts do. */
	serveBuild: (options?: { root?: string; host?: boolean }) => Promise<ServedBuild>;
}

/** The offline-ready message on a page. */
export const offlineReadyNote = (page: Page) =>
	page.getByRole('status').filter({ hasText: 'ready to work offline' });

/** Axe on a page: no serious or critical violation (`impacts: 'any'`: none at all). */
export async function axeCheck(
	page: Page,
	{ include, impacts = 'serious' }: { include?: string; impacts?: 'serious' | 'any' } = {}
): Promise<void> {
	const builder = new AxeBuilder({ page });
	const { violations } = await (include ? builder.include(include) : builder).analyze();
	const counted = violations.filter(
		(v) => impacts === 'any' || v.impact === 'serious' || v.impact === 'critical'
	);
	expect(counted.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/**
 * Whether something else is on top of the control's middle once a person has scrolled just far
 * enough to see it (it then sits at the bottom of the screen).
 */
export function isCovered(control: Locator): Promise<boolean> {
	return control.evaluate((element) => {
		element.scrollIntoView({ block: 'end' });
		const box = element.getBoundingClientRect();
		const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
		return !element.contains(top);
	});
}

/** Taps OK on "ready to work offline" whenever it shows before an action on this page. */
export async function dismissOfflineReadyOn(page: Page): Promise<void> {
	const note = offlineReadyNote(page);
	await page.addLocatorHandler(note, () => tapOk(note));
}

/** Taps OK; the message also goes by itself, so a tap that comes too late is no failure. */
const tapOk = (note: Locator) =>
	note
		.getByRole('button', { name: 'OK' })
		.click({ timeout: 2000 })
		.catch(() => {});

export const test = base.extend<Fixtures>({
	dismissOfflineReady: [false, { option: true }],

	page: async ({ page, dismissOfflineReady }, use) => {
		if (dismissOfflineReady) await dismissOfflineReadyOn(page);
		await use(page);
	},

	offlineReady: async ({ page }, use) => {
		const note = offlineReadyNote(page);
		await use({
			note,
			close: async () => {
				if (await note.isVisible()) await tapOk(note);
			}
		});
	},

	expectAccessible: async ({ page }, use) => {
		await use(({ page: target = page, ...options } = {}) => axeCheck(target, options));
	},

	serveBuild: async ({ context }, use) => {
		const started: StaticServer[] = [];
		await use(async ({ root = 'build', host = false } = {}) => {
			const server = new StaticServer(root, { host });
			started.push(server);
			const origin = await server.start();
			return {
				origin,
				server,
				goOffline: async () => {
					await context.setOffline(true);
					await server.stop();
				}
			};
		});
		await context.setOffline(false);
		for (const server of started) await server.stop();
	}
});
