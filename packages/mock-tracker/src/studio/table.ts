import type { CustomData, Id, UniqueKey } from "@gadget/core/adapter";
import { uniqueIdentity } from "@gadget/core/adapter";
import type { RowOrder } from "./row-order.js";
import { SortedView } from "./sorted-view.js";

/** The fields every stored row has (a record without `raw`, which is made on the way out). */
export interface BaseRow {
  id: Id;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  customData: CustomData;
}

/** Reads a field of a row by name, for the generic code (queries, indexes). */
export const fieldOf = (row: object, key: string): unknown => (row as Record<string, unknown>)[key];

/** Buckets up to this size get a view made for each read (cheap to sort); larger ones keep theirs. */
const keepViewsAbove = 256;

/** The views a table keeps in one order: of all its rows, and per indexed field of each value asked for. */
interface OrderViews<R> {
  order: RowOrder<R, unknown>;
  /**
   * Each row's current key by id, one object shared by all the row's entries: an entry whose key is
   * not its row's current one is stale (the row was rekeyed or deleted), found without computing
   * the key again.
   */
  keys: Map<Id, unknown>;
  all?: SortedView<R, unknown>;
  byField: Map<string, Map<unknown, SortedView<R, unknown>>>;
}

/**
 * Rows of one kind in creation order, with secondary indexes kept in step with every write, and
 * sorted views (`view()`) for the lists read a page at a time.
 */
export class Table<R extends BaseRow> {
  private readonly rows = new Map<Id, R>();
  /** Per unique key, its identity → ids: duplicate checks in O(1) whatever the table size. */
  private readonly unique: Map<string, Set<Id>>[];
  private readonly order = new Map<Id, number>();
  private readonly indexes = new Map<string, Map<unknown, Set<Id>>>();
  /** Sorted views per order, made when first read and kept in step with every write from then on. */
  private readonly views = new Map<RowOrder<R, unknown>, OrderViews<R>>();
  private nextSeq = 0;

  private readonly indexed: ReadonlySet<string>;

  /**
   * @param indexFields fields looked up often enough to be indexed (a map access, not a scan)
   * @param uniqueKeys the kind's unique keys (the tracker rules), each kept as an index
   */
  constructor(
    indexFields: readonly string[] = [],
    private readonly uniqueKeys: readonly UniqueKey[] = [],
  ) {
    this.indexed = new Set(indexFields);
    this.unique = uniqueKeys.map(() => new Map());
  }

  /** Per unique key the row takes part in, the ids of the rows sharing its values (the row's own included). */
  clashes(row: object): { key: UniqueKey; ids: ReadonlySet<Id> }[] {
    const out: { key: UniqueKey; ids: ReadonlySet<Id> }[] = [];
    this.uniqueKeys.forEach((key, i) => {
      const identity = uniqueIdentity(key, row as Record<string, unknown>);
      const ids = identity === undefined ? undefined : this.unique[i]?.get(identity);
      if (ids) out.push({ key, ids });
    });
    return out;
  }

  /**
   * Ids of the rows a query picks through a unique key's index: undefined unless it gives one
   * value for every field of a key that covers every row, the only queries such an index answers
   * alone (the caller still compares every value, so a key that ignores case may answer).
   */
  keyMatches(where: Readonly<Record<string, unknown>>): ReadonlySet<Id> | undefined {
    for (const [i, key] of this.uniqueKeys.entries()) {
      if (key.among || key.fields.some((f) => where[f] === undefined || Array.isArray(where[f]))) continue;
      const identity = uniqueIdentity(key, where);
      if (identity !== undefined) return this.unique[i]?.get(identity) ?? new Set();
    }
    return undefined;
  }

  private setUnique(row: object, id: Id, add: boolean): void {
    this.uniqueKeys.forEach((key, i) => {
      const identity = uniqueIdentity(key, row as Record<string, unknown>);
      const index = this.unique[i];
      if (identity === undefined || !index) return;
      let ids = index.get(identity);
      if (add) {
        if (!ids) {
          ids = new Set();
          index.set(identity, ids);
        }
        ids.add(id);
      } else if (ids) {
        ids.delete(id);
        if (ids.size === 0) index.delete(identity);
      }
    });
  }

  get size(): number {
    return this.rows.size;
  }

  has(id: Id): boolean {
    return this.rows.has(id);
  }

  get(id: Id): R | undefined {
    return this.rows.get(id);
  }

  /** Rows in creation order. */
  values(): IterableIterator<R> {
    return this.rows.values();
  }

  /** Creation rank of a row: the stable order of queries and the content of cursors. */
  seqOf(id: Id): number {
    return this.order.get(id) ?? -1;
  }

  insert(row: R): void {
    const seq = this.nextSeq++;
    this.rows.set(row.id, row);
    this.order.set(row.id, seq);
    this.setUnique(row, row.id, true);
    for (const key of this.indexed) this.addIndex(key, fieldOf(row, key), row.id);
    for (const { order, keys, all, byField } of this.views.values()) {
      const key = order.key(row, seq);
      keys.set(row.id, key);
      all?.add(row, key);
      for (const [field, byValue] of byField) byValue.get(fieldOf(row, field))?.add(row, key);
    }
  }

