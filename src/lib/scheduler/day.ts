/**
 * A study day runs from `startHour` local time to the same hour the next day (4 am by default),
 * so a late-night session still counts for the evening it started in.
 */

/** The moment the study day containing `now` began. */
export function studyDayStart(now: Date, startHour: number): Date {
	const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), startHour);
	if (start.getTime() > now.getTime()) start.setDate(start.getDate() - 1);
	return start;
}

/** The moment the study day containing `now` ends (the next day's start). */
export function studyDayEnd(now: Date, startHour: number): Date {
	const start = studyDayStart(now, startHour);
	return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1, startHour);
}

/** `YYYY-MM-DD` of the study day containing `now`, e.g. 2026-11-26 at 03:00 on the 27th. */
export function studyDayKey(now: Date, startHour: number): string {
	const s = studyDayStart(now, startHour);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${s.getFullYear()}-${pad(s.getMonth() + 1)}-${pad(s.getDate())}`;
}
