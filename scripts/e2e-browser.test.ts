import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ensureBrowser, noBrowserLine, type BrowserSetup } from '../tests/browser';

// tsx starts slowly on a loaded shared machine
vi.setConfig({ testTimeout: 60_000 });

/** A machine where the browser appears once one of the `works` commands has run. */
function machine(works: (command: string[]) => boolean, root: boolean) {
	const ran: string[] = [];
	let installed = false;
	const setup: BrowserSetup = {
		found: () => installed,
		run: (command) => {
			ran.push(command.slice(command[0] === process.execPath ? 2 : 0).join(' '));
			installed ||= works(command);
			return works(command);
		},
		root,
		aptGet: 'apt-get'
	};
	return { setup, ran };
}

describe('npm test finds or installs its browser', () => {
	it('runs nothing when a browser is there', () => {
		const ran: string[] = [];
		const result = ensureBrowser({
			found: () => true,
			run: (c) => (ran.push(c.join(' ')), true),
			root: true,
			aptGet: 'apt-get'
		});
		expect(result).toEqual({ ok: true });
		expect(ran).toEqual([]);
	});

	it('uses Playwright’s own download where it can reach it', () => {
		const { setup, ran } = machine((c) => c[0] === process.execPath, true);
		expect(ensureBrowser(setup)).toEqual({
			ok: true,
			line: 'Installed Playwright’s Chromium for the end-to-end tests.'
		});
		expect(ran).toEqual(['install chromium']);
	});

	it('falls back to Debian’s chromium with apt-get as root', () => {
		const { setup, ran } = machine((c) => c[0] === 'apt-get', true);
		expect(ensureBrowser(setup).ok).toBe(true);
		expect(ran).toEqual(['install chromium', 'apt-get update', 'apt-get install -y chromium']);
	});

	it('does not try apt-get without root, and says what to run in one line', () => {
		const { setup, ran } = machine(() => false, false);
		const result = ensureBrowser(setup);
		expect(ran).toEqual(['install chromium']);
		expect(result).toEqual({ ok: false, line: noBrowserLine(false) });
		expect(result.line).toContain('`sudo apt-get install -y chromium`');
	});

	it('counts an install that succeeds without leaving a browser as a failure', () => {
		const { setup } = machine(() => true, true);
		setup.found = () => false;
		expect(ensureBrowser(setup)).toEqual({ ok: false, line: noBrowserLine(true) });
	});
});

describe('scripts/e2e-browser.ts', () => {
	const script = (env: NodeJS.ProcessEnv) =>
		spawnSync(process.execPath, ['--import', 'tsx', 'scripts/e2e-browser.ts'], {
			encoding: 'utf8',
			env: { ...process.env, ...env }
		});

	it('stops with exactly one line on a machine with no browser that cannot install one', () => {
		const { status, stdout, stderr } = script({
			// no Playwright browser, no system chromium, Playwright's download unreachable, apt fails
			PLAYWRIGHT_BROWSERS_PATH: mkdtempSync(join(tmpdir(), 'no-browsers-')),
			E2E_CHROMIUM_PATHS: '/nonexistent/chromium',
			PLAYWRIGHT_DOWNLOAD_HOST: 'http://127.0.0.1:9',
			E2E_APT_GET: 'false'
		});
		expect(status).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toBe(noBrowserLine(process.getuid?.() === 0) + '\n');
	});

	it('is silent and succeeds when a browser is found', () => {
		// a stand-in browser path: on a fresh machine with none, the real lookup would install
		// one from inside the unit tests (seen: apt-get ran, and the test failed on its message)
		const { status, stdout, stderr } = script({
			PLAYWRIGHT_BROWSERS_PATH: mkdtempSync(join(tmpdir(), 'no-browsers-')),
			E2E_CHROMIUM_PATHS: process.execPath
		});
		expect({ status, stdout, stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
	});
});
