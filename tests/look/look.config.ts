import { defineConfig } from '@playwright/test';
import base, { PREVIEW_PORT } from '../../playwright.config';

/**
 * Screenshots to look at by eye (issue 15), not part of `npm test`: after `npm run build`,
 * `PREVIEW_PORT=4195 npx playwright test --config tests/look/look.config.ts`.
 * The PNGs and the axe findings go to LOOK_DIR (default /tmp/look-15).
 */
export default defineConfig({
	...base,
	testDir: '.',
	testMatch: '*.look.ts',
	timeout: 180_000,
	webServer: {
		command: `npx vite preview --port ${PREVIEW_PORT} --strictPort`,
		cwd: '../..',
		port: PREVIEW_PORT,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
