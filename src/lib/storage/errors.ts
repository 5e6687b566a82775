/** A write the browser refused because the origin's storage quota is used up. */
export class StorageFullError extends Error {
	constructor() {
		super(
			"this device's storage for the app is full. Nothing was half-saved and your earlier answers are kept: free some space on the device, then try again."
		);
		this.name = 'StorageFullError';
	}
}

/** True for IndexedDB's QuotaExceededError, also when Dexie wraps it in an aborted transaction. */
export function isQuotaError(error: unknown): boolean {
	for (let e = error, depth = 0; e && depth < 5; depth++) {
		const { name, inner, cause } = e as { name?: string; inner?: unknown; cause?: unknown };
		if (name === 'QuotaExceededError') return true;
		e = inner ?? cause;
	}
	return false;
}

/** Runs a write, turning a full disk into a StorageFullError the UI can show as it is. */
export async function writing<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw isQuotaError(error) ? new StorageFullError() : error;
	}
}
