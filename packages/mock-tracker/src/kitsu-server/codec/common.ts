/* Value conversions shared by the Zou codecs (zou.md §0, §8). */

/** Naive UTC, microseconds stripped: `YYYY-MM-DDTHH:MM:SS`. */
export function naive(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 19) : null;
}

/** Zou stores date-only inputs in datetime columns: `2026-03-02` → `2026-03-02T00:00:00`. */
export function dateTime(day: string | null | undefined): string | null {
  return day ? `${day}T00:00:00` : null;
}

/** Kitsu durations are minutes, the model's are seconds. */
export const toMinutes = (seconds: number): number => seconds / 60;
export const minutesToSeconds = (minutes: number): number => Math.round(minutes * 60);

/** `data` columns: null until something is stored. */
export function dataOrNull(data: Record<string, unknown>): Record<string, unknown> | null {
  return Object.keys(data).length === 0 ? null : data;
}

export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function snakeKeys(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [camelToSnake(k), v]));
}

/** Keeps only the given keys (+ `id`, `type`), Zou's `fields=` parameter. */
export function pickFields(row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const keep = new Set([...fields, "id", "type"]);
  return Object.fromEntries(Object.entries(row).filter(([k]) => keep.has(k)));
}

export { isUuid } from "@gadget/core/adapter";
