/**
 * Files the app hands to the user: the backup export, used by Settings and by the notice that
 * Safari deletes data. Imports the storage code: load this lazily from a page that paints first.
 */
import { backupFileName, describeCounts } from '$lib/backup/format';
import * as storage from '$lib/storage/backup';

/** Hands `text` to the browser as a download named `name`. */
export function saveFile(text: string, name: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a backup of everything; returns the sentence that tells the user what it holds. */
export async function exportBackupFile(now: Date): Promise<string> {
	const { json, counts } = await storage.exportBackup(now);
	saveFile(json, backupFileName(now), 'application/json');
	return `Exported ${describeCounts(counts)}. Keep the file somewhere safe (not only on this device).`;
}
