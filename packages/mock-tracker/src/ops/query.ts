import type { Id, Kind, PageRequest, Where } from "@gadget/core/adapter";
import { checkFilterKeys, checkWhereIds, ValidationError } from "@gadget/core/adapter";
import { creationOrder } from "../studio/row-order.js";
import type { Stored, Studio } from "../studio/studio.js";
import { type BaseRow, fieldOf, type Table } from "../studio/table.js";
import { commentPage } from "./comment-order.js";

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

/** Rows a where key picks through its index, read off the index sizes (Infinity: the key has none). */
function indexedCount(table: Table<BaseRow>, key: string, values: readonly unknown[]): number {
  if (key === "id") return values.length;
  if (!table.isIndexed(key)) return Number.POSITIVE_INFINITY;
  let count = 0;
  for (const value of values) count += table.lookup(key, value).size;
  return count;
}

/** Where a page starts: past the creation rank of the previous page's last row, newest first or not. */
interface Start {
  after: number | undefined;
  descending: boolean;
}

/** The rows of a small set of ids past the start, in query order, sorted on the spot. */
function sortedPast(table: Table<BaseRow>, ids: Iterable<Id>, { after, descending }: Start): BaseRow[] {
  const rows = table.sorted(ids);
  if (descending) rows.reverse();
  if (after === undefined) return rows;
  return rows.filter((row) => (descending ? table.seqOf(row.id) < after : table.seqOf(row.id) > after));
}

/** The rows whose indexed `key` equals `value`, past the start, in query order. */
function bucketPast(table: Table<BaseRow>, key: string, value: unknown, start: Start): Iterable<BaseRow> {
  return rowsOf(table.view(creationOrder, key, value).after(start.after, start.descending));
}

function* rowsOf<R>(entries: Iterable<{ row: R }>): Generator<R> {
  for (const { row } of entries) yield row;
}

/** Rows of disjoint sources, each in query order, merged into query order. */
function* merged(table: Table<BaseRow>, sources: Iterable<BaseRow>[], descending: boolean): Generator<BaseRow> {
  const iterators = sources.map((source) => source[Symbol.iterator]());
  const heads = iterators.map((it) => it.next());
  for (;;) {
    let best = -1;
    let bestSeq = 0;
    heads.forEach((head, i) => {
      if (head.done) return;
      const seq = table.seqOf(head.value.id);
      if (best < 0 || (descending ? seq > bestSeq : seq < bestSeq)) [best, bestSeq] = [i, seq];
    });
    const head = heads[best];
    if (!head || head.done) return;
    yield head.value;
    heads[best] = (iterators[best] as Iterator<BaseRow>).next();
  }
}

/**
 * The rows worth testing against the where (the caller checks every key on them), in query order
 * from the start: a where that gives every field of a unique key (`{ sequenceId, name }`) reads
 * that key's index; otherwise the indexed key matching the fewest rows, judged from index sizes,
 * is the only one whose rows are read, so `{ projectId, name }` never walks the project's rows. No
 * indexed key: the whole table, through its view.
 */
function candidates(table: Table<BaseRow>, entries: [string, unknown][], start: Start): Iterable<BaseRow> {
  const byKey = table.keyMatches(Object.fromEntries(entries));
  if (byKey) return sortedPast(table, byKey, start);
  let best: { key: string; values: readonly unknown[] } | undefined;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const [key, wanted] of entries) {
    const values = Array.isArray(wanted) ? wanted : [wanted];
    const count = indexedCount(table, key, values);
    if (count < bestCount) [best, bestCount] = [{ key, values }, count];
  }
  if (!best) return rowsOf(table.view(creationOrder).after(start.after, start.descending));
  const { key, values } = best;
  if (key === "id") return sortedPast(table, new Set(values as Id[]), start);
  const distinct = [...new Set(values)];
  if (distinct.length === 1) return bucketPast(table, key, distinct[0], start);
  return merged(
    table,
    distinct.map((value) => bucketPast(table, key, value, start)),
    start.descending,
  );
}

/**
 * Kinds listed newest first, as Kitsu lists them. Comments, which Kitsu lists by `created_at`
 * descending (Zou's tasks_service._prepare_query), page in Gadget's comment order (./comment-order.ts).
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
  const entries = Object.entries(where).filter(([, v]) => v !== undefined);
  const table = studio.table(kind) as unknown as Table<BaseRow>;
  if (kind === "comment") {
    const all = candidates(table, entries, { after: undefined, descending: true });
    const matching = [...all].filter((row) => entries.every(([key, wanted]) => matches(fieldOf(row, key), wanted)));
    return commentPage(table, matching, page.cursor, limit) as RowPage<Stored<K>>;
  }
  const descending = newestFirst.has(kind);
  const start: Start = { after: page.cursor ? decodeCursor(kind, page.cursor) : undefined, descending };
  const items: Stored<K>[] = [];
  let more = false;
  for (const row of candidates(table, entries, start)) {
    if (!entries.every(([key, wanted]) => matches(fieldOf(row, key), wanted))) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(row as Stored<K>);
  }
  const last = items.at(-1) as BaseRow | undefined;
  return { items, next: more && last ? encodeCursor(kind, table.seqOf(last.id)) : null };
}
