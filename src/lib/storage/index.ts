/**
 * Everything the app keeps on the device. The only module that talks to IndexedDB.
 * @example import * as storage from '$lib/storage'; await storage.saveLastFilter(filter);
 */
export * from './filter';
export { StorageFullError } from './errors';
export { NotStorableError } from './checked';
export * from './preferences';
export * from './cards';
export * from './due-queue';
export * from './reviews';
export * from './flags';
export * from './saved-filters';
export * from './session';
export * from './quiz';
export * from './class';
export type { ClassQuizRow, ClassResultRow } from './db';
export * from './backup';
export * from './stats';
export * from './persist';
export * from './install';
