import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildQuiz } from '$lib/quiz/build';
import { answerQuestion, nextQuestion, startRun } from '$lib/quiz/run';
import { fixtureDeck } from '$lib/quiz/test-deck';
import { defaultSettings, Rating, Scheduler } from '$lib/scheduler';
import { parseBackup } from '$lib/backup/parse';
import { restoreAutoBackup, restoreFromText } from '$lib/backup/restore';
import { db } from './db';
import * as storage from './index';

const settings = { ...defaultSettings(), enableFuzz: false };
const scheduler = new Scheduler(settings);
const deck = fixtureDeck(6);
const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m);
const now = at(27, 10);

async function wipe() {
	await Promise.all(
		[db.preferences, db.cards, db.reviews, db.flags, db.quizRuns, db.backups].map((t) => t.clear())
	);
}

/** A device with some of everything, made through the verbs the app uses. */
async function studied() {
	await storage.syncDeck(deck, at(20, 9));
	const [a, b, c] = deck.cards;
	await storage.answer(a!.id, Rating.Good, at(20, 9), scheduler);
	await storage.answer(a!.id, Rating.Good, at(20, 9, 10), scheduler);
	await storage.answer(b!.id, Rating.Again, at(21, 9), scheduler);
	await storage.answer(a!.id, Rating.Hard, at(25, 9), scheduler);
	await storage.suspend(c!.id);
	await storage.flag(b!.id, b!.noteId, 'wrong', 'Port is 2379, not 2380.', at(21, 9, 1));
	await storage.saveSettings({ ...settings, newPerDay: 7 });
	await storage.saveFilter({ name: 'Exam', tags: ['etcd'], exclude: ['trivia'] });
	await storage.saveLastFilter({ tags: ['rbac'], exclude: [], query: 'bind' });
	let run = startRun(
		buildQuiz(deck, { tags: [], exclude: [], count: 5, seconds: 20, seed: 's', deckHash: null }),
		at(22, 10)
	);
	for (let i = 0; i < 5; i++) {
		run = answerQuestion(run, i % 4, new Date(at(22, 10).getTime() + i * 1000 + 500));
		run = nextQuestion(run, new Date(at(22, 10).getTime() + (i + 1) * 1000));
	}
	await storage.saveQuizRun(run);
}

async function snapshot() {
	return {
		preferences: await db.preferences.toArray(),
		cards: await db.cards.toArray(),
		reviews: await db.reviews.toArray(),
		flags: await db.flags.toArray(),
		quizRuns: await db.quizRuns.toArray()
	};
}

beforeEach(wipe);

