import { defineConfig, devices } from '@playwright/test';
import { browserExecutable, CHROMIUM_ARGS } from './tests/browser';

// PREVIEW_PORT lets several checkouts run their e2e suites side by side
export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PREVIEW_PORT}`,
		...devices['Pixel 7'],
		viewport: { width: 390, height: 844 },
		launchOptions: { executablePath: browserExecutable(), args: CHROMIUM_ARGS },
		serviceWorkers: 'allow',
		trace: 'off'
	},
	webServer: {
		command: `npx vite preview --port ${PREVIEW_PORT} --strictPort`,
		port: PREVIEW_PORT,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
