import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
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

	constructor(readonly root = 'build') {}

	async start(): Promise<string> {
		this.#server = createServer(async (req, res) => {
			const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
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
