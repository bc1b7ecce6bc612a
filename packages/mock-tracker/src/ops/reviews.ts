import type { CommentData, Id, TransferOptions, UploadFile } from "@gadget/core/adapter";
import { automatesMainPreview, checkUploads, ValidationError } from "@gadget/core/adapter";
import type { Stored, Studio } from "../studio/studio.js";
import { checklistOf } from "./crud.js";
import { type ReadFile, readUpload, readUploads, splitFileName } from "./files.js";
import { pictureSize } from "./picture-size.js";
import { isNewRetake, resetTaskData } from "./task-data.js";

/**
 * Posts a comment and applies it to the task as Zou does: the comment's status becomes the task's,
 * a move into a retake status from another one counts a retake, and `lastCommentAt` moves.
 */
export function postComment(
  studio: Studio,
  taskId: Id,
  data: Omit<CommentData, "attachments">,
  attachments: readonly ReadFile[] = [],
): Stored<"comment"> {
  const task = studio.require("task", taskId);
  if (!data.statusId) {
    throw new ValidationError("A comment needs a statusId; pass the task's current status to keep it.", [
      { path: ["statusId"], message: "required" },
    ]);
  }
  const status = studio.require("taskStatus", data.statusId);
  // Kitsu makes the session's person the author when none is given.
  const authorId = data.authorId ?? studio.sessionPerson();
  if (authorId) studio.require("person", authorId);
  const now = studio.now();
  // An importer's date (whole seconds, checked by the caller); the comment is stamped now otherwise.
  const createdAt = data.createdAt ?? now;
  const comment: Stored<"comment"> = {
    id: studio.newId(),
    name: data.text,
    createdAt,
    updatedAt: now,
    customData: {},
    taskId,
    text: data.text,
    statusId: status.id,
    authorId,
    checklist: checklistOf(data.checklist ?? []),
    previewIds: [],
    attachments: [],
    mentionIds: [],
    pinned: false,
  };
  studio.table("comment").insert(comment);
  const previous = task.statusId;
  // Zou's _manage_status_change: a comment dated before the task's last one does not move the task;
  // the task is recomputed from all its comments in date order instead (reset_task_data).
  const isLast = task.lastCommentAt === null || task.lastCommentAt.getTime() <= createdAt.getTime();
  const changed = isLast && previous !== status.id;
  if (isLast) {
    studio.table("task").patch(taskId, {
      statusId: status.id,
      nbRetakes: task.nbRetakes + (isNewRetake(previous, status) ? 1 : 0),
      lastCommentAt: createdAt,
      updatedAt: now,
    });
  } else resetTaskData(studio, taskId);
  const projectId = task.projectId;
  studio.emit("comment:new", comment.id, projectId, { commentId: comment.id, taskId, taskStatusId: status.id });
  if (isLast) studio.emit("task:update", taskId, projectId, { taskId });
  if (changed) {
    const change = { taskId, newTaskStatusId: status.id, previousTaskStatusId: previous, personId: authorId };
    studio.emit("task:status-changed", taskId, projectId, change);
    if (status.isFeedbackRequest)
      studio.emit("task:to-review", taskId, projectId, { ...change, commentId: comment.id });
  }
  // Zou notifies the task's assignees (not the author) and posts a news item for every comment.
  for (const personId of task.assigneeIds) {
    if (personId !== authorId) notify(studio, personId, projectId);
  }
  const newsId = studio.newId();
  studio.emit("news:new", newsId, projectId, { newsId, taskStatusId: status.id, taskTypeId: task.taskTypeId });
  if (attachments.length > 0) attachFiles(studio, comment.id, attachments);
  return comment;
}

/** `notification:new` as Zou sends it; the mock keeps no notification records. */
export function notify(studio: Studio, personId: Id, projectId: Id | null): void {
  const notificationId = studio.newId();
  studio.emit("notification:new", notificationId, projectId, { notificationId, personId });
}

