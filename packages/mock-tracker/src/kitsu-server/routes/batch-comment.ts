import { asId, type Id, type PreviewRecord } from "@gadget/core/adapter";
import { isMultipart, readMultipart, type UploadedPart } from "../multipart.js";
import { created, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { commentAs } from "./comment-as.js";
import { commentFull } from "./comments.js";
import { findOr404, objectBody, optId, type Row, typedId } from "./helpers.js";
import { previewRow } from "./previews.js";
import { afterComment } from "./side-events.js";

/*
 * Comments with their previews in one request (zou.md §2.8; recorded 214): JSON `{comments:[...]}`
 * or multipart with `comments` as a JSON string and files `preview_file-<i>-<j>` /
 * `attachment_file-<i>-<j>` for the i-th comment. Note the comment key is `text`, not `comment`.
 */

interface BatchItem {
  taskId?: Id;
  statusId: Id;
  text: string;
  checklist: Row[];
  /** `person_id` and `created_at` as sent, for `commentAs`. */
  as: Row;
}

function parseItems(raw: unknown): BatchItem[] {
  const list = typeof raw === "string" ? safeJson(raw) : raw;
  if (!Array.isArray(list)) throw zou.badRequest("comments must be a JSON array of {task_status_id, text} objects");
  return list.map((item: Row, i) => {
    const statusId = optId(item.task_status_id);
    if (!statusId) throw zou.validation([{ field: `comments.${i}.task_status_id`, message: "Field required" }]);
    return {
      taskId: optId(item.task_id),
      statusId,
      text: typeof item.text === "string" ? item.text : "",
      checklist: Array.isArray(item.checklist) ? (item.checklist as Row[]) : [],
      as: { person_id: item.person_id, created_at: item.created_at },
    };
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw zou.badRequest("comments is not valid JSON");
  }
}

const filesFor = (files: UploadedPart[], prefix: string, index: number) =>
  files.filter((f) => f.field.startsWith(`${prefix}-${index}-`) || f.field === `${prefix}-${index}`);

async function batchComment(req: ZouRequest, ctx: ServerContext) {
  const routeTask = req.params.taskId ? await findOr404(ctx.tracker, "task", typedId(req.params.taskId)) : undefined;
  const form = isMultipart(req.raw) ? await readMultipart(req.raw) : undefined;
  try {
    const items = parseItems(form ? form.fields.comments : (await objectBody(req)).comments);
    const files = form?.files ?? [];
    const out: Row[] = [];
    for (const [i, item] of items.entries()) {
      const taskId = item.taskId ?? routeTask?.id;
      if (!taskId) throw zou.validation([{ field: `comments.${i}.task_id`, message: "Field required" }]);
      const t = await findOr404(ctx.tracker, "task", asId(taskId));
      const c = await ctx.tracker.comment(t.id, {
        statusId: item.statusId,
        text: item.text,
        checklist: item.checklist.map((x) => ({ text: String(x.text ?? ""), checked: x.checked === true })),
        attachments: filesFor(files, "attachment_file", i),
        ...(await commentAs(req, ctx, item.as)),
      });
      ctx.state.setExtra(c.id, { checklist: item.checklist });
      await afterComment(ctx, await ctx.tracker.get("task", t.id), c);
      const previews: PreviewRecord[] = [];
      for (const file of filesFor(files, "preview_file", i))
        previews.push(await ctx.tracker.addPreview(t.id, c.id, file));
      const row = await commentFull(ctx, c);
      // Zou answers with the comment as it was before its previews were attached (recorded 214).
      out.push({ ...row, previews: [], preview_files: previews.map((p) => previewRow(ctx, p, false)) });
    }
    return created(out);
  } finally {
    await form?.cleanup();
  }
}

export const batchCommentRoutes: RouteDef[] = [
  { method: "POST", pattern: "/actions/tasks/:taskId/batch-comment", handler: batchComment },
  { method: "POST", pattern: "/actions/tasks/batch-comment", handler: batchComment },
];
