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

/** The number written by the digits of `v` from `start` to `end`, or NaN at a non-digit. */
function digits(v: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Zou's usual `2026-11-29T16:01:34`, read field by field: parsing a date string costs more than the
 * rest of a task row's decoding, and a list has three per row.
 */
function naiveUtc(v: string): Date | null {
  if (v.length !== 19 || v[4] !== "-" || v[7] !== "-" || v[10] !== "T" || v[13] !== ":" || v[16] !== ":") return null;
  const ms = Date.UTC(
    digits(v, 0, 4),
    digits(v, 5, 7) - 1,
    digits(v, 8, 10),
    digits(v, 11, 13),
    digits(v, 14, 16),
    digits(v, 17, 19),
  );
  // Anything else (a letter among the digits) is left to Date's own parser, as before.
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** Naive UTC `YYYY-MM-DDTHH:MM:SS` → Date (a `Z` is appended when no offset is given). */
export function toDate(v: unknown): Date | null {
  if (isEmpty(v) || typeof v !== "string") return null;
  const naive = naiveUtc(v);
  if (naive) return naive;
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

/** A row's `data` as the model's customData: a copy (the caller may change it), without `drop` keys. */
export const customData = (v: unknown, drop: readonly string[] = []): CustomData => {
  const out: CustomData = {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) return out;
  for (const key in v) if (!drop.includes(key)) out[key] = (v as CustomData)[key];
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

/** One string column of a row schema, as the fast check reads it. */
interface ColumnCheck {
  key: string;
  optional: boolean;
  nullable: boolean;
  minLength: number;
}

type RowSchema = z.ZodObject;

/**
 * The columns of a row schema when every one is a plain string (optional, nullable or not): such a
 * schema is checked by a loop over the row's own object, without zod copying the row. Any other
 * column type leaves the schema to zod (undefined).
 */
function compileColumns(schema: RowSchema): ColumnCheck[] | undefined {
  const columns: ColumnCheck[] = [];
  for (const [key, column] of Object.entries(schema.shape)) {
    let inner = column as z.ZodType;
    let optional = false;
    let nullable = false;
    for (;;) {
      const def = inner.def as { type: string; innerType?: z.ZodType };
      if (def.type === "optional" && def.innerType) [optional, inner] = [true, def.innerType];
      else if (def.type === "nullable" && def.innerType) [nullable, inner] = [true, def.innerType];
      else break;
    }
    if (inner.def.type !== "string" || Object.keys(inner.def).some((k) => k !== "type" && k !== "checks")) return;
    columns.push({ key, optional, nullable, minLength: (inner as z.ZodString).minLength ?? 0 });
  }
  return columns;
}

const compiled = new WeakMap<RowSchema, ColumnCheck[] | null>();

function columnsOf(schema: RowSchema): ColumnCheck[] | null {
  let columns = compiled.get(schema);
  if (columns === undefined) {
    columns = compileColumns(schema) ?? null;
    compiled.set(schema, columns);
  }
  return columns;
}

function passes(value: unknown, columns: readonly ColumnCheck[]): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const row = value as Record<string, unknown>;
  for (const column of columns) {
    const v = row[column.key];
    if (typeof v === "string") {
      if (v.length < column.minLength) return false;
    } else if (!((v === undefined && column.optional) || (v === null && column.nullable))) return false;
  }
  return true;
}

/**
 * Checks the shape Zou sent before the codec reads it: a surprise is a ServerError, not a crash.
 * A row that passes is returned as it is (it becomes the record's `raw`, never copied); zod reads
 * only a row that fails, to say what is wrong, and schemas the fast check cannot express.
 */
export function parseRow<S extends RowSchema>(schema: S, value: unknown, what: string): z.infer<S> & KitsuRow {
  const columns = columnsOf(schema);
  if (columns && passes(value, columns)) return value as z.infer<S> & KitsuRow;
  const result = schema.safeParse(value);
  if (!result.success) {
    const problem = result.error.issues.map((i) => `${i.path.join(".") || "(row)"}: ${i.message}`).join("; ");
    throw ServerError.unexpectedResponse(`${what} record`, problem);
  }
  return result.data as z.infer<S> & KitsuRow;
}

/** A record's creation time; rows without one (with-tasks) get the epoch, left out afterwards. */
export const createdAt = (row: KitsuRow): Date => toDateRequired(row.created_at);

/** A record's last change; a row never updated has only its creation time. */
export const updatedAt = (row: KitsuRow): Date => toDateRequired(row.updated_at ?? row.created_at);
