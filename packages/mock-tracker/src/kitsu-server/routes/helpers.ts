import {
  asId,
  type Id,
  type Kind,
  type ProjectRecord,
  type RecordOf,
  type TrackerAdapter,
  type Where,
} from "@gadget/core/adapter";
import { isUuid, pickFields } from "../codec/common.js";
import { compareListKeys, rowListKey } from "../list-order.js";
import type { ServerContext, ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";

/* Shared pieces of the route modules: permission checks, id parsing, Zou's list semantics. */

export type Row = Record<string, unknown>;

export function requireAdmin(req: ZouRequest): void {
  if (req.actor.role !== "admin") throw zou.forbidden();
}

export function requireManager(req: ZouRequest): void {
  if (req.actor.role !== "admin" && req.actor.role !== "manager") throw zou.forbidden();
}

/** Crud routes reject a non-UUID id with 400 "Malformed ID."; typed routes answer 404. */
export function crudId(value: string | undefined): Id {
  if (!value || !isUuid(value)) throw zou.malformedId();
  return asId(value.toLowerCase());
}

export function typedId(value: string | undefined): Id {
  if (!value || !isUuid(value)) throw zou.notFound();
  return asId(value.toLowerCase());
}

/** Every record of a kind (the tracker pages; Zou lists are whole unless `page` is given). */
export async function all<K extends Kind>(
  tracker: TrackerAdapter,
  kind: K,
  where: Where<K> = {},
): Promise<RecordOf<K>[]> {
  const out: RecordOf<K>[] = [];
  let cursor: string | undefined;
  do {
    const page = await tracker.query(kind, where, cursor ? { limit: 500, cursor } : { limit: 500 });
    out.push(...(page.items as RecordOf<K>[]));
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

export async function findOr404<K extends Kind>(tracker: TrackerAdapter, kind: K, id: Id): Promise<RecordOf<K>> {
  try {
    return await tracker.get(kind, id);
  } catch {
    throw zou.notFound();
  }
}

export async function maybe<K extends Kind>(
  tracker: TrackerAdapter,
  kind: K,
  id: string | null | undefined,
): Promise<RecordOf<K> | undefined> {
  if (!id) return undefined;
  try {
    return await tracker.get(kind, asId(id));
  } catch {
    return undefined;
  }
}

/** Query parameters that are never column filters. */
export const reserved: ReadonlySet<string> = new Set(["page", "limit", "relations", "fields", "force"]);
const truthy = new Set(["true", "1", "t", "yes", "y", "on"]);
const falsy = new Set(["false", "0", "f", "no", "n", "off"]);

/**
 * Zou's crud filter (zou.md §2.2) applied to serialized rows: unknown keys ignored, `name` ILIKE
 * with `%`/`_` wildcards, `[..]` JSON lists as IN, relationship arrays as "contains", booleans and
 * UUIDs validated. A `name` is never a list: Zou's apply_criterions_to_db_query checks `name` before
 * lists, so `name=["a","b"]` is an ILIKE on that text and matches nothing.
 */
export function applyFilters(rows: Row[], query: URLSearchParams, columns: readonly string[]): Row[] {
  let out = rows;
  for (const [key, raw] of query) {
    if (reserved.has(key) || !columns.includes(key)) continue;
    const values = filterValues(key, raw);
    out = out.filter((row) => values.some((v) => matches(row[key], v, key)));
  }
  return out;
}

/**
 * The id filters of a Zou query as a tracker `Where` (`columns`: Zou column → model field), so
 * that a list asks the tracker for the rows in scope instead of reading the whole table; the
 * values are validated as `applyFilters` does, which still runs on the rows for the other columns.
 */
export function trackerWhere<K extends Kind>(query: URLSearchParams, columns: Record<string, string>): Where<K> {
  const where: Record<string, Id[]> = {};
  for (const [column, field] of Object.entries(columns)) {
    const raw = query.get(column);
    if (raw === null) continue;
    const values = parseValues(column, raw).map((v) => asId(v.toLowerCase()));
    // Two columns on one field (a shot's `sequence_id` and `parent_id`) must both hold.
    where[field] = where[field] ? where[field].filter((v) => values.includes(v)) : values;
  }
  return where as Where<K>;
}

/** Zou's `name` filter as a test on record names, to drop rows before they are serialized. */
export function nameFilter(query: URLSearchParams): (name: string) => boolean {
  const raw = query.get("name");
  if (raw === null) return () => true;
  const patterns = filterValues("name", raw).map(ilikeRegExp);
  return (name) => patterns.some((re) => re.test(name));
}

/** Zou reads `name` as one ILIKE pattern, even when it starts with `[` (utils/query.py); other columns take a JSON list. */
const filterValues = (key: string, raw: string): string[] => (key === "name" ? [raw] : parseValues(key, raw));

function parseValues(key: string, raw: string): string[] {
  if (!raw.startsWith("[")) return [check(key, raw)];
  try {
    const list = JSON.parse(raw) as unknown;
    if (!Array.isArray(list)) throw new Error("not a list");
    return list.map((v) => check(key, String(v)));
  } catch {
    throw zou.wrongParameter(`Malformed list filter for field ${key}.`);
  }
}

function check(key: string, value: string): string {
  if ((key === "id" || key.endsWith("_id")) && !isUuid(value)) throw zou.wrongParameter(`Invalid UUID value: ${value}`);
  return value;
}

function matches(cell: unknown, value: string, key: string): boolean {
  if (Array.isArray(cell)) return cell.includes(value);
  if (typeof cell === "boolean") {
    const v = value.toLowerCase();
    if (!truthy.has(v) && !falsy.has(v)) throw zou.wrongParameter(`Invalid boolean value: ${value}`);
    return cell === truthy.has(v);
  }
  if (key === "name" && typeof cell === "string") return ilike(cell, value);
  if (cell === null || cell === undefined) return false;
  return String(cell).toLowerCase() === value.toLowerCase() || String(cell) === value;
}

/** SQL ILIKE as a regular expression: `%` any run, `_` one character, case-insensitive. */
function ilikeRegExp(pattern: string): RegExp {
  const re = pattern
    .split("")
    .map((c) => (c === "%" ? ".*" : c === "_" ? "." : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${re}$`, "is");
}

export function ilike(text: string, pattern: string): boolean {
  return ilikeRegExp(pattern).test(text);
}

/** Booleans in filters are validated even when no row has the column. */
export function validateBooleans(query: URLSearchParams, booleanColumns: readonly string[]): void {
  for (const key of booleanColumns) {
    const v = query.get(key);
    if (v !== null && !truthy.has(v.toLowerCase()) && !falsy.has(v.toLowerCase())) {
      throw zou.wrongParameter(`Invalid boolean value: ${v}`);
    }
  }
}

/** A list in Zou's paging order, read by rank (`slice` as Array.prototype.slice, rows shaped). */
export interface RankedRows {
  total: number;
  slice(start: number, end: number): Row[];
}

/** A row as Zou's `fields=` parameter leaves it (§2.2): every column when it is not given. */
export function shapeFields(row: Row, query: URLSearchParams): Row {
  const fields = query.get("fields");
  return fields ? pickFields(row, fields.split(",")) : row;
}

/** `page`/`limit` envelope and `fields` of §2.2; without `page` the whole list comes back. */
export function listReply(rows: Row[], query: URLSearchParams): unknown {
  const shaped = rows.map((r) => shapeFields(r, query));
  if (query.get("page") === null) return shaped;
  const sorted = [...shaped].sort((a, b) => compareListKeys(rowListKey(a), rowListKey(b)));
  return pageReply({ total: sorted.length, slice: (start, end) => sorted.slice(start, end) }, query);
}

/** The `page`/`limit` envelope of a list read by rank (a request with `page`). */
export function pageReply(list: RankedRows, query: URLSearchParams): unknown {
  const page = Number.parseInt(query.get("page") ?? "", 10) || 0;
  const limit = Number.parseInt(query.get("limit") ?? "", 10) || 100;
  const offset = (page - 1) * limit;
  return {
    data: page < 1 ? [] : list.slice(offset, offset + limit),
    total: list.total,
    nb_pages: Math.ceil(list.total / limit),
    limit,
    offset,
    page,
  };
}

export const wantsRelations = (query: URLSearchParams, fallback: boolean): boolean => {
  const v = query.get("relations");
  return v === null ? fallback : truthy.has(v.toLowerCase());
};

/**
 * A manager's write under `/data/projects/:projectId`: its JSON body and the project, checked in
 * Zou's order (403, then the body's 415/400, then 404).
 */
export async function projectWrite(
  req: ZouRequest,
  ctx: ServerContext,
): Promise<{ body: Row; project: ProjectRecord }> {
  requireManager(req);
  const body = await objectBody(req);
  const project = await findOr404(ctx.tracker, "project", typedId(req.params.projectId));
  return { body, project };
}

/** A UUID field a body must carry, or Zou's 400 naming it. */
export function requiredId(body: Row, field: string): Id {
  const id = optId(body[field]);
  if (!id) throw zou.validation([{ field, message: "Field required" }]);
  return id;
}

/** A JSON object body, or Zou's answers for a missing one. */
export async function objectBody(req: ZouRequest): Promise<Row> {
  const body = await req.json();
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw zou.emptyData();
  return body as Row;
}

export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const optId = (v: unknown): Id | undefined => (typeof v === "string" && isUuid(v) ? asId(v) : undefined);
