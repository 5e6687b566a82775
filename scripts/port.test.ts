import { describe, expect, it } from 'vitest';
import { servePort } from './port';

describe('the port npm start serves on', () => {
	it('is 4173 when PORT is not set or empty', () => {
		expect(servePort({})).toBe(4173);
		expect(servePort({ PORT: '' })).toBe(4173);
	});

	it('is PORT when it is set', () => {
		expect(servePort({ PORT: '8080' })).toBe(8080);
		expect(servePort({ PORT: ' 3000 ' })).toBe(3000);
	});

	it('refuses a PORT that is not a port, saying what it is', () => {
		for (const bad of ['abc', '80.5', '-1', '0', '65536', '4173x']) {
			expect(() => servePort({ PORT: bad })).toThrow(
				`PORT must be a whole number from 1 to 65535; it is "${bad}".`
			);
		}
	});
});
