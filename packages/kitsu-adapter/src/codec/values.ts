import { asId, type CustomData, type Id, ServerError } from "@gadget/core/adapter";
import { z } from "zod";

/*
 * Zou's value quirks in one place: empty values arrive as null, "" or the string "None"
 * (full asset, cast-in), timestamps are naive UTC strings, durations are minutes, numbers may be
 * strings (fps "24").
 */

export const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === "" || v === "None";

export const idOrNull = (v: unknown): Id | null => (isEmpty(v) || typeof v !== "string" ? null : asId(v));

export const textOrNull = (v: unknown): string | null => (isEmpty(v) || typeof v !== "string" ? null : v);

/** Naive UTC `YYYY-MM-DDTHH:MM:SS` → Date (a `Z` is appended when no offset is given). */
export function toDate(v: unknown): Date | null {
  if (isEmpty(v) || typeof v !== "string") return null;
  const hasZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(v);
  const date = new Date(hasZone ? v : `${v.replace(" ", "T")}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Every shape the adapter decodes into a record carries timestamps except `with-tasks` rows, whose
 * decoder leaves the fields out afterwards (ops/with-tasks.ts): the epoch never reaches a caller.
 */
export const toDateRequired = (v: unknown): Date => toDate(v) ?? new Date(0);

/** Zou returns date-only columns as datetimes (`2026-03-02T00:00:00`); the model keeps the day. */
export function toDay(v: unknown): string | null {
  if (isEmpty(v) || typeof v !== "string") return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  return match ? (match[1] ?? null) : null;
}

export function toNumber(v: unknown): number | null {
  if (isEmpty(v)) return null;
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

export const toInt = (v: unknown): number | null => {
  const n = toNumber(v);
  return n === null ? null : Math.round(n);
};

/** Kitsu sums fractional minutes: round off the float noise (16163.999999999998 s is 16164 s), keeping milliseconds. */
export const minutesToSeconds = (v: unknown): number => Math.max(0, Math.round((toNumber(v) ?? 0) * 60_000) / 1000);
export const secondsToMinutes = (seconds: number): number => seconds / 60;

export const customData = (v: unknown, drop: readonly string[] = []): CustomData => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return {};
  const out: CustomData = { ...(v as CustomData) };
  for (const key of drop) delete out[key];
  return out;
};

export const idList = (v: unknown): Id[] =>
  Array.isArray(v)
    ? v.flatMap((x) => {
        if (typeof x === "string" && x) return [asId(x)];
        if (typeof x === "object" && x !== null && typeof (x as { id?: unknown }).id === "string")
          return [asId((x as { id: string }).id)];
        return [];
      })
    : [];

/** Every Zou row has an id and usually timestamps; the rest depends on the model. */
export const kitsuRow = z.looseObject({
  id: z.string().min(1),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type KitsuRow = z.infer<typeof kitsuRow> & Record<string, unknown>;

/** Checks the shape Zou sent before the codec reads it: a surprise is a ServerError, not a crash. */
export function parseRow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problem = result.error.issues.map((i) => `${i.path.join(".") || "(row)"}: ${i.message}`).join("; ");
    throw ServerError.unexpectedResponse(`${what} record`, problem);
  }
  return result.data;
}

export const base = (row: KitsuRow, name: string, data: CustomData) => ({
  id: asId(row.id),
  name,
  createdAt: toDateRequired(row.created_at),
  updatedAt: toDateRequired(row.updated_at ?? row.created_at),
  customData: data,
  raw: row as Record<string, unknown>,
});
