/** The card table: one row per card of the deck with its schedule on this device. */
import type { Card } from '$lib/content/schema';
import { createEmptyCard, State, type FsrsCard } from '$lib/scheduler';
import { loadRules, preferenceRow } from './checked';
import { db, type Bucket, type CardRow } from './db';
import { preference } from './preferences';

export type { CardRow };

function bucketOf(fsrs: FsrsCard, off: boolean): Bucket {
	if (off) return 'off';
	if (fsrs.state === State.New) return 'new';
	return fsrs.state === State.Review ? 'review' : 'learning';
}

/** The row with a new schedule, filed under the bucket and due time the queue reads. */
export function withSchedule(row: CardRow, fsrs: FsrsCard): CardRow {
	const bucket = bucketOf(fsrs, row.suspended || row.retired);
	return { ...row, fsrs, bucket, due: fsrs.state === State.New ? 0 : fsrs.due.getTime() };
}

export interface SyncResult {
	added: number;
	retired: number;
	kept: number;
}

/** Whether the card table holds this deck already. Inside a transaction on cards and preferences. */
async function syncedAlready(deck: { hash: string; cards: Card[] }): Promise<boolean> {
	if ((await preference('deckHash')) !== deck.hash) return false;
	// a hash with no cards (an old backup's) must not stop the sync for good
	return deck.cards.length === 0 || (await db.cards.count()) > 0;
}

/**
 * Brings the card table in line with the deck after a content update: cards whose ids still
 * exist keep their schedule, new ids arrive as new, vanished ids are retired (history kept).
 * Does nothing when the deck's hash was synced already.
 */
export async function syncDeck(
	deck: { hash: string; cards: Card[] },
	now: Date
): Promise<SyncResult> {
	// the usual case, checked in a read-only transaction: it runs beside the other reads of
	// opening Study instead of waiting for them and holding up the ones after it
	if (await db.transaction('r', db.cards, db.preferences, () => syncedAlready(deck)))
		return { added: 0, retired: 0, kept: 0 };
	const hashRow = preferenceRow(await loadRules(), 'deckHash', deck.hash);
	return db.transaction('rw', db.cards, db.preferences, async () => {
		const result: SyncResult = { added: 0, retired: 0, kept: 0 };
		// again: another tab may have synced it meanwhile
		if (await syncedAlready(deck)) return result;
		const existing = new Map((await db.cards.toArray()).map((r) => [r.id, r]));
		const changed: CardRow[] = [];
		deck.cards.forEach((card, order) => {
			const row = existing.get(card.id);
			existing.delete(card.id);
			if (!row) {
				result.added++;
				const fsrs = createEmptyCard(now);
				changed.push({
					id: card.id,
					noteId: card.noteId,
					tags: card.tags,
					order,
					bucket: 'new',
					due: 0,
					fsrs,
					suspended: false,
					retired: false
				});
				return;
			}
			result.kept++;
			const same =
				!row.retired &&
				row.order === order &&
				row.noteId === card.noteId &&
				row.tags.join() === card.tags.join();
			if (!same) {
				const updated = { ...row, tags: card.tags, noteId: card.noteId, order, retired: false };
				changed.push(withSchedule(updated, row.fsrs));
			}
		});
		for (const row of existing.values()) {
			if (row.retired) continue;
			result.retired++;
			changed.push({ ...row, retired: true, bucket: 'off' });
		}
		await db.cards.bulkPut(changed);
		await db.preferences.put(hashRow);
		return result;
	});
}

export async function card(id: string): Promise<CardRow | undefined> {
	return db.cards.get(id);
}

async function setSuspended(cardId: string, suspended: boolean): Promise<void> {
	await db.transaction('rw', db.cards, async () => {
		const row = await db.cards.get(cardId);
		if (row) await db.cards.put(withSchedule({ ...row, suspended }, row.fsrs));
	});
}

/** Ids of the suspended cards still in the deck, for the list to unsuspend them from. */
export async function suspendedCards(): Promise<string[]> {
	const off = await db.cards
		.where('[bucket+due]')
		.between(['off', -Infinity], ['off', Infinity])
		.toArray();
	return off.filter((r) => r.suspended && !r.retired).map((r) => r.id);
}

/** Takes a card out of study until unsuspended; its schedule is kept. */
export const suspend = (cardId: string) => setSuspended(cardId, true);
export const unsuspend = (cardId: string) => setSuspended(cardId, false);
