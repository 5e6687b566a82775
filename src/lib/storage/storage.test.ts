import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import * as storage from './index';

beforeEach(async () => {
	await db.preferences.clear();
});

describe('last tag filter', () => {
	it('is empty on a new device', async () => {
		expect(await storage.lastFilter()).toBeUndefined();
	});

	it('returns the filter saved last', async () => {
		await storage.saveLastFilter({ tags: ['etcd'], exclude: [], query: '' });
		await storage.saveLastFilter({ tags: ['etcd', 'rbac'], exclude: ['trivia'], query: 'mtls' });
		expect(await storage.lastFilter()).toEqual({
			tags: ['etcd', 'rbac'],
			exclude: ['trivia'],
			query: 'mtls'
		});
	});

	it('ignores a stored value of the wrong shape', async () => {
		await db.preferences.put({ key: 'lastFilter', value: { tags: 'etcd' } });
		expect(await storage.lastFilter()).toBeUndefined();
	});
});
