import { randomUUID } from "node:crypto";
import { asId, type CommentRecord, type Id, type PreviewRecord } from "@gadget/core";
import { person } from "../codec/people.js";
import { attachment, commentColumns, commentWithRelations, preview, previewSummary } from "../codec/reviews.js";
import { taskStatus } from "../codec/tasks.js";
import { created, ok, type RouteDef, type ServerContext, type ZouRequest } from "../context.js";
import { isMultipart, readMultipart } from "../multipart.js";
import { zou } from "../zou-errors.js";
import { entityRow, findEntity } from "./entity-io.js";
import { all, findOr404, maybe, objectBody, type Row, typedId } from "./helpers.js";
import { afterComment } from "./side-events.js";

/*
 * Comments, previews and attachments (zou.md §2.8, §2.9; recorded 176–219). Kitsu adds a preview
 * in two requests (add-preview, then the upload) while the contract's addPreview takes the file:
 * the server keeps the announced preview until its file arrives and serves it under that id.
 */

interface PendingPreview {
  id: string;
  taskId: Id;
  commentId: Id;
  personId: string;
  revision: number;
  createdAt: Date;
}

const pending = new WeakMap<ServerContext, Map<string, PendingPreview>>();
const pendingOf = (ctx: ServerContext) => {
  const map = pending.get(ctx) ?? new Map<string, PendingPreview>();
  pending.set(ctx, map);
  return map;
};

const aliasOf = (ctx: ServerContext) => ctx.state.previewAliases;
const publicId = (ctx: ServerContext, trackerId: string) => ctx.state.publicPreviewId(trackerId);

export function previewRow(ctx: ServerContext, p: PreviewRecord, withComments: boolean): Row {
  return { ...preview(p, ctx.state, withComments), id: publicId(ctx, p.id) };
}

export async function commentFull(ctx: ServerContext, c: CommentRecord): Promise<Row> {
  const status = await ctx.tracker.get("taskStatus", c.statusId);
  const author = c.authorId ? await maybe(ctx.tracker, "person", c.authorId) : undefined;
  const row = commentWithRelations(c, ctx.state);
  // The comment's author comes without its departments (recorded 176).
  const { departments: _departments, ...authorRow } = author ? person(author, ctx.state, false) : {};
  return {
    ...row,
    previews: c.previewIds.map((id) => publicId(ctx, id)),
    task_status: taskStatus(status),
    person: author ? authorRow : null,
  };
}

async function postComment(req: ZouRequest, ctx: ServerContext) {
  const taskId = typedId(req.params.taskId);
  const t = await findOr404(ctx.tracker, "task", taskId);
  const form = isMultipart(req.raw) ? await readMultipart(req.raw) : undefined;
  try {
    const body: Row = form ? { ...form.fields } : await objectBody(req);
    if (typeof body.task_status_id !== "string") {
      throw zou.validation([{ field: "task_status_id", message: "Field required" }]);
    }
    const checklistRaw = typeof body.checklist === "string" ? JSON.parse(body.checklist || "[]") : body.checklist;
    const checklist = Array.isArray(checklistRaw) ? (checklistRaw as Row[]) : [];
    const c = await ctx.tracker.comment(t.id, {
      statusId: asId(body.task_status_id),
      text: typeof body.comment === "string" ? body.comment : "",
      checklist: checklist.map((i) => ({ text: String(i.text ?? ""), checked: i.checked === true })),
      attachments: form?.files ?? [],
      authorId: req.actor.personId as Id,
    });
    ctx.state.setExtra(c.id, { checklist });
    await afterComment(ctx, await ctx.tracker.get("task", t.id), c);
    return created(await commentFull(ctx, c));
  } finally {
    await form?.cleanup();
  }
}

async function uploadPreview(req: ZouRequest, ctx: ServerContext) {
  const id = req.params.previewId ?? "";
  const announced = pendingOf(ctx).get(id);
  if (!announced) {
    if (aliasOf(ctx).has(id)) throw zou.browserBadRequest();
    throw zou.notFound();
  }
  if (!isMultipart(req.raw)) throw zou.browserBadRequest();
  const form = await readMultipart(req.raw);
  try {
    const file = form.files.find((f) => f.field === "file");
    if (!file) throw zou.browserBadRequest();
    ctx.events.mapId = (value) => publicId(ctx, value);
    // add-preview announced the preview already (recorded 189/190): no second preview-file:new.
    const p = await ctx.events.without(["preview-file:new"], () =>
      ctx.tracker.addPreview(announced.taskId, announced.commentId, file),
    );
    aliasOf(ctx).set(id, p.id);
    pendingOf(ctx).delete(id);
    return created(previewRow(ctx, p, false));
  } finally {
    await form.cleanup();
  }
}

