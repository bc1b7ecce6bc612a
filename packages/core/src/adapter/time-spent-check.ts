import { ValidationError } from "../errors.js";
import { dayProblem } from "../schema/common.js";

/** The most time one entry can hold: a day. */
export const secondsInDay = 86_400;

/**
 * ValidationError unless time spent is on a day (YYYY-MM-DD, a real calendar day) and more than 0
 * seconds and at most a day: Kitsu keys time spent by day and keeps no empty entry, so zero is no
 * way to clear one, and no day has more than 24 hours.
 */
export function checkTimeSpent(date: string, seconds: number): void {
  if (typeof date !== "string") throw ValidationError.timeSpentDay(date);
  const problem = dayProblem(date);
  if (problem) throw ValidationError.timeSpentDay(date, problem);
  if (!Number.isFinite(seconds) || seconds <= 0) throw ValidationError.timeSpentSeconds(seconds);
  if (seconds > secondsInDay) throw ValidationError.timeSpentTooLong(seconds);
}
