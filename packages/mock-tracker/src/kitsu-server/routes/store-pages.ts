import type { Kind, RecordOf } from "@gadget/core/adapter";
import { Studio } from "../../studio/studio.js";
import type { BaseRow, Table } from "../../studio/table.js";
import { storedListOrder } from "../list-order.js";
import type { ServerContext, ZouRequest } from "../server-context.js";
import { type RankedRows, type Row, reserved, shapeFields, trackerWhere } from "./helpers.js";

/* Pages of crud lists read off the mock store's sorted views, in O(log n + page) a page. */

/**
 * A crud list the mock store's views can page: its kind, its Zou columns on fields the store
 * indexes (column → field), and its row, whose `updated_at`, `created_at` and `id` are the record's.
 */
export type StoreList = {
  [K in Kind]: {
    kind: K;
    columns: Readonly<Record<string, string>>;
    row(ctx: ServerContext, record: RecordOf<K>): Row;
  };
}[Kind];

/** The columns a page is sorted on: a `fields=` without them sorts otherwise, and is listed as usual. */
const orderColumns = ["updated_at", "created_at"];

/** The mock store behind the tracker, when the tracker is a MockTracker. */
function studioOf(ctx: ServerContext): Studio | undefined {
  const studio = (ctx.tracker as { studio?: unknown }).studio;
  return studio instanceof Studio ? studio : undefined;
}

/** An index as Array.prototype.slice reads it: negative counts from the end, clamped to the list. */
const sliceIndex = (i: number, length: number): number => (i < 0 ? Math.max(length + i, 0) : Math.min(i, length));

/**
 * The list a paged request reads, ranked by the store's view in Zou's order, instead of every row in
 * scope read, serialized and sorted for each page. Only when the tracker is a MockTracker, the
 * request has `page`, filters on at most one of the list's columns with one value, and keeps the
 * order's columns; undefined otherwise, and the caller lists as usual. The answer is the same:
 * same rows, same order, same total. `shape` finishes each row of the page (relations hidden).
 */
export function storePage(
  ctx: ServerContext,
  req: ZouRequest,
  list: StoreList,
  shape: (row: Row) => Row,
): RankedRows | undefined {
  const { query } = req;
  const studio = studioOf(ctx);
  const fields = query.get("fields")?.split(",");
  if (!studio || query.get("page") === null || (fields && !orderColumns.every((c) => fields.includes(c)))) {
    return undefined;
  }
  const [column, ...more] = [...query.keys()].filter((key) => !reserved.has(key));
  if (more.length > 0 || (column !== undefined && !Object.hasOwn(list.columns, column))) return undefined;
  let scope: { field: string; value: unknown } | undefined;
  if (column !== undefined) {
    const field = list.columns[column] as string;
    // Validated as the usual listing validates it (a malformed id is Zou's 400).
    const values = (trackerWhere(query, { [column]: field }) as Record<string, unknown[]>)[field] ?? [];
    if (values.length !== 1) return undefined;
    scope = { field, value: values[0] };
  }
  const table = studio.table(list.kind) as unknown as Table<BaseRow>;
  const view = table.view(storedListOrder, scope?.field, scope?.value);
  const total = view.size;
  const row = list.row as (ctx: ServerContext, record: RecordOf<Kind>) => Row;
  return {
    total,
    // The view keeps the order reversed: ranks [from, to) are its entries [total - to, total - from).
    slice: (start, end) => {
      const [from, to] = [sliceIndex(start, total), sliceIndex(end, total)];
      if (to <= from) return [];
      return view
        .slice(total - to, total - from)
        .reverse()
        .map((r) => shapeFields(shape(row(ctx, studio.output(list.kind, r as never))), query));
    },
  };
}
