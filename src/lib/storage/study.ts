/**
 * What a study session uses, from the modules that own each concern: one import for the study
 * page and its controller, without the rest of storage (backups, class quizzes).
 */
export { card, suspend, syncDeck, unsuspend, type CardRow } from './cards';
export { dueQueue, filterCardIds, type DueQueue } from './due-queue';
export { flag } from './flags';
export { settings } from './preferences';
export { answer, undo } from './reviews';
export { saveSession, session, type StudySession } from './session';
export { quizRunsAwaitingReviews } from './quiz';
export { persistAfterFirstAnswer } from './install';
