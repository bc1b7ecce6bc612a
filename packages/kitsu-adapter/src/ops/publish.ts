import {
  type AttachmentRecord,
  type CommentData,
  type CommentRecord,
  checkUploads,
  type Id,
  PartialWriteError,
  type PreviewRecord,
  type TransferOptions,
  type UploadFile,
} from "@gadget/core/adapter";
import { decodeAttachment, decodeComment, decodePreview } from "../codec/reviews.js";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import { multipartBody, type Part } from "../transport/multipart.js";
import type { RequestSpec } from "../transport/request-spec.js";
import { checkCommentAsWritten, commentAsBody } from "./comment-as.js";
import type { OpsContext } from "./ops-context.js";
import type { StatusGuard } from "./statuses.js";
import { checkId } from "./validate.js";
import { landedAttachments, landedComment, landedPreview, WriteAttempt } from "./write-attempt.js";

/** Kitsu checklist items: -1 means "no frame/revision" in its UI. */
export const encodeChecklist = (items: CommentData["checklist"] = []) =>
  items.map((i) => ({ text: i.text, checked: i.checked === true, frame: i.frame ?? -1, revision: i.revision ?? -1 }));

/**
 * What comment and publish do before their first write: check the ids, each list of files and the
 * status against the task's project. Returns the checked files (one list per list given) and the
 * comment fields; Zou names the text `comment` on the comment route and `text` in a batch entry.
 */
export async function prepareComment(
  ctx: OpsContext,
  guard: StatusGuard,
  taskId: Id,
  data: CommentData,
  textKey: "comment" | "text",
  ...fileLists: (readonly UploadFile[])[]
): Promise<{ fields: Record<string, unknown>; files: UploadFile[][] }> {
  checkId(taskId, "task");
  checkId(data.statusId, "task status");
  const files: UploadFile[][] = [];
  for (const list of fileLists) files.push(await checkUploads(list));
  await guard.check(taskId, data.statusId);
  const fields = {
    task_status_id: data.statusId,
    [textKey]: data.text,
    checklist: encodeChecklist(data.checklist),
    ...(await commentAsBody(ctx, taskId, data)),
  };
  return { fields, files };
}

export async function comment(
  ctx: OpsContext,
  guard: StatusGuard,
  taskId: Id,
  data: CommentData,
  options: TransferOptions = {},
): Promise<CommentRecord> {
  const prepared = await prepareComment(ctx, guard, taskId, data, "comment", data.attachments ?? []);
  const { fields } = prepared;
  const files = prepared.files[0] ?? [];
  const route = path(routes.comment, { taskId });
  // Zou posts a new comment each time: a failed attempt is looked for on the task before it is sent again.
  const attempt = new WriteAttempt(ctx);
  const send = (spec: RequestSpec<KitsuRow>) =>
    attempt.send(
      spec,
      () => landedComment(attempt, taskId, data),
      (row) => row.id,
    );
  if (files.length === 0) {
    const row = await send({ method: "POST", path: route, json: fields });
    checkCommentAsWritten(taskId, data, row);
    return decodeComment(row);
  }
  const parts: Part[] = [
    ...Object.entries(fields).map(([field, v]) => ({ field, value: typeof v === "string" ? v : JSON.stringify(v) })),
    ...files.map((file, i) => ({ field: i === 0 ? "file" : `file-${i}`, file })),
  ];
  const row = await send({
    method: "POST",
    path: route,
    body: multipartBody(parts, options.onProgress),
    signal: options.signal,
    timeout: ctx.client.options.transferTimeout,
  });
  checkCommentAsWritten(taskId, data, row);
  return decodeComment(row);
}

/** Streams a file into an existing preview row; a retry first looks whether the last attempt landed. */
export async function uploadPreviewFile(
  ctx: OpsContext,
  previewId: Id,
  file: UploadFile,
  options: TransferOptions,
): Promise<KitsuRow> {
  const getPreview = () =>
    ctx.client.request<KitsuRow>({
      method: "GET",
      path: path(routes.getModel, { model: "preview-files", id: previewId }),
    });
  // Zou refuses a second upload to the same preview (400), so never resend one that landed.
  return new WriteAttempt(ctx).send(
    {
      method: "POST",
      path: path(routes.uploadPreview, { id: previewId }),
      body: multipartBody([{ field: "file", file }], options.onProgress),
      signal: options.signal,
      timeout: ctx.client.options.transferTimeout,
    },
    async () => {
      const row = await getPreview();
      return typeof row.original_name === "string" && row.original_name ? row : undefined;
    },
  );
}

export async function addPreview(
  ctx: OpsContext,
  taskId: Id,
  commentId: Id,
  file: UploadFile,
  options: TransferOptions = {},
): Promise<PreviewRecord> {
  checkId(taskId, "task");
  checkId(commentId, "comment");
  const [checked] = await checkUploads([file]);
  // A transfer cancelled before it began writes nothing (no preview row left without its file).
  options.signal?.throwIfAborted();
  // Zou adds a new preview each time: a failed attempt is looked for on the comment before it is sent again.
  const attempt = new WriteAttempt(ctx);
  const created = await attempt.send(
    { method: "POST", path: path(routes.addPreview, { taskId, commentId }), json: {} },
    () => landedPreview(attempt, taskId, commentId),
    (row) => row.id,
  );
  const previewId = created.id as Id;
  try {
    const uploaded = await uploadPreviewFile(ctx, previewId, checked as UploadFile, options);
    return { ...decodePreview(uploaded), commentId };
  } catch (error) {
    throw PartialWriteError.publish(
      "upload preview file",
      {
        steps: [`preview ${previewId} created on comment ${commentId}, without its file`],
        ids: { comment: commentId, previews: [previewId] },
      },
      error,
    );
  }
}

export async function setMainPreview(ctx: OpsContext, previewId: Id): Promise<void> {
  checkId(previewId, "preview");
  await ctx.client.request({ method: "PUT", path: path(routes.setMainPreview, { id: previewId }), json: {} });
}

export async function addAttachments(
  ctx: OpsContext,
  commentId: Id,
  files: readonly UploadFile[],
  options: TransferOptions = {},
): Promise<AttachmentRecord[]> {
  checkId(commentId, "comment");
  const checked = await checkUploads(files);
  if (checked.length === 0) return [];
  const commentRow = await ctx.client.request<KitsuRow>({
    method: "GET",
    path: path(routes.getModel, { model: "comments", id: commentId }),
  });
  const taskId = String(commentRow.object_id) as Id;
  const attempt = new WriteAttempt(ctx);
  const summaries = await attempt.send<KitsuRow[]>(
    {
      method: "POST",
      path: path(routes.addAttachment, { taskId, commentId }),
      body: multipartBody(
        checked.map((file, i) => ({ field: i === 0 ? "file" : `file-${i}`, file })),
        options.onProgress,
      ),
      signal: options.signal,
      timeout: ctx.client.options.transferTimeout,
    },
    () => landedAttachments(attempt, taskId, commentId, commentRow),
  );
  // The answer is a bare summary list; the full rows carry the timestamps and mimetype.
  return Promise.all(
    summaries.map(async (s) => {
      const row = await ctx.client.request<KitsuRow>({
        method: "GET",
        path: path(routes.getModel, { model: "attachment-files", id: s.id }),
      });
      return decodeAttachment({ comment_id: commentId, ...row });
    }),
  );
}
