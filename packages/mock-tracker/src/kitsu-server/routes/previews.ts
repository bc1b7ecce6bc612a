import { randomUUID } from "node:crypto";
import { asId, type PreviewRecord } from "@gadget/core/adapter";
import { preview } from "../codec/reviews.js";
import { isMultipart, readMultipart } from "../multipart.js";
import { created, ok, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { entityRow, findEntity } from "./entity-io.js";
import {
  all,
  applyFilters,
  findOr404,
  listReply,
  maybe,
  objectBody,
  type Row,
  typedId,
  wantsRelations,
} from "./helpers.js";
import { type PendingPreview, pendingPreviews, pendingRow } from "./pending-previews.js";

/*
 * Preview files (zou.md §2.9; recorded 187–213): add-preview announces a preview under a public id,
 * the upload creates it in the tracker, and every later row and event names it by that public id.
 */

export function previewRow(ctx: ServerContext, p: PreviewRecord, withComments: boolean): Row {
  return preview(p, ctx.state, withComments);
}

/** The uploaded preview a client names `id`. */
export async function previewByPublicId(ctx: ServerContext, id: string): Promise<PreviewRecord | undefined> {
  return maybe(ctx.tracker, "preview", ctx.state.trackerPreviewId(id));
}

async function addPreview(req: ZouRequest, ctx: ServerContext) {
  const t = await findOr404(ctx.tracker, "task", typedId(req.params.taskId));
  const c = await findOr404(ctx.tracker, "comment", typedId(req.params.commentId));
  const body = await objectBody(req).catch(() => ({}) as Row);
  const revisions = (await all(ctx.tracker, "preview", { taskId: t.id })).map((p) => p.revision);
  const pendingRevisions = [...pendingPreviews(ctx).values()].filter((p) => p.taskId === t.id).map((p) => p.revision);
  const used = [...revisions, ...pendingRevisions];
  if (typeof body.revision === "number" && used.includes(body.revision)) {
    throw zou.badRequest(
      `Revision ${body.revision} already exists for this task. Choose a different revision number, or omit it to let the revision auto-increment.`,
    );
  }
  const revision = typeof body.revision === "number" ? body.revision : Math.max(0, ...used) + 1;
  const p: PendingPreview = {
    id: randomUUID(),
    taskId: t.id,
    commentId: c.id,
    personId: req.actor.personId,
    revision,
    createdAt: new Date(),
  };
  pendingPreviews(ctx).set(p.id, p);
  ctx.events.emit("preview-file:new", { preview_file_id: p.id, comment_id: c.id }, t.projectId);
  ctx.events.emit("comment:update", { comment_id: c.id }, t.projectId);
  return created(pendingRow(p));
}

async function uploadPreview(req: ZouRequest, ctx: ServerContext) {
  const id = req.params.previewId ?? "";
  const announced = pendingPreviews(ctx).get(id);
  if (!announced) {
    if (ctx.state.hasPreviewAlias(id)) throw zou.browserBadRequest();
    throw zou.notFound();
  }
  if (!isMultipart(req.raw)) throw zou.browserBadRequest();
  const form = await readMultipart(req.raw);
  try {
    const file = form.files.find((f) => f.field === "file");
    if (!file) throw zou.browserBadRequest();
    // add-preview announced the preview already (recorded 189/190): no second preview-file:new.
    const p = await ctx.events.uploading(id, () =>
      ctx.events.without(["preview-file:new"], () =>
        ctx.tracker.addPreview(announced.taskId, announced.commentId, file),
      ),
    );
    ctx.state.aliasPreview(id, p.id);
    pendingPreviews(ctx).delete(id);
    return created(previewRow(ctx, p, false));
  } finally {
    await form.cleanup();
  }
}

async function setMainPreview(req: ZouRequest, ctx: ServerContext) {
  const p = await previewByPublicId(ctx, typedId(req.params.previewId));
  if (!p) throw zou.notFound();
  await ctx.tracker.setMainPreview(p.id);
  const t = await ctx.tracker.get("task", p.taskId);
  const found = await findEntity(ctx, t.entityId);
  if (!found) throw zou.notFound();
  return ok({ ...entityRow(ctx, found.kind, found.record), type: "Entity" });
}

export const previewRoutes: RouteDef[] = [
  { method: "POST", pattern: "/actions/tasks/:taskId/comments/:commentId/add-preview", handler: addPreview },
  { method: "POST", pattern: "/pictures/preview-files/:previewId", handler: uploadPreview },
  {
    method: "GET",
    pattern: "/data/preview-files/:id",
    handler: async (req, ctx) => {
      const id = typedId(req.params.id);
      const announced = pendingPreviews(ctx).get(id);
      if (announced) return ok(pendingRow(announced));
      const p = await previewByPublicId(ctx, id);
      if (!p) throw zou.notFound();
      return ok(previewRow(ctx, p, true));
    },
  },
  {
    method: "GET",
    pattern: "/data/preview-files",
    // Zou's generic crud list: every column filters (`id=[…]` included), `relations=true` adds the
    // comments, `page` paginates (zou.md §2.2).
    handler: async (req, ctx) => {
      const taskId = req.query.get("task_id");
      const list = await all(ctx.tracker, "preview", taskId ? { taskId: asId(taskId) } : {});
      const rows: Row[] = list.map((p) => previewRow(ctx, p, true));
      const kept = applyFilters(rows, req.query, rows.length > 0 ? Object.keys(rows[0] as Row) : []);
      const relations = wantsRelations(req.query, false);
      return ok(listReply(relations ? kept : kept.map(({ comments: _, ...row }) => row), req.query));
    },
  },
  {
    method: "GET",
    pattern: "/data/tasks/:taskId/previews",
    handler: async (req, ctx) => {
      const list = await all(ctx.tracker, "preview", { taskId: typedId(req.params.taskId) });
      return ok([...list].sort((a, b) => b.revision - a.revision).map((p) => previewRow(ctx, p, false)));
    },
  },
  { method: "PUT", pattern: "/actions/preview-files/:previewId/set-main-preview", handler: setMainPreview },
];
