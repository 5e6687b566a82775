import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium to drive: Playwright's own build when one is installed, else Debian's
 * /usr/bin/chromium (`apt-get install chromium`), which is what .ci/run installs.
 */
export function browserExecutable(): string | undefined {
	const managed = chromium.executablePath();
	if (managed && existsSync(managed)) return undefined;
	for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
		if (existsSync(path)) return path;
	}
	throw new Error('No Chromium found: run `apt-get install -y chromium` (see .ci/run).');
}

export const CHROMIUM_ARGS = ['--disable-gpu', '--disable-quic'];
