import { asId, type CommentRecord, type PersonRecord } from "@gadget/core/adapter";
import { person } from "../codec/people.js";
import { commentColumns, commentWithRelations, previewSummary } from "../codec/reviews.js";
import { taskStatus } from "../codec/tasks.js";
import { isMultipart, readMultipart } from "../multipart.js";
import { created, ok, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { commentAs } from "./comment-as.js";
import { all, findOr404, maybe, objectBody, type Row, typedId } from "./helpers.js";
import { afterComment } from "./side-events.js";

/* Posting and reading comments (zou.md §2.8; recorded 176–183). */

export async function commentFull(ctx: ServerContext, c: CommentRecord): Promise<Row> {
  const status = await ctx.tracker.get("taskStatus", c.statusId);
  const author = c.authorId ? await maybe(ctx.tracker, "person", c.authorId) : undefined;
  // The comment's author comes without its departments (recorded 176).
  const { departments: _departments, ...authorRow } = author ? person(author, ctx.state, false) : {};
  return {
    ...commentWithRelations(c, ctx.state),
    task_status: taskStatus(status),
    person: author ? authorRow : null,
  };
}

/** The light author row of comment listings (recorded 181). */
function authorSummary(a: PersonRecord): Row {
  return {
    id: a.id,
    first_name: a.firstName,
    last_name: a.lastName,
    full_name: `${a.firstName} ${a.lastName}`.trim(),
    has_avatar: false,
    role: a.role,
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
      ...(await commentAs(req, ctx, body)),
    });
    ctx.state.setExtra(c.id, { checklist });
    await afterComment(ctx, await ctx.tracker.get("task", t.id), c);
    return created(await commentFull(ctx, c));
  } finally {
    await form?.cleanup();
  }
}

/** The task's comments, newest first, with the light person/status/preview rows Kitsu lists (recorded 181). */
async function taskComments(req: ZouRequest, ctx: ServerContext) {
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
        person: a && authorSummary(a),
        task_status: s && { name: s.name, short_name: s.shortName, color: s.color, id: s.id },
        acknowledgements: [],
        previews: c.previewIds.flatMap((id) => {
          const p = previews.get(id);
          return p ? [previewSummary(p, ctx.state)] : [];
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
}

export const commentRoutes: RouteDef[] = [
  { method: "POST", pattern: "/actions/tasks/:taskId/comment", handler: postComment },
  { method: "GET", pattern: "/data/tasks/:taskId/comments", handler: taskComments },
  {
    method: "GET",
    pattern: "/data/comments/:id",
    handler: async (req, ctx) => {
      const c = await findOr404(ctx.tracker, "comment", typedId(req.params.id));
      const a = c.authorId ? await maybe(ctx.tracker, "person", c.authorId) : undefined;
      return ok({
        ...commentWithRelations(c, ctx.state),
        person: a && authorSummary(a),
      });
    },
  },
];
