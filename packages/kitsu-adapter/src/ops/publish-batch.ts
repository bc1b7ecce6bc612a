import {
  type CommentRecord,
  type Id,
  NotFoundError,
  PartialWriteError,
  type PreviewRecord,
  type PublishData,
  type PublishResult,
  type TransferOptions,
  type UploadFile,
} from "@gadget/core/adapter";
import { decodeComment, decodePreview } from "../codec/reviews.js";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import { multipartBody, type Part } from "../transport/multipart.js";
import { checkCommentAsWritten } from "./comment-as.js";
import { mainPreviewSetByTracker } from "./main-preview-automation.js";
import type { OpsContext } from "./ops-context.js";
import { addPreview, comment as postComment, prepareComment, setMainPreview } from "./publish.js";
import type { StatusGuard } from "./statuses.js";
import { fullPreviewRows, landedComment, WriteAttempt } from "./write-attempt.js";

/**
 * Comment + previews + attachments in ONE request (`batch-comment`, multipart: `comments` JSON,
 * files `preview_file-0-<j>` and `attachment_file-0-<j>`), then `set-main-preview`: 2 round trips
 * where gazu's publish_preview takes 4; 1 on a project the session knows sets main previews itself.
 *
 * Resuming after a PartialWriteError: `error.written.ids.comment` is the comment that exists and
 * `error.written.ids.previews` its previews (with their files). When the failed step is
 * "set main preview", call `setMainPreview(previews[0])`. Never publish again: that would post a
 * second comment.
 */
export async function publish(
  ctx: OpsContext,
  guard: StatusGuard,
  taskId: Id,
  data: PublishData,
  options: TransferOptions = {},
): Promise<PublishResult> {
  const prepared = await prepareComment(ctx, guard, taskId, data, "text", data.previews, data.attachments ?? []);
  const [previews = [], attachments = []] = prepared.files;
  const parts: Part[] = [
    { field: "comments", value: JSON.stringify([prepared.fields]) },
    ...previews.map((file: UploadFile, j) => ({ field: `preview_file-0-${j}`, file })),
    ...attachments.map((file: UploadFile, j) => ({ field: `attachment_file-0-${j}`, file })),
  ];
  // Zou posts a new comment each time: after a failed attempt, the comment is looked for on the task
  // and, when it landed, its previews (uploaded in the same request) are read in full for the answer.
  const attempt = new WriteAttempt(ctx);
  const landed = async () => {
    const row = await landedComment(attempt, taskId, data);
    if (!row) return undefined;
    const previews = Array.isArray(row.previews) ? (row.previews as KitsuRow[]) : [];
    return [{ ...row, previews: [], preview_files: await fullPreviewRows(ctx, previews) }];
  };
  let rows: KitsuRow[];
  try {
    rows = await attempt.send<KitsuRow[]>(
      {
        method: "POST",
        path: path(routes.batchComment, { taskId }),
        body: multipartBody(parts, options.onProgress),
        signal: options.signal,
        timeout: ctx.client.options.transferTimeout,
      },
      landed,
      (answer) => answer[0]?.id,
    );
  } catch (error) {
    // Servers without batch-comment (older Zou) answer 404 before writing anything: go step by step.
    if (!(error instanceof NotFoundError)) throw error;
    return publishStepByStep(ctx, guard, taskId, { ...data, previews, attachments }, options);
  }
  const row = rows[0] as KitsuRow;
  checkCommentAsWritten(taskId, data, row);
  const comment = decodeComment(row);
  const previewRows = Array.isArray(row.preview_files) ? (row.preview_files as KitsuRow[]) : [];
  const previewRecords = previewRows.map((p) => ({ ...decodePreview(p), commentId: comment.id }));
  return finish(ctx, taskId, data, comment, previewRecords);
}

/** comment → add-preview + upload per file → set-main: gazu's 4 requests, for servers without batch-comment. */
async function publishStepByStep(
  ctx: OpsContext,
  guard: StatusGuard,
  taskId: Id,
  data: PublishData,
  options: TransferOptions,
): Promise<PublishResult> {
  const comment = await postComment(ctx, guard, taskId, data, options);
  const previews: PreviewRecord[] = [];
  for (const file of data.previews) {
    try {
      previews.push(await addPreview(ctx, taskId, comment.id, file, options));
    } catch (error) {
      const partial =
        error instanceof PartialWriteError && error.written.operation === "publish" ? error.written.ids.previews : [];
      const ids = [...previews.map((p) => p.id), ...partial];
      throw PartialWriteError.publish(
        `add preview ${file.fileName}`,
        {
          steps: [`comment ${comment.id} on task ${taskId}`, ...previews.map((p) => `preview ${p.id} with its file`)],
          ids: { comment: comment.id, previews: ids },
        },
        error,
      );
    }
  }
  return finish(ctx, taskId, data, comment, previews);
}

async function finish(
  ctx: OpsContext,
  taskId: Id,
  data: PublishData,
  comment: CommentRecord,
  previewRecords: PreviewRecord[],
): Promise<PublishResult> {
  const written = () => ({
    steps: [
      `comment ${comment.id} on task ${taskId}`,
      ...previewRecords.map((p) => `preview ${p.id} (revision ${p.revision}) with its file`),
    ],
    ids: { comment: comment.id, previews: previewRecords.map((p) => p.id) },
  });

  const main = previewRecords[0];
  // On a project known to automate it, Zou set the main preview during the upload already.
  if (data.setMainPreview && main && !mainPreviewSetByTracker(ctx, taskId, main)) {
    try {
      await setMainPreview(ctx, main.id);
    } catch (error) {
      throw PartialWriteError.publish("set main preview", written(), error);
    }
  }
  // No read-back of the task: core sets the new status on its task and marks it stale (PublishResult.task is optional).
  return { comment: { ...comment, previewIds: previewRecords.map((p) => p.id) }, previews: previewRecords };
}