/** Adds a preview revision to a comment: first preview of a comment is the task's next revision. */
export function addPreviewFile(studio: Studio, taskId: Id, commentId: Id, file: ReadFile): Stored<"preview"> {
  const task = studio.require("task", taskId);
  const comment = studio.require("comment", commentId);
  if (comment.taskId !== taskId) {
    throw ValidationError.rule(
      `Comment ${commentId} belongs to another task than ${taskId}; add the preview to its own task`,
    );
  }
  const previews = studio.table("preview");
  let revision: number;
  let position = 1;
  const first = comment.previewIds[0] ? previews.get(comment.previewIds[0]) : undefined;
  if (first) {
    revision = first.revision;
    position = comment.previewIds.length + 1;
  } else {
    revision = 1;
    for (const id of previews.lookup("taskId", taskId))
      revision = Math.max(revision, (previews.get(id)?.revision ?? 0) + 1);
  }
  const now = studio.now();
  const { name, extension } = splitFileName(file.fileName);
  const preview: Stored<"preview"> = {
    id: studio.newId(),
    name,
    createdAt: now,
    updatedAt: now,
    customData: {},
    taskId,
    commentId,
    personId: comment.authorId,
    revision,
    position,
    extension,
    size: file.bytes.length,
    status: "ready",
    validationStatus: "neutral",
    ...pictureSize(file.bytes),
  };
  previews.insert(preview);
  studio.files.set(preview.id, { fileName: file.fileName, contentType: file.contentType, bytes: file.bytes });
  studio.table("comment").patch(commentId, { previewIds: [...comment.previewIds, preview.id], updatedAt: now });
  // Zou points the task at the first file of a revision only (update_preview_file_info: position 1).
  if (position === 1) studio.table("task").patch(taskId, { lastPreviewId: preview.id });
  // The events Zou sends for add-preview then the file upload.
  const p = task.projectId;
  studio.emit("preview-file:new", preview.id, p, { previewFileId: preview.id, commentId });
  studio.emit("comment:update", commentId, p, { commentId });
  studio.emit("preview-file:update", preview.id, p, { previewFileId: preview.id });
  // Zou's update_preview_file_info, between the file's update and the comment's second update.
  if (automatesMainPreview(studio.require("project", p), preview)) setMainPreview(studio, preview.id);
  studio.emit("comment:update", commentId, p, { commentId });
  studio.emit("preview-file:add-file", preview.id, p, {
    commentId,
    taskId,
    previewFileId: preview.id,
    revision,
    extension: extension ?? "",
    status: preview.status,
  });
  return preview;
}

/** Makes a preview the thumbnail of its task's entity. */
export function setMainPreview(studio: Studio, previewId: Id): void {
  const preview = studio.require("preview", previewId);
  const task = studio.require("task", preview.taskId);
  const { kind, row } = studio.requireEntity(task.entityId);
  // Sequences and episodes have no main preview in the model.
  if (kind !== "sequence" && kind !== "episode") {
    studio.table(kind).patch(row.id, { previewId, updatedAt: studio.now() });
  }
  studio.emit("preview-file:set-main", previewId, task.projectId, { entityId: row.id, previewFileId: previewId });
  studio.emitCrud(kind, "update", row);
}

/** Stores files on a comment; Kitsu sends no event for add-attachment. */
export function attachFiles(studio: Studio, commentId: Id, files: readonly ReadFile[]): Stored<"attachment">[] {
  const comment = studio.require("comment", commentId);
  const now = studio.now();
  const created = files.map((file): Stored<"attachment"> => {
    const attachment: Stored<"attachment"> = {
      id: studio.newId(),
      name: file.fileName,
      createdAt: now,
      updatedAt: now,
      customData: {},
      commentId,
      extension: splitFileName(file.fileName).extension ?? "",
      size: file.bytes.length,
      mimetype: file.contentType ?? null,
    };
    studio.table("attachment").insert(attachment);
    studio.files.set(attachment.id, { fileName: file.fileName, contentType: file.contentType, bytes: file.bytes });
    return attachment;
  });
  const summaries = created.map((a) => ({ id: a.id, name: a.name, extension: a.extension, size: a.size }));
  studio.table("comment").patch(commentId, { attachments: [...comment.attachments, ...summaries], updatedAt: now });
  return created;
}

/*
 * The upload variants check the records they hang on, then every file, before reading any file:
 * a wrong id fails at once instead of after a long read, and a bad file before the first write.
 */

export async function commentWithUploads(
  studio: Studio,
  taskId: Id,
  data: CommentData,
  options?: TransferOptions,
): Promise<Stored<"comment">> {
  studio.require("task", taskId);
  const { attachments = [], ...rest } = data;
  return postComment(studio, taskId, rest, await readUploads(await checkUploads(attachments), options));
}

export async function addPreviewUpload(
  studio: Studio,
  taskId: Id,
  commentId: Id,
  file: UploadFile,
  options?: TransferOptions,
): Promise<Stored<"preview">> {
  studio.require("task", taskId);
  studio.require("comment", commentId);
  const [checked] = await checkUploads([file]);
  return addPreviewFile(studio, taskId, commentId, await readUpload(checked ?? file, options));
}

export async function attachUploads(
  studio: Studio,
  commentId: Id,
  files: readonly UploadFile[],
  options?: TransferOptions,
): Promise<Stored<"attachment">[]> {
  studio.require("comment", commentId);
  return attachFiles(studio, commentId, await readUploads(await checkUploads(files), options));
}