  /** Applies changes in place (the row keeps its creation rank) and moves its index and view entries. */
  patch(id: Id, changes: Partial<R>): R {
    const row = this.rows.get(id);
    if (!row) throw new Error(`patch of a missing row ${id}`);
    this.setUnique(row, id, false);
    this.setUnique({ ...row, ...changes }, id, true);
    for (const key of Object.keys(changes)) {
      if (!this.indexed.has(key)) continue;
      this.dropIndex(key, fieldOf(row, key), id);
      this.addIndex(key, fieldOf(changes, key), id);
    }
    const before = [...this.views.values()].map((views) => ({
      views,
      values: [...views.byField.keys()].map((field) => fieldOf(row, field)),
    }));
    Object.assign(row, changes);
    const seq = this.seqOf(id);
    for (const { views, values } of before) {
      const { order, keys, all, byField } = views;
      // No key yet: the row is in none of the order's views.
      const oldKey = keys.get(id);
      const fresh = order.key(row, seq);
      const rekeyed = oldKey === undefined || order.compare(oldKey, fresh) !== 0;
      const key = rekeyed ? fresh : oldKey;
      if (rekeyed) keys.set(id, key);
      if (rekeyed && all) {
        all.drop();
        all.add(row, key);
      }
      [...byField].forEach(([field, byValue], i) => {
        const value = fieldOf(row, field);
        if (!rekeyed && value === values[i]) return;
        dropFromView(byValue, values[i]);
        byValue.get(value)?.add(row, key);
      });
    }
    return row;
  }

  delete(id: Id): R | undefined {
    const row = this.rows.get(id);
    if (!row) return undefined;
    for (const key of this.indexed) this.dropIndex(key, fieldOf(row, key), id);
    this.setUnique(row, id, false);
    this.rows.delete(id);
    this.order.delete(id);
    for (const { keys, all, byField } of this.views.values()) {
      keys.delete(id);
      all?.drop();
      for (const [field, byValue] of byField) dropFromView(byValue, fieldOf(row, field));
    }
    return row;
  }

  /**
   * The rows in `order` (those whose indexed `field` equals `value`, when given), as a view sorted
   * once when first asked for and kept in step with every write from then on: pages read it from a
   * key or a rank without sorting the rows again. The view of a bucket of a few rows is made for
   * the read at hand only: read it before the next write.
   */
  view<K>(order: RowOrder<R, K>, field?: string, value?: unknown): SortedView<R, K> {
    const anyOrder = order as RowOrder<R, unknown>;
    let views = this.views.get(anyOrder);
    if (!views) {
      views = { order: anyOrder, keys: new Map(), byField: new Map() };
      this.views.set(anyOrder, views);
    }
    if (field === undefined) {
      views.all ??= this.sortedView(views, this.rows.values());
      return views.all as SortedView<R, K>;
    }
    if (!this.indexed.has(field)) throw new Error(`a view needs an index, and ${field} has none`);
    let byValue = views.byField.get(field);
    if (!byValue) {
      byValue = new Map();
      views.byField.set(field, byValue);
    }
    const kept = byValue.get(value);
    if (kept) return kept as SortedView<R, K>;
    const ids = this.lookup(field, value);
    const view = this.sortedView(
      views,
      Array.from(ids, (id) => this.rows.get(id) as R),
      field,
      value,
    );
    // A small bucket is sorted again at each read rather than kept in step with every write.
    if (ids.size > keepViewsAbove) byValue.set(value, view);
    return view as SortedView<R, K>;
  }

  private sortedView(
    { order, keys }: OrderViews<R>,
    rows: Iterable<R>,
    field?: string,
    value?: unknown,
  ): SortedView<R, unknown> {
    const entries = Array.from(rows, (row) => {
      let key = keys.get(row.id);
      if (key === undefined) {
        key = order.key(row, this.seqOf(row.id));
        keys.set(row.id, key);
      }
      return { row, key };
    });
    entries.sort((a, b) => order.compare(a.key, b.key));
    return new SortedView(
      entries,
      order.compare,
      ({ row, key }) => keys.get(row.id) === key && (field === undefined || fieldOf(row, field) === value),
    );
  }

  isIndexed(field: string): boolean {
    return this.indexed.has(field);
  }

  /** Ids of the rows whose indexed `field` equals `value`. */
  lookup(field: string, value: unknown): ReadonlySet<Id> {
    return this.indexes.get(field)?.get(value) ?? new Set();
  }

  /** Ids of the rows whose `field` equals `value`: through its index when it has one, else by a scan. */
  idsWhere(field: string, value: unknown): ReadonlySet<Id> {
    if (this.indexed.has(field)) return this.lookup(field, value);
    const ids = new Set<Id>();
    for (const row of this.rows.values()) if (fieldOf(row, field) === value) ids.add(row.id);
    return ids;
  }

  /** Rows whose indexed `field` equals `value`, in creation order. */
  rowsWhere(field: string, value: unknown): R[] {
    return this.sorted(this.lookup(field, value));
  }

  /** Rows of the given ids in creation order. */
  sorted(ids: Iterable<Id>): R[] {
    const out: R[] = [];
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row) out.push(row);
    }
    return out.sort((a, b) => this.seqOf(a.id) - this.seqOf(b.id));
  }

  private addIndex(field: string, value: unknown, id: Id): void {
    let byValue = this.indexes.get(field);
    if (!byValue) {
      byValue = new Map();
      this.indexes.set(field, byValue);
    }
    let ids = byValue.get(value);
    if (!ids) {
      ids = new Set();
      byValue.set(value, ids);
    }
    ids.add(id);
  }

  private dropIndex(field: string, value: unknown, id: Id): void {
    const byValue = this.indexes.get(field);
    const ids = byValue?.get(value);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) byValue?.delete(value);
  }
}

/** Drops a row from the view of `value`, and the view itself once empty (made again when next read). */
function dropFromView<R>(byValue: Map<unknown, SortedView<R, unknown>>, value: unknown): void {
  const view = byValue.get(value);
  if (!view) return;
  view.drop();
  if (view.size === 0) byValue.delete(value);
}
