/** Whether the browser may evict this app's data, and how much room it has. */
export interface StorageStatus {
	/** null where the browser does not say (no StorageManager). */
	persisted: boolean | null;
	usage?: number;
	quota?: number;
}

/**
 * Asks the browser to keep this app's data (Safari otherwise deletes it after seven days
 * without a visit; other browsers under storage pressure). Never throws.
 */
export async function persistStorage(ask: boolean): Promise<StorageStatus> {
	const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!manager?.persisted) return { persisted: null };
	try {
		let persisted = await manager.persisted();
		if (!persisted && ask && manager.persist) persisted = await manager.persist();
		const { usage, quota } = manager.estimate ? await manager.estimate() : {};
		return { persisted, usage, quota };
	} catch {
		return { persisted: null };
	}
}
