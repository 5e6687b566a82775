/**
 * Where the app runs, for the offer to install it and the warning about Safari's storage:
 * - `installed`: started from the Home Screen or as an installed app (display-mode standalone);
 * - `ios-safari`: a Safari tab on an iPhone or iPad. Safari deletes a site's storage after seven
 *   days of use without a visit; installing (Share > Add to Home Screen) is the only way to
 *   install there, and the installed app starts with its own, empty storage;
 * - `browser`: anything else (a browser that may offer its own install prompt).
 * @example runContext({ userAgent: navigator.userAgent, platform: navigator.platform, maxTouchPoints: 5, standalone: false })
 */
export type RunContext = 'installed' | 'ios-safari' | 'browser';

export interface Environment {
	userAgent: string;
	/** navigator.platform: iPadOS Safari says `MacIntel` with a Mac user agent, but has touch. */
	platform: string;
	maxTouchPoints: number;
	/** `(display-mode: standalone)` matches, or Safari's navigator.standalone. */
	standalone: boolean;
}

// other browsers on iOS name themselves; they share Safari's engine but not its install path
const OTHER_IOS_BROWSERS = /CriOS|FxiOS|EdgiOS|OPiOS|OPT\/|GSA\/|YaBrowser|DuckDuckGo|Brave/;

export function runContext(env: Environment): RunContext {
	if (env.standalone) return 'installed';
	const iPhone = /iPhone|iPad|iPod/.test(env.userAgent);
	const iPad = env.platform === 'MacIntel' && env.maxTouchPoints > 1;
	const safari = /Safari\//.test(env.userAgent) && !OTHER_IOS_BROWSERS.test(env.userAgent);
	return (iPhone || iPad) && safari ? 'ios-safari' : 'browser';
}
