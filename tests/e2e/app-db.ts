import type { Page } from '@playwright/test';

/**
 * The rows of some stores of the app's IndexedDB, read with the raw API from a page of the app's
 * origin (the tests do not import the app), and the database's version. Never creates the
 * database (none yet: version 0, no rows; a store not there yet: no rows) and closes its
 * connection at once, so it never blocks the app's own upgrade. Poll it with expect.poll, not
 * on every frame: opening the database that often while the app creates it lost the app's
 * first write in some runs. Says so rather than hang if the database cannot be opened (a killed
 * tab holding it).
 */
export function readAppDb<Tables extends Record<string, unknown[]>>(
	page: Page,
	stores: (keyof Tables & string)[]
): Promise<{ version: number } & Tables> {
	return page.evaluate(async (names) => {
		const empty = (version: number) =>
			Object.fromEntries([['version', version], ...names.map((n) => [n, []])]) as {
				version: number;
			} & Tables;
		// not even an aborted attempt to create it: that races the app creating it
		const listed = await indexedDB.databases();
		if (!listed.some((d) => d.name === 'kubesec-study')) return empty(0);
		return new Promise<{ version: number } & Tables>((resolve, reject) => {
			setTimeout(() => reject(new Error('IndexedDB did not open within 10 s')), 10_000);
			const open = indexedDB.open('kubesec-study');
			open.onupgradeneeded = () => open.transaction?.abort();
			open.onerror = () =>
				open.error?.name === 'AbortError' ? resolve(empty(0)) : reject(open.error);
			open.onblocked = () => reject(new Error('IndexedDB open blocked'));
			open.onsuccess = () => {
				const db = open.result;
				const found = names.filter((n) => db.objectStoreNames.contains(n));
				if (!found.length) {
					db.close();
					return resolve(empty(db.version));
				}
				const tx = db.transaction(found);
				const requests = found.map((n) => tx.objectStore(n).getAll());
				tx.oncomplete = () => {
					db.close();
					const rows = found.map((n, i) => [n, requests[i]!.result]);
					resolve({ ...empty(db.version), ...Object.fromEntries(rows) });
				};
			};
		});
	}, stores);
}

/** How many answers the app has stored (review log rows). */
export async function reviewCount(page: Page): Promise<number> {
	return (await readAppDb<{ reviews: unknown[] }>(page, ['reviews'])).reviews.length;
}
