import type { Id, Kind, PageRequest, Where } from "@gadget/core/adapter";
import { checkFilterKeys, checkWhereIds, ValidationError } from "@gadget/core/adapter";
import type { Stored, Studio } from "../studio/studio.js";
import { type BaseRow, fieldOf, type Table } from "../studio/table.js";

export interface RowPage<R> {
  items: R[];
  next: string | null;
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

const matches = (actual: unknown, wanted: unknown): boolean =>
  Array.isArray(wanted) ? wanted.some((w) => sameValue(actual, w)) : sameValue(actual, wanted);

function encodeCursor(kind: Kind, seq: number): string {
  return Buffer.from(JSON.stringify({ k: kind, s: seq })).toString("base64url");
}

function decodeCursor(kind: Kind, cursor: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const k = fieldOf(parsed as object, "k");
    const s = fieldOf(parsed as object, "s");
    if (k === kind && typeof s === "number" && Number.isInteger(s)) return s;
  } catch {
    // reported below, like any cursor this adapter did not make
  }
  throw new ValidationError(
    `The cursor "${cursor}" was not made by a ${kind} query of this mock tracker. Pass the \`next\` of the previous page, or no cursor for the first page.`,
    [{ path: ["cursor"], message: "unknown cursor" }],
  );
}

type Index = Pick<Table<BaseRow>, "has" | "isIndexed" | "lookup">;

/** Rows a where key picks through its index, read off the index sizes (Infinity: the key has none). */
function indexedCount(table: Index, key: string, values: readonly unknown[]): number {
  if (key === "id") return values.length;
  if (!table.isIndexed(key)) return Number.POSITIVE_INFINITY;
  let count = 0;
  for (const value of values) count += table.lookup(key, value).size;
  return count;
}

function indexedIds(table: Index, key: string, values: readonly unknown[]): Iterable<Id> {
  if (key === "id") return new Set(values.filter((value) => table.has(value as Id)) as Id[]);
  if (values.length === 1) return table.lookup(key, values[0]);
  const ids = new Set<Id>();
  for (const value of values) for (const id of table.lookup(key, value)) ids.add(id);
  return ids;
}

/**
 * The rows worth testing against the where (the caller checks every key on them): a where that
 * gives every field of a unique key (`{ sequenceId, name }`) reads that key's index; otherwise the
 * indexed key matching the fewest rows, judged from index sizes, is the only one whose ids are
 * gathered, so `{ projectId, name }` never walks the project's rows. No indexed key: the whole table.
 */
function candidates<K extends Kind>(studio: Studio, kind: K, entries: [string, unknown][]): Iterable<Stored<K>> {
  const table = studio.table(kind);
  const byKey = table.keyMatches(Object.fromEntries(entries));
  if (byKey) return table.sorted(byKey) as Iterable<Stored<K>>;
  let best: { key: string; values: readonly unknown[] } | undefined;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const [key, wanted] of entries) {
    const values = Array.isArray(wanted) ? wanted : [wanted];
    const count = indexedCount(table, key, values);
    if (count < bestCount) [best, bestCount] = [{ key, values }, count];
  }
  return (best ? table.sorted(indexedIds(table, best.key, best.values)) : table.values()) as Iterable<Stored<K>>;
}

/**
 * Kinds listed newest first, as Kitsu lists them: a task's comments come back by `created_at`
 * descending (Zou's tasks_service._prepare_query), so a tool reading `comments.all()[0]` as the
 * latest note must see the same on the mock.
 */
const newestFirst: ReadonlySet<Kind> = new Set<Kind>(["comment"]);

/** Equality on each key (arrays mean IN), in creation order (newest first for comments), a page at a time. */
export function queryRows<K extends Kind>(
  studio: Studio,
  kind: K,
  where: Where<K>,
  page: PageRequest = {},
): RowPage<Stored<K>> {
  checkFilterKeys(studio.rules, kind, where);
  checkWhereIds(kind, where, (id) => studio.holds(id));
  const limit = page.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ValidationError(`A page limit must be a positive integer, got ${limit}.`, [
      { path: ["limit"], message: "not a positive integer" },
    ]);
  }
  const descending = newestFirst.has(kind);
  const after = page.cursor ? decodeCursor(kind, page.cursor) : descending ? Number.POSITIVE_INFINITY : -1;
  const entries = Object.entries(where).filter(([, v]) => v !== undefined);
  const table = studio.table(kind);
  const items: Stored<K>[] = [];
  let more = false;
  const rows = candidates(studio, kind, entries);
  for (const row of descending ? [...rows].reverse() : rows) {
    const base = row as BaseRow;
    const seq = table.seqOf(base.id);
    if (descending ? seq >= after : seq <= after) continue;
    if (!entries.every(([key, wanted]) => matches(fieldOf(base, key), wanted))) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(row);
  }
  const last = items.at(-1) as BaseRow | undefined;
  return { items, next: more && last ? encodeCursor(kind, table.seqOf(last.id)) : null };
}
