/** Where a study session stands (one at a time), so reopening the app continues there. */
import { preference, setPreference, type StudySession } from './preferences';

export type { StudySession };

export const saveSession = (session: StudySession) => setPreference('session', session);

export const session = () => preference('session');
