import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig, type Plugin } from 'vitest/config';
import { servePort } from './scripts/port';

/**
 * jsQR (the Collect screen's QR decoder where the browser has no BarcodeDetector) carries a
 * Shift JIS table for kanji-mode codes: 35 of its 46 kB gzip. Result codes are alphanumeric, so
 * the table goes; a jsQR whose code no longer matches fails the build instead of growing again.
 */
function jsqrWithoutKanji(): Plugin {
	const table = /exports\.shiftJISTable = \{[\s\S]*?\n\};/;
	return {
		name: 'jsqr-without-kanji',
		transform(code, id) {
			if (!id.endsWith('/jsqr/dist/jsQR.js')) return;
			if (!table.test(code)) throw new Error(`jsqr-without-kanji: no Shift JIS table in ${id}`);
			return { code: code.replace(table, 'exports.shiftJISTable = {};'), map: null };
		}
	};
}

export default defineConfig({
	// `npm start` serves here; PORT=8080 npm start when 4173 is taken
	preview: { port: servePort(), strictPort: true },
	build: {
		// fewer, larger chunks: each request on a slow phone network costs a round trip
		rollupOptions: { output: { experimentalMinChunkSize: 10_000 } }
	},
	plugins: [
		jsqrWithoutKanji(),
		sveltekit(),
		SvelteKitPWA({
			registerType: 'prompt',
			injectRegister: false,
			// absolute, so a first visit to a nested page (/quiz/present) registers /sw.js, not /quiz/sw.js
			base: '/',
			scope: '/',
			manifest: {
				name: 'Kubernetes Security Study',
				short_name: 'K8s Sec',
				description:
					'Study the Kubernetes security course offline: notes by tag, flashcards, quizzes.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#ffffff',
				theme_color: '#1d4ed8',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			workbox: {
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest,json,txt}',
					'prerendered/**/*.{html,json}'
				],
				// deep links such as /notes?tags=etcd are served from the precached page
				ignoreURLParametersMatching: [/.*/],
				// /quiz/ -> /quiz (static/sw-links.js); a path the app does not have -> the not-found
				// page, except a file the host may have that is not precached (/robots.txt)
				importScripts: ['/sw-links.js'],
				navigateFallback: '/404.html',
				// pages are precached by their file names (quiz.html, answered for /quiz by Workbox's
				// cleanURLs): a host that redirects /quiz to /quiz/ would fail the install otherwise
				manifestTransforms: [
					async (entries) => ({
						manifest: entries
							.map((e) => ({
								...e,
								url: e.url.replace(/^(client|prerendered\/pages|prerendered\/dependencies)\//, '')
							}))
							// vite-plugin-pwa adds the web manifest itself
							.filter((e) => e.url !== 'manifest.webmanifest')
					})
				],
				navigateFallbackDenylist: [/\.[a-z0-9]+$/i],
				clientsClaim: true,
				cleanupOutdatedCaches: true
			}
		})
	],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node'
	}
});
