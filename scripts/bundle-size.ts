/**
 * JavaScript each page of the built app loads, from Vite's client manifest and SvelteKit's route
 * table: what the page needs before it is interactive (entry chunks plus the route's nodes and
 * their static imports) and everything it may load (plus their dynamic imports).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
}

export interface Size {
	raw: number;
	gzip: number;
}

export interface RouteBundle {
	route: string;
	initial: Size;
	all: Size;
}

const OUTPUT = '.svelte-kit/output';
const NODE_KEY = /client-optimized\/nodes\/(\d+)\.js$/;

export async function routeBundles(output = OUTPUT): Promise<RouteBundle[]> {
	const manifest = JSON.parse(
		readFileSync(join(output, 'client/.vite/manifest.json'), 'utf8')
	) as Record<string, ManifestChunk>;
	const server = await import(pathToFileURL(join(output, 'server/manifest-full.js')).href);
	const routes = (
		server.manifest._.routes as { id: string; page?: { layouts: number[]; leaf: number } }[]
	).filter((r) => r.page);

	const entries = Object.keys(manifest).filter(
		(key) => manifest[key]?.isEntry && !NODE_KEY.test(key)
	);
	const sizeOf = (files: Set<string>): Size => {
		let raw = 0;
		let gzip = 0;
		for (const key of files) {
			const bytes = readFileSync(join(output, 'client', manifest[key]!.file));
			raw += bytes.length;
			gzip += gzipSync(bytes, { level: 9 }).length;
		}
		return { raw, gzip };
	};

	return routes.map((route) => {
		const nodeIds = new Set(
			[...route.page!.layouts, route.page!.leaf].filter((n) => n !== undefined)
		);
		const nodeKeys = Object.keys(manifest).filter((key) => {
			const match = NODE_KEY.exec(key);
			return match && nodeIds.has(Number(match[1]));
		});
		const initial = closure(manifest, [...entries, ...nodeKeys], false, nodeIds);
		const all = closure(manifest, [...entries, ...nodeKeys], true, nodeIds);
		return { route: route.id, initial: sizeOf(initial), all: sizeOf(all) };
	});
}

/** Chunks reachable from `start` by static imports (and dynamic ones if asked), JS only. */
function closure(
	manifest: Record<string, ManifestChunk>,
	start: string[],
	followDynamic: boolean,
	routeNodes: Set<number>
): Set<string> {
	const seen = new Set<string>();
	const stack = [...start];
	while (stack.length) {
		const key = stack.pop()!;
		const chunk = manifest[key];
		if (seen.has(key) || !chunk || !chunk.file.endsWith('.js')) continue;
		seen.add(key);
		stack.push(...(chunk.imports ?? []));
		if (followDynamic) {
			for (const dynamic of chunk.dynamicImports ?? []) {
				// other routes' nodes are not this page's code
				const node = NODE_KEY.exec(dynamic);
				if (node && !routeNodes.has(Number(node[1]))) continue;
				if (dynamic.includes('error-template')) continue;
				stack.push(dynamic);
			}
		}
	}
	return seen;
}

/** Total bytes the service worker precaches, from the generated sw.js. */
export function precacheSize(build = 'build'): number {
	const sw = readFileSync(join(build, 'sw.js'), 'utf8');
	const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
	return urls.reduce((sum, url) => {
		const path = url === '/' ? 'index.html' : url.replace(/^\//, '');
		for (const candidate of [path, `${path}.html`]) {
			try {
				const stat = statSync(join(build, candidate));
				if (stat.isFile()) return sum + stat.size;
			} catch {
				// try the next form
			}
		}
		return sum;
	}, 0);
}

export function fileSize(path: string): Size {
	const bytes = readFileSync(path);
	return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