describe('export and import', () => {
	it('gives back an identical database after a wipe (all tables, Dates as Dates)', async () => {
		await studied();
		const { json, counts } = await storage.exportBackup(now);
		const before = await snapshot();
		expect(counts).toEqual({ preferences: 5, cards: 18, reviews: 4, flags: 1, quizRuns: 1 });
		await wipe();
		const result = await restoreFromText(json, at(28, 10));
		expect(result).toEqual({ ok: true, counts, exportedAt: now.toISOString(), warnings: [] });
		const after = await snapshot();
		expect(after).toEqual(before);
		expect(after.cards[0]!.fsrs.due).toBeInstanceOf(Date);
		expect(after.reviews[0]!.before.due).toBeInstanceOf(Date);
	});

	it('keeps studying where the backup left off (due queue and settings)', async () => {
		await studied();
		const queue = await storage.dueQueue(undefined, at(27, 12), await storage.settings());
		const { json } = await storage.exportBackup(now);
		await wipe();
		await restoreFromText(json, now);
		expect(await storage.settings()).toMatchObject({ newPerDay: 7 });
		expect(await storage.dueQueue(undefined, at(27, 12), await storage.settings())).toEqual(queue);
	});

	it('keeps the replaced state as an automatic backup that can be restored', async () => {
		await studied();
		const before = await snapshot();
		const { json } = await storage.exportBackup(now);
		const mine = await snapshot();
		await wipe();
		await restoreFromText(json, now); // nothing to keep: no automatic backup
		expect(await storage.autoBackups()).toEqual([]);
		await storage.flag(deck.cards[0]!.id, deck.cards[0]!.noteId, 'unclear', 'new', at(27, 11));
		const other = await snapshot();
		await restoreFromText(json, at(27, 12));
		expect(await snapshot()).toEqual(mine);
		const [auto] = await storage.autoBackups();
		expect(auto).toMatchObject({ createdAt: at(27, 12).getTime(), reason: 'Before an import' });
		expect(await restoreAutoBackup(auto!.id, at(27, 13))).toMatchObject({ ok: true });
		expect(await snapshot()).toEqual(other);
		expect(before.flags).toHaveLength(1);
	});

	it('changes nothing when a write fails halfway through the import (one transaction)', async () => {
		await studied();
		const { json } = await storage.exportBackup(now);
		await storage.flag(deck.cards[0]!.id, deck.cards[0]!.noteId, 'unclear', 'mine', at(27, 11));
		const before = await snapshot();
		const bulkAdd = db.quizRuns.bulkAdd;
		db.quizRuns.bulkAdd = (() =>
			Promise.reject(new Error('disk full'))) as unknown as typeof bulkAdd;
		try {
			const result = await restoreFromText(json, at(27, 12));
			expect(result).toEqual({
				ok: false,
				message: expect.stringMatching(/could not be saved.*disk full.*Nothing was changed/)
			});
		} finally {
			db.quizRuns.bulkAdd = bulkAdd;
		}
		expect(await snapshot()).toEqual(before);
		expect(await storage.autoBackups()).toEqual([]);
	});

	it('keeps only the last three automatic backups', async () => {
		await studied();
		const { json } = await storage.exportBackup(now);
		for (let h = 11; h <= 15; h++) await restoreFromText(json, at(27, h));
		expect((await storage.autoBackups()).map((b) => new Date(b.createdAt).getHours())).toEqual([
			15, 14, 13
		]);
	});

	it('counts the answers given since the last export', async () => {
		await storage.syncDeck(deck, at(20, 9));
		await storage.answer(deck.cards[0]!.id, Rating.Good, at(20, 9), scheduler);
		expect(await storage.exportReminder()).toEqual({
			lastExport: undefined,
			reviewsSince: 1,
			remind: false
		});
		await storage.exportBackup(at(20, 10));
		await storage.answer(deck.cards[1]!.id, Rating.Good, at(20, 11), scheduler);
		await storage.answer(deck.cards[2]!.id, Rating.Good, at(20, 12), scheduler);
		expect(await storage.exportReminder()).toEqual({
			lastExport: at(20, 10).getTime(),
			reviewsSince: 2,
			remind: false
		});
	});

	it('reminds after 200 answers without an export, and again 200 after a dismissal', async () => {
		const t0 = at(20, 9).getTime();
		const answers = (from: number, n: number) =>
			db.reviews.bulkAdd(
				Array.from({ length: n }, (_, i) => ({ reviewedAt: from + i }) as storage.ReviewRow)
			);
		await answers(t0, 199);
		expect((await storage.exportReminder()).remind).toBe(false);
		await answers(t0 + 1000, 1);
		expect((await storage.exportReminder()).remind).toBe(true);
		await storage.dismissExportReminder(new Date(t0 + 2000));
		expect((await storage.exportReminder()).remind).toBe(false);
		await answers(t0 + 3000, 200);
		expect(await storage.exportReminder()).toMatchObject({ reviewsSince: 400, remind: true });
		await storage.exportBackup(new Date(t0 + 5000));
		expect(await storage.exportReminder()).toMatchObject({ reviewsSince: 0, remind: false });
	});

	it('migrates a backup from before class quizzes (schema 2, no quizRuns)', async () => {
		await studied();
		const { json } = await storage.exportBackup(now);
		const old = JSON.parse(json);
		old.schemaVersion = 2;
		delete old.tables.quizRuns;
		await wipe();
		const result = await restoreFromText(JSON.stringify(old), now);
		expect(result).toMatchObject({ ok: true, counts: { quizRuns: 0, reviews: 4 } });
	});
});

