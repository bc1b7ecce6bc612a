import { compareComments, type Id, ValidationError } from "@gadget/core/adapter";
import type { BaseRow, Table } from "../studio/table.js";

/*
 * A task's comments in Gadget's order (core's `compareComments`): newest `createdAt` first, and among
 * equal dates (an importer's, to the second) the latest posted first, which the mock knows exactly
 * from the creation rank. A comment's date may be older than comments posted before it, so this order
 * is not the creation order the other kinds page in: the rows are sorted (a task holds few), and a
 * cursor is the last row's key, so that a page after deletes and new comments goes on where it was.
 */

interface CommentRow extends BaseRow {
  createdAt: Date;
}

interface CommentKey {
  at: number;
  seq: number;
}

const keyOf = (table: Table<BaseRow>, row: CommentRow): CommentKey => ({
  at: row.createdAt.getTime(),
  seq: table.seqOf(row.id),
});

/** Below 0 when `a` is listed before `b`. */
const compareKeys = (a: CommentKey, b: CommentKey): number => b.at - a.at || b.seq - a.seq;

export function encodeCommentCursor(key: CommentKey): string {
  return Buffer.from(JSON.stringify({ k: "comment", t: key.at, s: key.seq })).toString("base64url");
}

function decodeCommentCursor(cursor: string): CommentKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
    if (parsed.k === "comment" && Number.isInteger(parsed.t) && Number.isInteger(parsed.s)) {
      return { at: parsed.t as number, seq: parsed.s as number };
    }
  } catch {
    // reported below, like any cursor this adapter did not make
  }
  throw new ValidationError(
    `The cursor "${cursor}" was not made by a comment query of this mock tracker. Pass the \`next\` of the previous page, or no cursor for the first page.`,
    [{ path: ["cursor"], message: "unknown cursor" }],
  );
}

/** One page of the matching comments in Gadget's order, from past the cursor's row. */
export function commentPage(
  table: Table<BaseRow>,
  matching: Iterable<BaseRow>,
  cursor: string | undefined,
  limit: number,
): { items: BaseRow[]; next: string | null } {
  const order = compareComments<CommentRow>((a, b) => table.seqOf(b.id as Id) - table.seqOf(a.id as Id));
  const rows = [...(matching as Iterable<CommentRow>)].sort(order);
  const after = cursor === undefined ? undefined : decodeCommentCursor(cursor);
  const start = after === undefined ? 0 : rows.findIndex((row) => compareKeys(keyOf(table, row), after) > 0);
  const items = start < 0 ? [] : rows.slice(start, start + limit);
  const last = items.at(-1) as CommentRow | undefined;
  const more = start >= 0 && start + limit < rows.length;
  return { items, next: more && last ? encodeCommentCursor(keyOf(table, last)) : null };
}
