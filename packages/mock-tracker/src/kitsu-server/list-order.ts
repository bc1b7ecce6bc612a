import type { RowOrder } from "../studio/row-order.js";
import type { BaseRow } from "../studio/table.js";
import { naive } from "./codec/common.js";

/* The order of Zou's paged crud lists (zou.md §2.2), on serialized rows and on stored ones. */

/** What a paged list sorts on: the row's `updated_at`, `created_at` and `id` columns. */
export interface ListKey {
  updatedAt: string;
  createdAt: string;
  id: string;
}

/** `localeCompare`, skipped for equal texts (timestamps of rows written within a second are). */
const text = (a: string, b: string): number => (a === b ? 0 : a.localeCompare(b));

/** Zou's paging order: updated newest first, then created newest first, then id; below 0 when `a` comes first. */
export function compareListKeys(a: ListKey, b: ListKey): number {
  return text(b.updatedAt, a.updatedAt) || text(b.createdAt, a.createdAt) || text(a.id, b.id);
}

/** The key of a serialized row. */
export const rowListKey = (row: Record<string, unknown>): ListKey => ({
  updatedAt: String(row.updated_at ?? ""),
  createdAt: String(row.created_at ?? ""),
  id: String(row.id),
});

/**
 * The same order on stored rows, for the mock store's views, whose codecs write `updated_at` and
 * `created_at` as `naive()` of the row's dates and `id` as its id. A view keeps it reversed (oldest
 * first): rows that are created or updated are the newest, and join at its end.
 */
export const storedListOrder: RowOrder<BaseRow, ListKey> = {
  key: (row) => ({ updatedAt: naive(row.updatedAt) ?? "", createdAt: naive(row.createdAt) ?? "", id: row.id }),
  compare: (a, b) => compareListKeys(b, a),
};
