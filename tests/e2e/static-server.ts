import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.txt': 'text/plain'
};

/**
 * Serves the built app (build/) the way a static host does, on a port of its own, so a test can
 * stop it (a real outage, not only `setOffline`) or change what it serves (a new deployment).
 */
export class StaticServer {
	#server: Server | undefined;
	/** Appended to sw.js: a different worker, as after a new deployment. */
	swSuffix = '';

	/**
	 * `host: true` behaves as many static hosts do: a path naming a folder (/quiz, since build/quiz/
	 * exists) is redirected to the folder (/quiz/), and an unknown path gets 404.html with status 404.
	 */
	constructor(
		readonly root = 'build',
		readonly options: { host?: boolean } = {}
	) {}

	async start(): Promise<string> {
		this.#server = createServer(async (req, res) => {
			const url = new URL(req.url ?? '/', 'http://x');
			const path = decodeURIComponent(url.pathname);
			if (this.options.host && !path.endsWith('/')) {
				const folder = join(this.root, normalize(path));
				const isFolder = await stat(folder).then(
					(s) => s.isDirectory(),
					() => false
				);
				if (isFolder && folder.startsWith(normalize(this.root))) {
					res.writeHead(301, { location: `${path}/${url.search}` }).end();
					return;
				}
			}
			for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
				const file = join(this.root, normalize(candidate));
				if (!file.startsWith(normalize(this.root))) break;
				try {
					let body: Buffer | string = await readFile(file);
					if (candidate === '/sw.js') body = body.toString() + this.swSuffix;
					res.writeHead(200, {
						'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
						'cache-control': 'no-cache'
					});
					res.end(body);
					return;
				} catch {
					// try the next candidate
				}
			}
			if (this.options.host) {
				const page = await readFile(join(this.root, '404.html')).catch(() => undefined);
				if (page) {
					res.writeHead(404, { 'content-type': TYPES['.html']! }).end(page);
					return;
				}
			}
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		});
		await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
		const { port } = this.#server.address() as AddressInfo;
		return `http://127.0.0.1:${port}`;
	}

	async stop(): Promise<void> {
		const server = this.#server;
		this.#server = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}
