import { describe, expect, it } from 'vitest';
import { checkPreference, preferenceSchemas } from '$lib/backup/schema';
import { defaultSettings } from '$lib/scheduler/settings';
import { PREFERENCES, readPreference, type PreferenceKey } from './preferences';

const keys = Object.keys(PREFERENCES) as PreferenceKey[];

/** A sound value of each key, as the app writes it. */
const samples: { [K in PreferenceKey]: unknown } = {
	lastFilter: { tags: ['etcd'], exclude: ['trivia'], query: 'api server' },
	deckHash: '0123456789abcd',
	decks: [{ name: 'Exam', tags: ['etcd'], exclude: [] }],
	session: {
		deck: '?tags=etcd',
		practice: true,
		cardId: 'n0123456789:cloze:a',
		revealed: true,
		picked: 2,
		lastReviewId: 7,
		remaining: ['n0123456789:cloze:a']
	},
	scheduler: { ...defaultSettings(), newPerDay: 5 },
	lastExport: { at: 1 },
	exportReminderSnoozed: { at: 2 },
	installChoice: { outcome: 'not-now', at: 3 },
	persistAsked: { at: 4 },
	deviceId: 0xffffffff,
	nickname: 'Ana'
};

describe('the preference registry', () => {
	it('is the list the backup import checks: the same keys, no more, no less', () => {
		expect(Object.keys(preferenceSchemas).sort()).toEqual([...keys].sort());
	});

	it.each(keys)('%s: a sound value passes the import and reads back as it is', (key) => {
		const checked = checkPreference(key, samples[key]);
		expect(checked).toEqual({ ok: true, value: samples[key] });
		expect(readPreference(key, samples[key])).toEqual(samples[key]);
	});

	it.each(keys)('%s: its default (nothing stored) is one the import accepts', (key) => {
		const value = readPreference(key, undefined);
		if (value !== undefined) expect(checkPreference(key, value).ok).toBe(true);
	});

	it.each([
		['decks', 'all', []],
		['scheduler', { newPerDay: -1 }, defaultSettings()],
		['deviceId', -1, undefined],
		['deviceId', 2 ** 32, undefined],
		['nickname', 42, ''],
		['lastFilter', { tags: 'etcd' }, undefined],
		['session', { deck: '?all', practice: 'no', revealed: false }, undefined],
		['installChoice', { outcome: 'maybe', at: 1 }, undefined],
		['lastExport', { at: 'today' }, undefined]
	] as const)('%s: a damaged stored value %j reads as the default', (key, stored, expected) => {
		expect(readPreference(key, stored)).toEqual(expected);
	});

	it('refuses a key that is not the app’s, even one every object has', () => {
		for (const key of ['__proto__', 'toString', 'theme'])
			expect(checkPreference(key, {}).ok).toBe(false);
	});
});
