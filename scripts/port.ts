/** The port `npm start` (vite preview) serves on when PORT is not set. */
export const DEFAULT_PORT = 4173;

/**
 * The port to serve the built app on: PORT from the environment, else 4173.
 * @example servePort({ PORT: '8080' }) // 8080
 */
export function servePort(env: Record<string, string | undefined> = process.env): number {
	const written = env.PORT?.trim();
	if (!written) return DEFAULT_PORT;
	const port = Number(written);
	if (!/^\d+$/.test(written) || port < 1 || port > 65535) {
		throw new Error(`PORT must be a whole number from 1 to 65535; it is "${env.PORT}".`);
	}
	return port;
}
