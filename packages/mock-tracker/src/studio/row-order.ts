/**
 * A sort order a table can keep rows in (`Table.view`): the key it reads off a row, and how two keys
 * compare. Keys must differ between rows (a creation rank, or a key ending with the id), so that
 * an order is total and a row's entry is found again by its key.
 */
export interface RowOrder<R, K> {
  /** The row's key now; `seq` is its creation rank in the table. */
  key(row: R, seq: number): K;
  compare(a: K, b: K): number;
}

/** Creation order, the order of every mock query: the key is the creation rank. */
export const creationOrder: RowOrder<object, number> = {
  key: (_row, seq) => seq,
  compare: (a, b) => a - b,
};
