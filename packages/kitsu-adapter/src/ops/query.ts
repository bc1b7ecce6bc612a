import {
  type CommentRecord,
  compareComments,
  type Id,
  type Kind,
  NotFoundError,
  type Page,
  type PageRequest,
  type RecordOf,
  type Where,
} from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { SearchParams } from "../transport/request-spec.js";
import { fromCache } from "./cached-query.js";
import { kindSpecs } from "./kind-specs.js";
import { openProjectsNamed } from "./open-projects.js";
import type { OpsContext } from "./ops-context.js";
import { matches } from "./record-match.js";
import { checkId, checkIds, checkWhere } from "./validate.js";

interface Paginated {
  data: KitsuRow[];
  nb_pages?: number;
}

const toParam = (value: unknown): string | undefined => {
  if (value === null || value === undefined || value instanceof Date) return undefined;
  if (Array.isArray(value)) {
    const scalars = value.filter((v) => v !== null && !(v instanceof Date));
    return scalars.length === value.length ? JSON.stringify(scalars) : undefined;
  }
  return String(value);
};

export function listPath(kind: Kind): string {
  const spec = kindSpecs[kind];
  return spec.typed ? path(spec.typed.list, {}) : path(routes.listModel, { model: spec.model });
}

export function getPath(kind: Kind, id: Id): string {
  const spec = kindSpecs[kind];
  return spec.typed ? path(spec.typed.get, { id }) : path(routes.getModel, { model: spec.model, id });
}

async function serverFilters<K extends Kind>(ctx: OpsContext, kind: K, where: object): Promise<SearchParams> {
  const spec = kindSpecs[kind];
  const params: SearchParams = {};
  for (const [key, value] of Object.entries(where)) {
    const column = spec.columns[key];
    // Zou reads `name` as one ILIKE pattern, never as a list (`name=["a","b"]` matches nothing):
    // several names are filtered here only, on the rows the other filters bring.
    if (column === "name" && Array.isArray(value)) {
      if (value.length === 1) params.name = String(value[0]);
      continue;
    }
    const param = column ? toParam(value) : undefined;
    if (column && param !== undefined) params[column] = param;
  }
  // A shot's episode is its sequence's parent: filter on the episode's sequences.
  if (kind === "shot" && "episodeId" in where && typeof where.episodeId === "string" && !("sequenceId" in where)) {
    const seqs = await queryAll(ctx, "sequence", { episodeId: where.episodeId as Id });
    params.parent_id = JSON.stringify(seqs.map((s) => s.id));
  }
  return params;
}

export async function query<K extends Kind>(
  ctx: OpsContext,
  kind: K,
  where: Where<K>,
  page: PageRequest = {},
): Promise<Page<RecordOf<K>>> {
  checkWhere(ctx.rules, kind, where);
  const spec = kindSpecs[kind];
  const limit = Math.max(1, page.limit ?? 100);
  const pageNo = page.cursor ? Math.max(1, Number.parseInt(page.cursor, 10) || 1) : 1;
  const w = where as Record<string, unknown>;
  const cached = await fromCache(ctx, kind, where);
  if (cached) return slice(cached, pageNo, limit);
  if (kind === "project" && typeof w.name === "string") {
    const open = await openProjectsNamed(ctx, where as Where<"project">);
    if (open.length > 0) return slice(open as RecordOf<K>[], pageNo, limit);
  }
  // Per-task routes serve non-admin users too; they are small, so they come whole and are sliced here.
  const taskId = typeof w.taskId === "string" ? (w.taskId as Id) : undefined;
  if (taskId && (kind === "comment" || kind === "timeSpent")) {
    const rows = kind === "comment" ? await taskComments(ctx, taskId) : await taskTimeSpents(ctx, taskId);
    const records = (await spec.decode(rows, ctx.ref)).filter((r) => matches(r, where));
    if (kind === "comment") (records as CommentRecord[]).sort(kitsuCommentOrder);
    return slice(records, pageNo, limit);
  }
  // Zou links previews to comments through a join table, so no preview column filters on the
  // comment: its preview ids come from the comment itself.
  const commentId = typeof w.commentId === "string" ? (w.commentId as Id) : undefined;
  if (commentId && kind === "preview") {
    const { previewIds } = await getOne(ctx, "comment", commentId);
    const previews = previewIds.length > 0 ? await getMany(ctx, "preview", previewIds) : [];
    return slice(
      previews.map((p) => ({ ...p, commentId: p.commentId ?? commentId })).filter((r) => matches(r, where)),
      pageNo,
      limit,
    ) as Page<RecordOf<K>>;
  }
  // Zou lists attachment files to admins only; the comment names its own, each readable by any
  // project member (GET /data/attachment-files/<id>).
  if (commentId && kind === "attachment") {
    const { attachments } = await getOne(ctx, "comment", commentId);
    const rows = await Promise.all(attachments.map((a) => getOne(ctx, "attachment", a.id)));
    return slice(
      rows.filter((r) => matches(r, where)),
      pageNo,
      limit,
    ) as Page<RecordOf<K>>;
  }
  const searchParams = { ...(await serverFilters(ctx, kind, where)), relations: true, page: pageNo, limit };
  spec.prepare?.(ctx.ref);
  const answer = await ctx.client.request<Paginated | KitsuRow[]>({
    method: "GET",
    path: listPath(kind),
    searchParams,
  });
  if (Array.isArray(answer)) {
    // A route that ignores `page` answers everything: page here so callers see the same contract.
    return slice(
      (await spec.decode(answer, ctx.ref)).filter((r) => matches(r, where)),
      pageNo,
      limit,
    );
  }
  const items = (await spec.decode(answer.data, ctx.ref)).filter((r) => matches(r, where));
  return { items, next: pageNo < (answer.nb_pages ?? 1) ? String(pageNo + 1) : null };
}

