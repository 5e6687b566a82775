import { spawn } from 'node:child_process';
import { PREVIEW_PORT } from '../../playwright.config';
import { expect, test } from './fixtures';

// issue 15: `npm start` could not serve elsewhere when 4173 was taken; it now reads PORT
/** Runs `npm run preview` (what `npm start` ends with) with PORT set; stops it afterwards. */
function preview(port: number) {
	const child = spawn('npm', ['run', 'preview'], {
		env: { ...process.env, PORT: String(port) },
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	return {
		output: () => output,
		exited,
		stop: () => {
			if (child.exitCode === null && child.pid) process.kill(-child.pid);
		}
	};
}

test('PORT chooses the port the built app is served on', async ({ page }) => {
	const port = PREVIEW_PORT + 1000;
	const server = preview(port);
	try {
		await expect
			.poll(async () => (await fetch(`http://localhost:${port}/`).catch(() => undefined))?.status, {
				timeout: 30_000
			})
			.toBe(200);
		await page.goto(`http://localhost:${port}/notes?tags=etcd`);
		await expect(page.locator('ol.notes article').first()).toBeVisible();
	} finally {
		server.stop();
	}
});

test('a PORT already taken stops with a message instead of serving elsewhere', async () => {
	// the test server itself holds PREVIEW_PORT
	const server = preview(PREVIEW_PORT);
	try {
		expect(await server.exited).not.toBe(0);
		expect(server.output()).toContain(`Port ${PREVIEW_PORT} is already in use`);
	} finally {
		server.stop();
	}
});
