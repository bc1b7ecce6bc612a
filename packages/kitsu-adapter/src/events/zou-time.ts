/*
 * Zou writes timestamps as naive UTC (`2026-11-29T16:04:11`, no offset, microseconds stripped) and
 * reads `after`/`before` the same way (zou.md §0, §8.2). Parsing them as local time would shift
 * every event by the machine's offset.
 */

const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A Zou timestamp (naive UTC, or ISO with a zone) as a Date; NaN-dated when unreadable. */
export function parseZouTime(value: string): Date {
  return new Date(hasZone.test(value) ? value : `${value}Z`);
}

/** A Date as Zou expects it in query strings: naive UTC, whole seconds. */
export function formatZouTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** The start of the second `date` falls in, in epoch milliseconds (Zou's resolution). */
export function floorToSecond(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}