async function previewByPublicId(ctx: ServerContext, id: string): Promise<PreviewRecord | undefined> {
  return maybe(ctx.tracker, "preview", aliasOf(ctx).get(id) ?? id);
}

function pendingRow(p: PendingPreview): Row {
  return {
    name: p.id.slice(0, 13),
    original_name: null,
    revision: p.revision,
    position: 1,
    extension: "mp4",
    description: null,
    path: null,
    source: "webgui",
    file_size: 0,
    status: "processing",
    validation_status: "neutral",
    annotations: null,
    width: 0,
    height: 0,
    duration: 0,
    data: null,
    token_in: null,
    token_out: null,
    task_id: p.taskId,
    person_id: p.personId,
    source_file_id: null,
    shotgun_id: null,
    is_movie: false,
    url: null,
    uploaded_movie_url: null,
    uploaded_movie_name: null,
    id: p.id,
    created_at: p.createdAt.toISOString().slice(0, 19),
    updated_at: p.createdAt.toISOString().slice(0, 19),
    comments: [p.commentId],
    type: "PreviewFile",
  };
}

async function download(req: ZouRequest, ctx: ServerContext) {
  const p = await previewByPublicId(ctx, typedId(req.params.previewId));
  if (!p) throw zou.notFound();
  const file = await ctx.tracker.downloadPreview(p.id);
  return { status: 200, body: file.stream, contentType: file.contentType ?? "application/octet-stream" };
}

