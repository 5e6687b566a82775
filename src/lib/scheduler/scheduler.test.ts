import { describe, expect, it } from 'vitest';
import { createEmptyCard, GRADES, formatInterval, Rating, Scheduler, State } from './scheduler';
import { defaultSettings, normalizeSettings, parseSteps } from './settings';

const now = new Date(2026, 10, 27, 10, 0);
const settings = { ...defaultSettings(), enableFuzz: false };

describe('Scheduler', () => {
	it('puts a new card answered Good on the second learning step (10 min)', () => {
		const { card, log } = new Scheduler(settings).answer(createEmptyCard(now), now, Rating.Good);
		expect(card.state).toBe(State.Learning);
		expect(card.due.getTime() - now.getTime()).toBe(10 * 60_000);
		expect(log.state).toBe(State.New);
	});

	it('previews one interval per grade, increasing from Again to Easy', () => {
		const preview = new Scheduler(settings).preview(createEmptyCard(now), now);
		const ms = GRADES.map((g) => preview[g].due.getTime() - now.getTime());
		expect(ms[0]).toBe(60_000);
		expect([...ms].sort((a, b) => a - b)).toEqual(ms);
	});

	it('uses the learning steps from the settings', () => {
		const s = new Scheduler({ ...settings, learningSteps: ['5m'] });
		const { card } = s.answer(createEmptyCard(now), now, Rating.Again);
		expect(card.due.getTime() - now.getTime()).toBe(5 * 60_000);
	});

	it('never schedules beyond the maximum interval', () => {
		const s = new Scheduler({ ...settings, maximumInterval: 30 });
		let card = createEmptyCard(now);
		let t = now;
		for (let i = 0; i < 10; i++) {
			card = s.answer(card, t, Rating.Good).card;
			t = card.due;
		}
		expect(card.scheduled_days).toBeLessThanOrEqual(30);
	});

	it('gives longer intervals at lower desired retention', () => {
		const interval = (r: number) => {
			const s = new Scheduler({ ...settings, desiredRetention: r });
			const first = s.answer(createEmptyCard(now), now, Rating.Easy).card;
			return s.answer(first, first.due, Rating.Good).card.scheduled_days;
		};
		expect(interval(0.8)).toBeGreaterThan(interval(0.95));
	});
});

describe('formatInterval', () => {
	it('formats like Anki buttons', () => {
		expect(formatInterval(60_000)).toBe('1m');
		expect(formatInterval(10 * 60_000)).toBe('10m');
		expect(formatInterval(3 * 3600_000)).toBe('3h');
		expect(formatInterval(4 * 86400_000)).toBe('4d');
		expect(formatInterval(75 * 86400_000)).toBe('2.5mo');
		expect(formatInterval(438 * 86400_000)).toBe('1.2y');
	});
});

describe('settings', () => {
	it('falls back to defaults for out-of-range values', () => {
		const s = normalizeSettings({ desiredRetention: 0.5, newPerDay: -1, learningSteps: ['x'] });
		expect(s).toEqual(defaultSettings());
	});

	it('keeps valid values', () => {
		const s = normalizeSettings({ desiredRetention: 0.85, newPerDay: 5, learningSteps: ['2m'] });
		expect([s.desiredRetention, s.newPerDay, s.learningSteps]).toEqual([0.85, 5, ['2m']]);
	});

	it('parses steps written with spaces or commas', () => {
		expect(parseSteps('1m, 10m 1h')).toEqual(['1m', '10m', '1h']);
		expect(parseSteps('1 minute')).toBeUndefined();
	});
});
