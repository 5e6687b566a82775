import { describe, expect, it } from 'vitest';
import { runContext } from './platform';

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_SAFARI =
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const IPHONE_CHROME =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1';
const ANDROID_CHROME =
	'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

const phone = { platform: 'iPhone', maxTouchPoints: 5, standalone: false };

describe('runContext', () => {
	it('sees a Safari tab on an iPhone', () => {
		expect(runContext({ ...phone, userAgent: IPHONE_SAFARI })).toBe('ios-safari');
	});

	it('sees a Safari tab on an iPad, which says it is a Mac but has touch', () => {
		const ipad = { userAgent: IPAD_SAFARI, platform: 'MacIntel', standalone: false };
		expect(runContext({ ...ipad, maxTouchPoints: 5 })).toBe('ios-safari');
		// a real Mac's Safari has no touch points and keeps its storage as any desktop browser
		expect(runContext({ ...ipad, maxTouchPoints: 0 })).toBe('browser');
	});

	it('sees the app started from the Home Screen as installed', () => {
		expect(runContext({ ...phone, userAgent: IPHONE_SAFARI, standalone: true })).toBe('installed');
	});

	it('does not take other browsers on iOS, or Android, for Safari', () => {
		expect(runContext({ ...phone, userAgent: IPHONE_CHROME })).toBe('browser');
		const android = { userAgent: ANDROID_CHROME, platform: 'Linux armv8l', maxTouchPoints: 5 };
		expect(runContext({ ...android, standalone: false })).toBe('browser');
	});
});
