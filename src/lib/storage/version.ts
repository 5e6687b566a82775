/** The newest schema version in ./db.ts: a backup records it, and a newer one is refused. */
export const DB_VERSION = 5;
