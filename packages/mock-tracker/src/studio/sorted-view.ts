/** A row of a view with the key it was sorted by (the row may have changed since: see `alive`). */
export interface ViewEntry<R, K> {
  row: R;
  key: K;
}

/**
 * Rows kept sorted by key as writes come, so that a page starts at a key (a cursor) or a rank (an
 * offset) by binary search or indexing, in O(log n + page) instead of a sort of everything. A row
 * that arrives is a binary search and, as keys mostly grow, a push; a row that leaves only leaves
 * its entry stale (the owner says so with `drop()`), and stale entries are swept out in one pass
 * once they are many, or before a read by rank, which needs exact ranks.
 */
export class SortedView<R, K> {
  private stale = 0;

  /**
   * @param entries the view's rows, sorted by `compare` and all alive
   * @param alive whether an entry still stands for a row of the view under the row's current key
   */
  constructor(
    private entries: ViewEntry<R, K>[],
    private readonly compare: (a: K, b: K) => number,
    private readonly alive: (entry: ViewEntry<R, K>) => boolean,
  ) {}

  /** Rows in the view. */
  get size(): number {
    return this.entries.length - this.stale;
  }

  /** A row entered the view, or came back under a new key. */
  add(row: R, key: K): void {
    const { entries } = this;
    const last = entries.at(-1);
    if (!last || this.compare(last.key, key) < 0) {
      entries.push({ row, key });
      return;
    }
    const at = this.firstNotBelow(key);
    const same = entries[at];
    if (same && this.compare(same.key, key) === 0) {
      // Keys are unique to a row, and a row is added only when it has no live entry here: this is
      // its own entry, dropped when the row went away (deleted, moved out, or rekeyed), back again.
      same.row = row;
      same.key = key;
      this.stale -= 1;
      return;
    }
    entries.splice(at, 0, { row, key });
  }

  /** A row of the view left it or changed its key: its entry is stale from now on. */
  drop(): void {
    this.stale += 1;
  }

  /** Rows from rank `start` to rank `end` (excluded), in key order. */
  slice(start: number, end: number): R[] {
    this.sweep();
    return this.entries.slice(start, end).map((e) => e.row);
  }

  /**
   * Entries past `key` in key order (down from it when `descending`), from the first (the last) when
   * `key` is undefined. Read it before the next write: a write may move the entries.
   */
  *after(key: K | undefined, descending: boolean): Generator<ViewEntry<R, K>> {
    if (this.stale > this.entries.length / 2) this.sweep();
    const { entries } = this;
    if (descending) {
      for (let i = key === undefined ? entries.length - 1 : this.firstNotBelow(key) - 1; i >= 0; i--) {
        const entry = entries[i] as ViewEntry<R, K>;
        if (this.alive(entry)) yield entry;
      }
      return;
    }
    let i = key === undefined ? 0 : this.firstNotBelow(key);
    if (key !== undefined && i < entries.length && this.compare((entries[i] as ViewEntry<R, K>).key, key) === 0) i++;
    for (; i < entries.length; i++) {
      const entry = entries[i] as ViewEntry<R, K>;
      if (this.alive(entry)) yield entry;
    }
  }

  /** Index of the first entry whose key is not below `key`. */
  private firstNotBelow(key: K): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare((this.entries[mid] as ViewEntry<R, K>).key, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private sweep(): void {
    if (this.stale === 0) return;
    this.entries = this.entries.filter(this.alive);
    this.stale = 0;
  }
}
