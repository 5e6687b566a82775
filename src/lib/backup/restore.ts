/**
 * Checks a backup file's text and, if it is sound, puts it in the database. Import this module
 * lazily (`await import('$lib/backup/restore')`): it brings the validator, which no other page
 * needs.
 * @example const result = await restoreFromText(await file.text(), new Date());
 */
import * as storage from '$lib/storage/backup';
import { parseBackup } from './parse';

export async function restoreFromText(
	text: string,
	now: Date,
	reason?: string
): Promise<storage.ImportResult> {
	const parsed = parseBackup(text);
	if (!parsed.ok) return parsed;
	const result = await storage.importBackup(parsed.backup, now, reason);
	return result.ok ? { ...result, warnings: parsed.warnings } : result;
}

/** Puts an automatic backup back; the state it replaces becomes a new automatic backup. */
export async function restoreAutoBackup(id: number, now: Date): Promise<storage.ImportResult> {
	const text = await storage.autoBackupText(id);
	if (text === undefined)
		return { ok: false, message: 'That automatic backup is gone. Nothing was changed.' };
	return restoreFromText(text, now, 'Before restoring an automatic backup');
}
