import { describe, expect, it } from 'vitest';
import { pointsFor } from './scoring';

describe('Kahoot points', () => {
	it('gives 1000 for a right answer at once', () => {
		expect(pointsFor(true, 0, 20_000)).toBe(1000);
	});

	it('gives 500 for a right answer at the last moment', () => {
		expect(pointsFor(true, 20_000, 20_000)).toBe(500);
	});

	it('follows round(1000 * (1 - (elapsed / limit) / 2)) in between', () => {
		expect(pointsFor(true, 5_000, 20_000)).toBe(875);
		expect(pointsFor(true, 1_234, 10_000)).toBe(Math.round(1000 * (1 - 1_234 / 10_000 / 2)));
		expect(pointsFor(true, 1, 30_000)).toBe(1000);
	});

	it('gives 0 for a wrong answer, however fast', () => {
		expect(pointsFor(false, 0, 20_000)).toBe(0);
	});

	it('gives 0 after the limit', () => {
		expect(pointsFor(true, 20_001, 20_000)).toBe(0);
	});

	it('treats a negative elapsed time (clock change) as 0', () => {
		expect(pointsFor(true, -500, 20_000)).toBe(1000);
	});

	it('gives a flat 1000 for a right answer in an untimed quiz', () => {
		expect(pointsFor(true, 999_999, null)).toBe(1000);
		expect(pointsFor(false, 1, null)).toBe(0);
	});
});

describe('accuracy scoring', () => {
	it('gives a right answer in time a flat 1000 whatever its speed', () => {
		expect(pointsFor(true, 19_000, 20_000, 'accuracy')).toBe(1000);
		expect(pointsFor(true, 21_000, 20_000, 'accuracy')).toBe(0);
		expect(pointsFor(false, 1_000, 20_000, 'accuracy')).toBe(0);
	});

	it('measures speed against the time the student had, extra time included', () => {
		expect(pointsFor(true, 15_000, 30_000)).toBe(pointsFor(true, 10_000, 20_000));
	});
});
