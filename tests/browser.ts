import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';

/** Debian's chromium package (`apt-get install chromium`), and its older name. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The Chromium to drive: `{ executablePath: undefined }` for Playwright's own build when one is
 * installed, else the first of the system paths that exists (E2E_CHROMIUM_PATHS, colon-separated,
 * replaces Debian's paths, so a test can stand for a machine without one); undefined if none.
 */
export function findChromium(
	env: NodeJS.ProcessEnv = process.env
): { executablePath: string | undefined } | undefined {
	const managed = chromium.executablePath();
	if (managed && existsSync(managed)) return { executablePath: undefined };
	const candidates = env.E2E_CHROMIUM_PATHS?.split(':') ?? SYSTEM_CHROMIUM;
	const path = candidates.find((p) => p && existsSync(p));
	return path ? { executablePath: path } : undefined;
}

/** The Chromium for Playwright's launchOptions.executablePath (see findChromium). */
export function browserExecutable(): string | undefined {
	const found = findChromium();
	if (!found) throw new Error(noBrowserLine(process.getuid?.() === 0));
	return found.executablePath;
}

export const CHROMIUM_ARGS = ['--disable-gpu', '--disable-quic'];

/** The one line a machine that has no browser and cannot install one gets. */
export function noBrowserLine(root: boolean): string {
	const apt = root ? 'apt-get install -y chromium' : 'sudo apt-get install -y chromium';
	return `No Chromium for the end-to-end tests and none could be installed here: run \`${apt}\` (or \`npx playwright install chromium\` where its download is reachable), then \`npm test\` again.`;
}

export interface BrowserSetup {
	/** Whether a browser is there now (findChromium). */
	found: () => boolean;
	/** Runs a command to its end; true if it succeeded. */
	run: (command: string[]) => boolean;
	/** apt-get only installs as root. */
	root: boolean;
	/** The apt-get to run (E2E_APT_GET, for tests). */
	aptGet: string;
}

/**
 * Makes sure the end-to-end tests have a browser: Playwright's own download where it can reach
 * it, else Debian's chromium with apt-get when running as root. Returns the one line to print:
 * what was installed (ok), or what to run (not ok); no line when a browser was already there.
 */
export function ensureBrowser(setup: BrowserSetup): { ok: boolean; line?: string } {
	const { found, run, root, aptGet } = setup;
	if (found()) return { ok: true };
	const playwright = [process.execPath, playwrightCli(), 'install', 'chromium'];
	if (run(playwright) && found())
		return { ok: true, line: 'Installed Playwright’s Chromium for the end-to-end tests.' };
	if (root && run([aptGet, 'update']) && run([aptGet, 'install', '-y', 'chromium']) && found())
		return { ok: true, line: 'Installed Debian’s chromium (apt-get) for the end-to-end tests.' };
	return { ok: false, line: noBrowserLine(root) };
}

function playwrightCli(): string {
	return createRequire(import.meta.url).resolve('@playwright/test/cli');
}

/** ensureBrowser on this machine, its output kept quiet: only the returned line is for the user. */
export function ensureBrowserHere(env: NodeJS.ProcessEnv = process.env) {
	return ensureBrowser({
		found: () => findChromium(env) !== undefined,
		run: ([command, ...args]) =>
			spawnSync(command!, args, {
				stdio: 'ignore',
				env: { ...env, DEBIAN_FRONTEND: 'noninteractive' }
			}).status === 0,
		root: process.getuid?.() === 0,
		aptGet: env.E2E_APT_GET ?? 'apt-get'
	});
}