/** One page of records held whole. */
function slice<R>(all: R[], pageNo: number, limit: number): Page<R> {
  const start = (pageNo - 1) * limit;
  return { items: all.slice(start, start + limit), next: start + limit < all.length ? String(pageNo + 1) : null };
}

export async function queryAll<K extends Kind>(ctx: OpsContext, kind: K, where: Where<K>): Promise<RecordOf<K>[]> {
  const out: RecordOf<K>[] = [];
  let cursor: string | undefined;
  do {
    const page = await query(ctx, kind, where, { limit: 500, cursor });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

export async function getOne<K extends Kind>(ctx: OpsContext, kind: K, id: Id): Promise<RecordOf<K>> {
  // Zou's ids are UUIDs: no record has another one (and it never goes into a path unchecked).
  checkId(String(id), kind);
  const spec = kindSpecs[kind];
  let row: KitsuRow;
  try {
    row = await ctx.client.request<KitsuRow>({ method: "GET", path: getPath(kind, id) });
  } catch (error) {
    if (error instanceof NotFoundError) throw NotFoundError.entity(kind, id, error.request);
    throw error;
  }
  const [record] = await spec.decode([row], ctx.ref);
  if (!record) throw NotFoundError.entity(kind, id);
  return record;
}

export async function getMany<K extends Kind>(ctx: OpsContext, kind: K, ids: readonly Id[]): Promise<RecordOf<K>[]> {
  const wanted = [...new Set(checkIds(ids, kind))];
  const cached = wanted.length > 0 ? await fromCache(ctx, kind, { id: wanted } as unknown as Where<K>) : undefined;
  if (cached && cached.length === wanted.length) return cached;
  const spec = kindSpecs[kind];
  spec.prepare?.(ctx.ref);
  const out: RecordOf<K>[] = [];
  for (let i = 0; i < wanted.length; i += 100) {
    const rows = await ctx.client.request<KitsuRow[]>({
      method: "GET",
      path: listPath(kind),
      searchParams: { id: JSON.stringify(wanted.slice(i, i + 100)), relations: true },
    });
    out.push(...(await spec.decode(rows, ctx.ref)));
  }
  return out;
}

/**
 * Gadget's comment order (core's compareComments) on Zou's answer. Zou sorts on `created_at` to the
 * microsecond but serializes whole seconds, and returns equal dates (an importer's, given to the
 * second) in no fixed order. A stable sort on the seconds keeps Zou's order within a second; among
 * equal dates the latest posted comes first as far as Zou tells it (`updated_at`, stamped when
 * posted); posted within the same second too, Zou's order stands.
 */
const kitsuCommentOrder = compareComments<CommentRecord>((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());

async function taskComments(ctx: OpsContext, taskId: Id): Promise<KitsuRow[]> {
  return ctx.client.request<KitsuRow[]>({ method: "GET", path: path(routes.taskComments, { taskId }) });
}

async function taskTimeSpents(ctx: OpsContext, taskId: Id): Promise<KitsuRow[]> {
  const answer = await ctx.client.request<Record<string, unknown>>({
    method: "GET",
    path: path(routes.taskTimeSpents, { taskId }),
  });
  return timeSpentRows(answer);
}

/** The rows of a task's time-spents answer (lists keyed by person, and a `total`). */
export const timeSpentRows = (answer: Record<string, unknown>): KitsuRow[] =>
  Object.entries(answer).flatMap(([key, value]) => (key !== "total" && Array.isArray(value) ? value : []));