export const reviewRoutes: RouteDef[] = [
  { method: "POST", pattern: "/actions/tasks/:taskId/comment", handler: postComment },
  {
    method: "GET",
    pattern: "/data/tasks/:taskId/comments",
    handler: async (req, ctx) => {
      const t = await findOr404(ctx.tracker, "task", typedId(req.params.taskId));
      const comments = await all(ctx.tracker, "comment", { taskId: t.id });
      const statuses = new Map((await all(ctx.tracker, "taskStatus")).map((s) => [s.id as string, s]));
      const people = new Map((await all(ctx.tracker, "person")).map((p) => [p.id as string, p]));
      const previews = new Map((await all(ctx.tracker, "preview", { taskId: t.id })).map((p) => [p.id as string, p]));
      const rows = [...comments].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      return ok(
        rows.map((c) => {
          const s = statuses.get(c.statusId);
          const a = c.authorId ? people.get(c.authorId) : undefined;
          return {
            ...commentColumns(c, ctx.state),
            person: a && {
              first_name: a.firstName,
              last_name: a.lastName,
              full_name: `${a.firstName} ${a.lastName}`.trim(),
              has_avatar: false,
              role: a.role,
              id: a.id,
            },
            task_status: s && { name: s.name, short_name: s.shortName, color: s.color, id: s.id },
            acknowledgements: [],
            previews: c.previewIds.flatMap((id) => {
              const p = previews.get(id);
              return p ? [{ ...previewSummary(p, ctx.state), id: publicId(ctx, p.id) }] : [];
            }),
            mentions: c.mentionIds,
            department_mentions: ctx.state.extra(c.id).department_mentions ?? [],
            attachment_files: c.attachments.map((x) => ({
              id: x.id,
              name: x.name,
              extension: x.extension,
              reply_id: null,
              size: x.size,
            })),
          };
        }),
      );
    },
  },
  {
    method: "GET",
    pattern: "/data/comments/:id",
    handler: async (req, ctx) => {
      const c = await findOr404(ctx.tracker, "comment", typedId(req.params.id));
      const a = c.authorId ? await maybe(ctx.tracker, "person", c.authorId) : undefined;
      return ok({
        ...commentWithRelations(c, ctx.state),
        previews: c.previewIds.map((id) => publicId(ctx, id)),
        person: a && {
          id: a.id,
          first_name: a.firstName,
          last_name: a.lastName,
          full_name: `${a.firstName} ${a.lastName}`.trim(),
          has_avatar: false,
          role: a.role,
        },
      });
    },
  },
  {
    method: "POST",
    pattern: "/actions/tasks/:taskId/comments/:commentId/add-preview",
    handler: async (req, ctx) => {
      const t = await findOr404(ctx.tracker, "task", typedId(req.params.taskId));
      const c = await findOr404(ctx.tracker, "comment", typedId(req.params.commentId));
      const body = await objectBody(req).catch(() => ({}) as Row);
      const revisions = (await all(ctx.tracker, "preview", { taskId: t.id })).map((p) => p.revision);
      const pendingRevisions = [...pendingOf(ctx).values()].filter((p) => p.taskId === t.id).map((p) => p.revision);
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
      pendingOf(ctx).set(p.id, p);
      ctx.events.emit("preview-file:new", { preview_file_id: p.id, comment_id: c.id }, t.projectId);
      ctx.events.emit("comment:update", { comment_id: c.id }, t.projectId);
      return created(pendingRow(p));
    },
  },
  { method: "POST", pattern: "/pictures/preview-files/:previewId", handler: uploadPreview },
  {
    method: "GET",
    pattern: "/data/preview-files/:id",
    handler: async (req, ctx) => {
      const id = typedId(req.params.id);
      const announced = pendingOf(ctx).get(id);
      if (announced) return ok(pendingRow(announced));
      const p = await previewByPublicId(ctx, id);
      if (!p) throw zou.notFound();
      return ok(previewRow(ctx, p, true));
    },
  },
  {
    method: "GET",
    pattern: "/data/preview-files",
    handler: async (req, ctx) => {
      const taskId = req.query.get("task_id");
      const list = await all(ctx.tracker, "preview", taskId ? { taskId: asId(taskId) } : {});
      return ok(list.map((p) => previewRow(ctx, p, false)));
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
  {
    method: "PUT",
    pattern: "/actions/preview-files/:previewId/set-main-preview",
    handler: async (req, ctx) => {
      const p = await previewByPublicId(ctx, typedId(req.params.previewId));
      if (!p) throw zou.notFound();
      await ctx.tracker.setMainPreview(p.id);
      const t = await ctx.tracker.get("task", p.taskId);
      const found = await findEntity(ctx, t.entityId);
      if (!found) throw zou.notFound();
      const row = entityRow(ctx, found.kind, found.record);
      return ok({ ...row, preview_file_id: publicId(ctx, String(row.preview_file_id)), type: "Entity" });
    },
  },
  ...[
    "/pictures/thumbnails/preview-files/:previewId.png",
    "/pictures/thumbnails-square/preview-files/:previewId.png",
    "/pictures/previews/preview-files/:previewId.png",
    "/pictures/originals/preview-files/:previewId.png",
    "/pictures/originals/preview-files/:previewId/download",
    "/movies/originals/preview-files/:previewId.mp4",
    "/movies/low/preview-files/:previewId.mp4",
  ].map(
    (pattern): RouteDef => ({
      method: "GET",
      pattern: pattern.replace(/:previewId\.(png|mp4)$/, ":previewFile"),
      handler: (req, ctx) => {
        const file = req.params.previewFile;
        if (file !== undefined) req.params.previewId = file.replace(/\.(png|mp4)$/, "");
        return download(req, ctx);
      },
    }),
  ),
  {
    method: "POST",
    pattern: "/actions/tasks/:taskId/comments/:commentId/add-attachment",
    handler: async (req, ctx) => {
      const c = await findOr404(ctx.tracker, "comment", typedId(req.params.commentId));
      if (!isMultipart(req.raw)) throw zou.browserBadRequest();
      const form = await readMultipart(req.raw);
      try {
        const added = await ctx.tracker.addAttachments(c.id, form.files);
        return created(added.map((a) => ({ id: a.id, name: a.name, extension: a.extension, size: a.size })));
      } finally {
        await form.cleanup();
      }
    },
  },
  {
    method: "GET",
    pattern: "/data/attachment-files/:id",
    handler: async (req, ctx) => {
      const a = await findOr404(ctx.tracker, "attachment", typedId(req.params.id));
      const c = await maybe(ctx.tracker, "comment", a.commentId);
      return ok(attachment(a, c ? commentColumns(c, ctx.state) : null));
    },
  },
  {
    method: "GET",
    pattern: "/data/attachment-files/:id/file/:name",
    handler: async (req, ctx) => {
      const a = await findOr404(ctx.tracker, "attachment", typedId(req.params.id));
      const file = await ctx.tracker.downloadAttachment(a.id);
      return {
        status: 200,
        body: file.stream,
        contentType: file.contentType ?? a.mimetype ?? "application/octet-stream",
      };
    },
  },
];
