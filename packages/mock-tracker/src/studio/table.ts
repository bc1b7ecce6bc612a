import type { CustomData, Id } from "@gadget/core";

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

/** Rows of one kind in creation order, with secondary indexes kept in step with every write. */
export class Table<R extends BaseRow> {
  private readonly rows = new Map<Id, R>();
  /** (name, scope values) → ids: duplicate-name checks in O(1) whatever the table size. */
  private readonly scoped = new Map<string, Set<Id>>();
  private readonly order = new Map<Id, number>();
  private readonly indexes = new Map<string, Map<unknown, Set<Id>>>();
  private nextSeq = 0;

  private readonly indexed: ReadonlySet<string>;

  /**
   * @param indexFields fields looked up often enough to be indexed (a map access, not a scan)
   * @param scopeKeys fields within which names are unique (empty: the whole table; null: not unique)
   */
  constructor(
    indexFields: readonly string[] = [],
    private readonly scopeKeys: readonly string[] | null = null,
  ) {
    this.indexed = new Set(indexFields);
  }

  private scopedKey(row: object): string | null {
    if (!this.scopeKeys) return null;
    return JSON.stringify([fieldOf(row, "name"), ...this.scopeKeys.map((k) => fieldOf(row, k) ?? null)]);
  }

  /** Ids of the rows that have the same name in the same scope as `row`. */
  sameScopedName(row: object): ReadonlySet<Id> {
    const key = this.scopedKey(row);
    return (key === null ? undefined : this.scoped.get(key)) ?? new Set();
  }

  /**
   * Ids of the rows a query picks through the (name, scope) index: undefined unless it gives one
   * name and one value for every scope key, the only queries that index answers alone.
   */
  scopedMatches(where: Readonly<Record<string, unknown>>): ReadonlySet<Id> | undefined {
    if (!this.scopeKeys || typeof where.name !== "string") return undefined;
    if (this.scopeKeys.some((key) => where[key] === undefined || Array.isArray(where[key]))) return undefined;
    return this.sameScopedName(where);
  }

  private setScoped(row: object, id: Id, add: boolean): void {
    const key = this.scopedKey(row);
    if (key === null) return;
    let ids = this.scoped.get(key);
    if (add) {
      if (!ids) {
        ids = new Set();
        this.scoped.set(key, ids);
      }
      ids.add(id);
    } else if (ids) {
      ids.delete(id);
      if (ids.size === 0) this.scoped.delete(key);
    }
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
    this.rows.set(row.id, row);
    this.order.set(row.id, this.nextSeq++);
    this.setScoped(row, row.id, true);
    for (const key of this.indexed) this.addIndex(key, fieldOf(row, key), row.id);
  }

  /** Applies changes in place (the row keeps its creation rank) and moves its index entries. */
  patch(id: Id, changes: Partial<R>): R {
    const row = this.rows.get(id);
    if (!row) throw new Error(`patch of a missing row ${id}`);
    this.setScoped(row, id, false);
    this.setScoped({ ...row, ...changes }, id, true);
    for (const key of Object.keys(changes)) {
      if (!this.indexed.has(key)) continue;
      this.dropIndex(key, fieldOf(row, key), id);
      this.addIndex(key, fieldOf(changes, key), id);
    }
    Object.assign(row, changes);
    return row;
  }

  delete(id: Id): R | undefined {
    const row = this.rows.get(id);
    if (!row) return undefined;
    for (const key of this.indexed) this.dropIndex(key, fieldOf(row, key), id);
    this.setScoped(row, id, false);
    this.rows.delete(id);
    this.order.delete(id);
    return row;
  }

  isIndexed(field: string): boolean {
    return this.indexed.has(field);
  }

  /** Ids of the rows whose indexed `field` equals `value`. */
  lookup(field: string, value: unknown): ReadonlySet<Id> {
    return this.indexes.get(field)?.get(value) ?? new Set();
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
