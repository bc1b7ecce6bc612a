import { z } from "zod";
import { commentDate } from "../adapter/comment-as-check.js";
import type { CommentData, PublishData } from "../adapter/contract.js";
import { checkFiles } from "../adapter/file-check.js";
import type { TransferOptions, UploadFile } from "../adapter/files.js";
import { automatesMainPreview } from "../adapter/main-preview-automation.js";
import type { RefInput } from "../collections/query.js";
import { resolveRef } from "../collections/resolve.js";
import { PartialWriteError, type PublishWritten, ValidationError } from "../errors.js";
import { exampleFor, parseObject } from "../input-shape.js";
import type { Comment } from "../model/comment.js";
import { patchFields } from "../model/meta/entity-state.js";
import type { Person } from "../model/person.js";
import type { Task } from "../model/task.js";
import type { TaskStatus } from "../model/task-status.js";
import { textSchema } from "../schema/common.js";
import { checklistInputSchema } from "../schema/inputs.js";
import { transferOptionsShape } from "../schema/options.js";
import type { CommentRecord, PreviewRecord } from "../schema/reviews.js";
import type { SessionContext } from "../session/session-context.js";
import { resolveStatus } from "./status.js";

/** What `task.comments.new()` takes: the comment, the new status, files, and transfer options. */
export interface PublishInput extends TransferOptions {
  /**
   * The comment's text.
   *
   * @default ""
   * @example
   * comment: "Blocking pass"
   */
  comment?: string;
  /**
   * The task's new status: short name, name, TaskStatus or id, among the statuses enabled on the
   * project.
   *
   * @default the task's current status
   * @example
   * status: "wfa"
   */
  status?: RefInput<TaskStatus>;
  /**
   * Preview files (movies, pictures), each a new revision on the comment. Every file is checked
   * (exists, readable, not empty) before the first write.
   *
   * @default [] (a comment without preview)
   * @example
   * preview: ["/renders/sq170_sh0224_v003.mp4"]
   */
  preview?: string | readonly string[];
  /**
   * Files attached to the comment (notes, reference pictures), checked like previews.
   *
   * @default []
   * @example
   * attachments: ["/notes/sh0224_retake.pdf"]
   */
  attachments?: readonly string[];
  /**
   * Checklist items of the comment; `frame` and `revision` pin an item to a frame of a preview.
   *
   * @default []
   * @example
   * checklist: [{ text: "fix the hands", frame: 12 }, { text: "timing ok", checked: true }]
   */
  checklist?: { text: string; checked?: boolean; frame?: number | null; revision?: number | null }[];
  /**
   * Make the first preview the main preview (thumbnail) of the task's shot or asset.
   *
   * @default false
   * @example
   * setMainPreview: true
   */
  setMainPreview?: boolean;
  /**
   * Who the comment is from, when it is not the session's person: a farm or ingest bot posting for
   * an artist. Name, login, e-mail, id or Person. Only a studio admin or a manager of the project may
   * (Kitsu's rule); from anyone else it is a PermissionError before anything is written.
   *
   * @default the session's person
   * @example
   * author: "jdoe"
   */
  author?: RefInput<Person>;
  /**
   * The comment's date, for an importer keeping history: a `Date` from 1900 to 2999, kept to the
   * second. Only a studio admin or a manager of the project may set it (as `author`). A comment
   * dated before the task's last one does not change the task's status: the task is recomputed from
   * its comments in date order, as Kitsu does. A future date is accepted (Kitsu does) and keeps the
   * comment the task's last until then.
   *
   * @default now
   * @example
   * createdAt: new Date("2024-03-01T09:30:00Z")
   */
  createdAt?: Date;
}

