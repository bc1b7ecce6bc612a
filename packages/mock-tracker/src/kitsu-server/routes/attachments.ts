import { attachment, commentColumns } from "../codec/reviews.js";
import { isMultipart, readMultipart } from "../multipart.js";
import { created, ok, type RouteDef } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { all, applyFilters, findOr404, listReply, maybe, requireAdmin, typedId } from "./helpers.js";

/* Comment attachments: adding files to a comment, reading them back (zou.md §2.10; recorded 184–186). */

export const attachmentRoutes: RouteDef[] = [
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
    // The crud list, admin-only as in Zou (zou.md §2.2): filters such as `comment_id` apply.
    method: "GET",
    pattern: "/data/attachment-files",
    handler: async (req, ctx) => {
      requireAdmin(req);
      const rows = (await all(ctx.tracker, "attachment")).map((a) => {
        const { comment: _comment, chat_message: _chat, ...row } = attachment(a, null);
        return row;
      });
      return ok(listReply(applyFilters(rows, req.query, Object.keys(rows[0] ?? {})), req.query));
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
        contentLength: file.size,
      };
    },
  },
];
