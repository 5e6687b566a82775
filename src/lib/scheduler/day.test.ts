import { describe, expect, it } from 'vitest';
import { studyDayEnd, studyDayKey, studyDayStart } from './day';

// local-time constructors: the same wall-clock hours in any time zone
const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m);

describe('study day rolls over at 4 am local time', () => {
	it('counts 03:59 as the previous day', () => {
		expect(studyDayKey(at(27, 3, 59), 4)).toBe('2026-11-26');
		expect(studyDayStart(at(27, 3, 59), 4)).toEqual(at(26, 4));
	});

	it('starts a new day at 04:00 exactly', () => {
		expect(studyDayKey(at(27, 4), 4)).toBe('2026-11-27');
		expect(studyDayEnd(at(27, 4), 4)).toEqual(at(28, 4));
	});

	it('keeps 23:30 on the same day', () => {
		expect(studyDayKey(at(27, 23, 30), 4)).toBe('2026-11-27');
		expect(studyDayEnd(at(27, 23, 30), 4)).toEqual(at(28, 4));
	});

	it('crosses a month boundary', () => {
		expect(studyDayKey(new Date(2026, 11, 1, 2), 4)).toBe('2026-11-30');
	});
});
