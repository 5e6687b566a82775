/** Points for the fastest right answer. */
export const MAX_POINTS = 1000;

/**
 * Kahoot-style points for one answer: `round(1000 * (1 - (elapsed / limit) / 2))` when right and
 * in time (1000 at once, 500 at the last moment), else 0. `limitMs` includes the student's extra
 * time, so a slower student with extra time is not penalized for it.
 * Untimed quizzes (limit null) have no speed to reward, and `accuracy` scoring chooses not to:
 * a right answer in time is worth a flat 1000.
 * @example pointsFor(true, 5_000, 20_000) // 875
 */
export function pointsFor(
	correct: boolean,
	elapsedMs: number,
	limitMs: number | null,
	scoring?: 'accuracy'
): number {
	if (!correct) return 0;
	if (limitMs === null) return MAX_POINTS;
	const elapsed = Math.max(0, elapsedMs);
	if (elapsed > limitMs) return 0;
	if (scoring === 'accuracy') return MAX_POINTS;
	return Math.round(MAX_POINTS * (1 - elapsed / limitMs / 2));
}
