import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StudyDatabase } from './db';

// The schemas as they shipped, frozen here: a device may hold a database written by any of them.
// When db.ts gains version n + 1, add it here once it has shipped.
const SHIPPED: { version: number; stores: Record<string, string> }[] = [
	{ version: 1, stores: { preferences: 'key' } },
	{
		version: 2,
		stores: {
			cards: 'id, [bucket+due], [bucket+order], noteId',
			reviews: '++id, cardId, reviewedAt',
			flags: '++id, cardId, createdAt'
		}
	},
	{ version: 3, stores: { quizRuns: 'id, key, finishedAt' } }
];

function shippedDatabase(name: string, version: number): Dexie {
	const db = new Dexie(name);
	for (const v of SHIPPED.filter((v) => v.version <= version))
		db.version(v.version).stores(v.stores);
	return db;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const BUCKETS = ['new', 'learning', 'review', 'off'] as const;

/** A device after months of use: thousands of cards and reviews, flags, settings, quizzes. */
async function fill(db: Dexie, version: number): Promise<void> {
	const cards = Array.from({ length: 3000 }, (_, i) => {
		const bucket = BUCKETS[i % 4]!;
		const due = new Date(T0 + (i % 97) * DAY);
		return {
			id: `n${i.toString(16).padStart(10, '0')}:recall:k${i}`,
			noteId: `n${i.toString(16).padStart(10, '0')}`,
			tags: [`t${i % 31}`],
			order: i,
			bucket,
			due: bucket === 'new' ? 0 : due.getTime(),
			fsrs: {
				due,
				stability: 1 + (i % 13),
				difficulty: 5,
				elapsed_days: 0,
				scheduled_days: i % 30,
				learning_steps: 0,
				reps: i % 7,
				lapses: i % 3,
				state: bucket === 'new' ? 0 : bucket === 'review' ? 2 : 1,
				last_review: bucket === 'new' ? undefined : new Date(T0 - DAY)
			},
			suspended: bucket === 'off' && i % 8 === 3,
			retired: bucket === 'off' && i % 8 === 7
		};
	});
	await db.table('cards').bulkAdd(cards);
	const reviews = Array.from({ length: 12_000 }, (_, i) => ({
		cardId: cards[i % 3000]!.id,
		noteId: cards[i % 3000]!.noteId,
		rating: 1 + (i % 4),
		state: i % 3,
		due: new Date(T0 + i * 60_000),
		review: new Date(T0 + i * 60_000),
		reviewedAt: T0 + i * 60_000,
		stability: 2,
		difficulty: 5,
		elapsed_days: 1,
		last_elapsed_days: 0,
		scheduled_days: 3,
		learning_steps: 0,
		before: cards[i % 3000]!.fsrs
	}));
	await db.table('reviews').bulkAdd(reviews);
	await db.table('flags').bulkAdd(
		Array.from({ length: 50 }, (_, i) => ({
			cardId: cards[i]!.id,
			noteId: cards[i]!.noteId,
			reason: 'wrong',
			comment: `c${i}`,
			createdAt: T0 + i
		}))
	);
	await db.table('preferences').bulkPut([
		{ key: 'scheduler', value: { newPerDay: 15 } },
		{ key: 'deckHash', value: 'abc' },
		{ key: 'decks', value: [{ name: 'etcd', tags: ['etcd'], exclude: [] }] }
	]);
	if (version >= 3) {
		await db.table('quizRuns').bulkAdd(
			Array.from({ length: 200 }, (_, i) => ({
				id: `run${i}`,
				key: `quiz${i % 20}`,
				phase: 'finished',
				startedAt: T0 + i,
				finishedAt: T0 + i + 1000
			}))
		);
	}
}

/** Every row of every table, in key order, hashed: equal hashes mean nothing changed. */
async function snapshot(db: Dexie): Promise<Record<string, { count: number; sha256: string }>> {
	const out: Record<string, { count: number; sha256: string }> = {};
	for (const table of db.tables.map((t) => t.name).sort()) {
		const rows = await db.table(table).toArray();
		out[table] = {
			count: rows.length,
			sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex')
		};
	}
	return out;
}

describe('a database written by an earlier shipped schema opens in the current one', () => {
	for (const shipped of SHIPPED.filter((v) => v.version >= 2)) {
		it(`from version ${shipped.version}: same counts and checksums, indexes answer`, async () => {
			const name = `migration-v${shipped.version}`;
			const old = shippedDatabase(name, shipped.version);
			await fill(old, shipped.version);
			const before = await snapshot(old);
			const dueBefore = await old
				.table('cards')
				.where('[bucket+due]')
				.between(['review', Dexie.minKey], ['review', T0 + 30 * DAY])
				.count();
			old.close();
			expect(before['cards']!.count).toBe(3000);
			expect(before['reviews']!.count).toBe(12_000);

			const current = new StudyDatabase(name);
			await current.open();
			expect(current.verno).toBeGreaterThanOrEqual(shipped.version);
			const after = await snapshot(current);
			for (const [table, value] of Object.entries(before)) expect(after[table]).toEqual(value);
			expect(
				await current.cards
					.where('[bucket+due]')
					.between(['review', Dexie.minKey], ['review', T0 + 30 * DAY])
					.count()
			).toBe(dueBefore);
			expect(
				await current.reviews
					.where('cardId')
					.equals(`n${'0'.repeat(10)}:recall:k0`)
					.count()
			).toBe(4);
			current.close();
		});
	}

	it('from version 1: the preferences are kept', async () => {
		const old = shippedDatabase('migration-v1', 1);
		await old.table('preferences').put({ key: 'lastFilter', value: { tags: ['etcd'] } });
		old.close();
		const current = new StudyDatabase('migration-v1');
		expect(await current.preferences.get('lastFilter')).toEqual({
			key: 'lastFilter',
			value: { tags: ['etcd'] }
		});
		expect(await current.cards.count()).toBe(0);
		current.close();
	});
});
