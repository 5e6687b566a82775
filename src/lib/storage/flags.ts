/** Students' reports that a card is wrong or unclear, kept for the author's export. */
import { flagRow, loadRules } from './checked';
import { db, type FlagRow } from './db';
import { cut, MAX_TEXT } from './limits';

export type { FlagRow };

export async function flag(
	cardId: string,
	noteId: string,
	reason: FlagRow['reason'],
	comment: string,
	now: Date
): Promise<void> {
	const row = flagRow(await loadRules(), {
		cardId,
		noteId,
		reason,
		comment: cut(comment.trim(), MAX_TEXT),
		createdAt: now.getTime()
	});
	await db.flags.add(row);
}

export async function flags(): Promise<FlagRow[]> {
	return db.flags.orderBy('createdAt').toArray();
}
