/**
 * Dispatched on `window` when a newer version of the app, open in another tab, upgrades the
 * database: this tab's (older) code has let go of it and must be reloaded. Kept apart from db.ts
 * so the layout can listen without loading Dexie.
 */
export const UPGRADED_ELSEWHERE = 'kubesec:db-upgraded-elsewhere';