describe('bad backups are refused and change nothing', () => {
	let good: string;
	beforeEach(async () => {
		await studied();
		good = (await storage.exportBackup(now)).json;
	});
	// a parsed file, edited freely to break it
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const edit = (f: (b: any) => void) => {
		const b = JSON.parse(good);
		f(b);
		return JSON.stringify(b);
	};

	async function refused(text: string, pattern: RegExp) {
		const before = await snapshot();
		const result = await restoreFromText(text, at(28, 10));
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.message).toMatch(pattern);
		expect(await snapshot()).toEqual(before);
		expect(await storage.autoBackups()).toEqual([]);
	}

	it('truncated JSON', async () => {
		await refused(good.slice(0, good.length / 2), /not complete JSON.*cut off/s);
	});

	it('JSON that is not a backup', async () => {
		await refused('[1,2,3]', /JSON but not a backup/);
		await refused('{"cards":[]}', /not a backup of this app.*format/);
	});

	it('a newer version', async () => {
		await refused(
			edit((b) => (b.version = 2)),
			/newer version of the app.*update/s
		);
		await refused(
			edit((b) => (b.schemaVersion = 99)),
			/newer version of the app/
		);
	});

	it('an unknown version', async () => {
		await refused(
			edit((b) => (b.version = 'one')),
			/unknown format version \("one"\)/
		);
	});

	it('wrong types', async () => {
		await refused(
			edit((b) => (b.tables.cards[0].fsrs.stability = 'high')),
			/damaged.*tables\.cards\.0\.fsrs\.stability/s
		);
		await refused(
			edit((b) => (b.tables.reviews[0].review = 'yesterday')),
			/tables\.reviews\.0\.review/
		);
	});

	it('missing fields and tables', async () => {
		await refused(
			edit((b) => delete b.tables.reviews[1].before),
			/tables\.reviews\.1\.before/
		);
		await refused(
			edit((b) => delete b.tables.flags),
			/tables\.flags/
		);
	});

	it('duplicate ids', async () => {
		await refused(
			edit((b) => b.tables.reviews.push(b.tables.reviews[0])),
			/tables\.reviews\.4: duplicate id/
		);
	});

	it('markup in an id field', async () => {
		await refused(
			edit((b) => (b.tables.flags[0].cardId = '<img src=x onerror=alert(1)>')),
			/tables\.flags\.0\.cardId: not a card id/
		);
	});

	it('a file too large to be a backup, before reading it', async () => {
		const before = await snapshot();
		const huge = `{"format":"kubesec-study-backup","pad":"${'x'.repeat(2000)}"}`;
		expect(parseBackup(huge, 1000)).toEqual({
			ok: false,
			message: expect.stringMatching(/larger than 0 MB/)
		});
		const big = 'x'.repeat(200 * 1000 * 1000 + 1);
		await refused(big, /larger than 200 MB/);
		expect(await snapshot()).toEqual(before);
	});
});

describe('a bad setting or quiz is left out with a warning, the rest is restored', () => {
	it('saved decks that are not decks', async () => {
		await studied();
		const b = JSON.parse((await storage.exportBackup(now)).json);
		b.tables.preferences = b.tables.preferences.filter((p: { key: string }) => p.key !== 'decks');
		b.tables.preferences.push({ key: 'decks', value: 'all' });
		await wipe();
		const parsed = parseBackup(JSON.stringify(b));
		expect(parsed.ok && parsed.warnings).toEqual([
			expect.stringMatching(/^Setting \d+ was left out: value: /)
		]);
		const result = await restoreFromText(JSON.stringify(b), now);
		expect(result.ok).toBe(true);
		expect(await storage.savedFilters()).toEqual([]);
		expect((await storage.flags()).length).toBe(b.tables.flags.length);
		expect(await storage.reviewsOf(b.tables.reviews[0].cardId)).not.toEqual([]);
	});
});

describe('script strings in text fields', () => {
	it('are stored as plain text, exactly as written', async () => {
		await studied();
		const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
		const { json } = await storage.exportBackup(now);
		const b = JSON.parse(json);
		b.tables.flags[0].comment = script;
		b.tables.preferences.find((p: { key: string }) => p.key === 'decks').value[0].name = script;
		await wipe();
		expect((await restoreFromText(JSON.stringify(b), now)).ok).toBe(true);
		expect((await storage.flags())[0]!.comment).toBe(script);
		expect((await storage.savedFilters())[0]!.name).toBe(script);
	});
});