/** A reference a caller may give by name or as an entity (or its id): a non-blank string or `{ id }`. */
const refInput = <T>(message: string) =>
  z.custom<RefInput<T>>(
    (value) =>
      (typeof value === "string" && value.trim() !== "") ||
      (typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string"),
    { message },
  );

const inputSchema = z.strictObject({
  comment: textSchema.optional(),
  status: refInput<TaskStatus>('expected a short name ("wfa"), a name, a TaskStatus or its id').optional(),
  preview: z.union([z.string(), z.array(z.string())]).optional(),
  attachments: z.array(z.string()).optional(),
  checklist: z.array(checklistInputSchema).optional(),
  setMainPreview: z.boolean().optional(),
  author: refInput<Person>('expected a login ("jdoe"), a name, an e-mail, a Person or its id').optional(),
  createdAt: z.unknown().optional(),
  ...transferOptionsShape,
});

interface Written {
  comment: CommentRecord;
  previews: PreviewRecord[];
}

/** Comment → previews → main preview, one step at a time, for adapters without `publish`. */
async function publishStepByStep(
  context: SessionContext,
  task: Task,
  data: PublishData,
  transfer: TransferOptions,
): Promise<Written> {
  const { adapter } = context;
  const { previews: files, setMainPreview, ...commentData } = data;
  const comment = await adapter.comment(task.id, commentData satisfies CommentData, transfer);
  const previews: PreviewRecord[] = [];
  const written = (): Omit<PublishWritten, "operation"> => ({
    steps: [`comment ${comment.id}`, ...previews.map((p) => `preview ${p.id} (${p.name})`)],
    ids: { comment: comment.id, previews: previews.map((p) => p.id) },
  });
  for (const file of files) {
    try {
      previews.push(await adapter.addPreview(task.id, comment.id, file, transfer));
    } catch (error) {
      throw PartialWriteError.publish(`add preview ${file.fileName}`, written(), error);
    }
  }
  const [main] = previews;
  if (setMainPreview && main) {
    try {
      await adapter.setMainPreview(main.id);
    } catch (error) {
      throw PartialWriteError.publish("set main preview", written(), error);
    }
  }
  return { comment, previews };
}

/**
 * Publishes on a task: checks every file first (nothing is written when one is bad), then posts
 * the comment with its previews and attachments. The task, the comment and its previews in the
 * session are updated; a step failing after the first write is a PartialWriteError naming what
 * exists.
 */
export async function publish(context: SessionContext, task: Task, input: PublishInput): Promise<Comment> {
  parseObject(inputSchema, input, "comments.new() input", exampleFor(input, "comment"));
  const previewPaths =
    input.preview === undefined ? [] : typeof input.preview === "string" ? [input.preview] : input.preview;
  const attachmentPaths = input.attachments ?? [];
  if (input.setMainPreview && previewPaths.length === 0) {
    throw ValidationError.wrongType(
      "comments.new() setMainPreview",
      true,
      "false when no preview is given",
      "Pass preview: [path] with it, or leave setMainPreview out",
    );
  }
  if (previewPaths.length > 0) context.require("previews");
  if (attachmentPaths.length > 0) context.require("attachments");

  const project = await context.load("project", task.projectId);
  const statusId =
    input.status === undefined ? task.statusId : (await resolveStatus(context, project, input.status)).id;
  const createdAt = input.createdAt === undefined ? undefined : commentDate(input.createdAt);
  const authorId =
    input.author === undefined ? undefined : await resolveRef(context, "person", input.author, "comments.new() author");
  const previews: UploadFile[] = await checkFiles(previewPaths);
  const attachments: UploadFile[] = await checkFiles(attachmentPaths);
  input.signal?.throwIfAborted();

  const data: PublishData = {
    statusId,
    text: input.comment ?? "",
    previews,
    setMainPreview: input.setMainPreview ?? false,
    ...(input.checklist ? { checklist: input.checklist } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(authorId ? { authorId } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
  const transfer: TransferOptions = {
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  };

  const { adapter } = context;
  let written: Written;
  if (adapter.publish) {
    const result = await adapter.publish(task.id, data, transfer);
    if (result.task) context.absorb("task", result.task);
    else {
      // The tracker did not send the task back: its new status is known, the rest (retakes, dates) is read on next use.
      // A dated comment may be older than the task's last one, which then keeps its status.
      if (!data.createdAt) patchFields(task, { statusId: data.statusId });
      context.identity.markStale("task", task.id);
    }
    written = result;
  } else {
    written = await publishStepByStep(context, task, data, transfer);
    // The step-by-step writes return records from before the later steps; read back the result.
    const [taskRecord, commentRecord] = await Promise.all([
      adapter.get("task", task.id),
      adapter.get("comment", written.comment.id),
    ]);
    context.absorb("task", taskRecord);
    written = { ...written, comment: commentRecord };
  }
  for (const preview of written.previews) context.absorb("preview", preview);
  const [main] = written.previews;
  // A project that automates it made the first preview the main one without being asked.
  if (main && (data.setMainPreview || automatesMainPreview(project, main)))
    context.mainPreviewSet(task.entityId, main.id);
  return context.absorb("comment", written.comment);
}
