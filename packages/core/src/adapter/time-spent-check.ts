import { ValidationError } from "../errors.js";
import { isoDateSchema } from "../schema/common.js";

/**
 * ValidationError unless time spent is on a day (YYYY-MM-DD) and more than 0 seconds: Kitsu keys
 * time spent by day and keeps no empty entry, so zero is no way to clear one.
 */
export function checkTimeSpent(date: string, seconds: number): void {
  if (!isoDateSchema.safeParse(date).success) throw ValidationError.timeSpentDay(date);
  if (!Number.isFinite(seconds) || seconds <= 0) throw ValidationError.timeSpentSeconds(seconds);
}
