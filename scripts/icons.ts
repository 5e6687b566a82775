/** npm run icons: renders static/icons/*.svg to the PNG sizes the web manifest lists. */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { browserExecutable } from '../tests/browser';

const renders = [
	{ svg: 'icon.svg', png: 'icon-192.png', size: 192 },
	{ svg: 'icon.svg', png: 'icon-512.png', size: 512 },
	{ svg: 'icon.svg', png: 'apple-touch-icon.png', size: 180 },
	{ svg: 'maskable.svg', png: 'icon-maskable-512.png', size: 512 }
];

const browser = await chromium.launch({ executablePath: browserExecutable() });
for (const { svg, png, size } of renders) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	const markup = readFileSync(`static/icons/${svg}`, 'utf8');
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`
	);
	await page.screenshot({ path: `static/icons/${png}`, omitBackground: true });
	await page.close();
}
await browser.close();
