import { checkFiles } from "../adapter/file-check.js";
import type { TransferOptions } from "../adapter/files.js";
import type { ReadCollection } from "../collections/collection.js";
import { ValidationError } from "../errors.js";
import { parseOptions, requireList } from "../input-shape.js";
import { addPreviewOptionsSchema, transferOptionsSchema } from "../schema/options.js";
import { type CommentRecord, commentRecordSchema } from "../schema/reviews.js";
import type { Attachment } from "./attachment.js";
import { readChildren } from "./children.js";
import { Entity } from "./entity.js";
import { contextOf } from "./meta/entity-state.js";
import { field, lazy, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Person } from "./person.js";
import type { Preview } from "./preview.js";
import type { Task } from "./task.js";
import type { TaskStatus } from "./task-status.js";

const s = commentRecordSchema.shape;

/**
 * A comment on a task; posting one sets the task's status. From `task.comments` (`new()` posts
 * one with its previews and attachments, `all()` lists them), `preview.comment()`, or
 * `tracker.load("comment", id)` to finish a publish that stopped half-way.
 *
 * @example
 * const note = await task.comments.new({ comment: "Fix the hands", status: "retake" });
 * await note.attach(["/notes/sh0224_retake.pdf"]);
 */
@entity("comment")
export class Comment extends Entity<"comment"> {
  @field(s.taskId) declare readonly taskId: CommentRecord["taskId"];
  @field(s.text) declare text: CommentRecord["text"];
  @field(s.statusId) declare readonly statusId: CommentRecord["statusId"];
  @field(s.authorId) declare readonly authorId: CommentRecord["authorId"];
  @field(s.checklist) declare checklist: CommentRecord["checklist"];
  @field(s.previewIds) declare readonly previewIds: CommentRecord["previewIds"];
  @field(s.mentionIds) declare readonly mentionIds: CommentRecord["mentionIds"];
  @field(s.pinned) declare pinned: CommentRecord["pinned"];

  @relation("task", "taskId") declare task: Related<Task>;
  @relation("taskStatus", "statusId") declare status: Related<TaskStatus>;
  @relation("person", "authorId") declare author: Related<Person | null>;

  /** The preview revisions published with this comment. */
  @lazy get previews(): ReadCollection<"preview"> {
    return readChildren(this, "preview", () => ({ commentId: this.id }), {
      capability: "previews",
    });
  }
  /**
   * Adds a preview revision to this comment, its file checked first as `comments.new` does. This is
   * how a publish that stopped with a PartialWriteError is finished.
   *
   * @example
   * const preview = await comment.addPreview("/renders/sh020_v003.mp4", { setMain: true });
   */
  async addPreview(path: string, options: TransferOptions & { setMain?: boolean } = {}): Promise<Preview> {
    const context = contextOf(this);
    context.require("previews");
    if (Array.isArray(path)) {
      throw ValidationError.wrongType("comment.addPreview() path", path, "one path", "Call addPreview() once per file");
    }
    const checked = parseOptions(addPreviewOptionsSchema, options, "comment.addPreview() options", "{ setMain: true }");
    const [file] = await checkFiles([path]);
    const { setMain, ...transfer } = checked;
    const preview = context.absorb("preview", await context.adapter.addPreview(this.taskId, this.id, file!, transfer));
    context.identity.markStale("comment", this.id);
    context.identity.markStale("task", this.taskId);
    if (setMain) await preview.setMain();
    return preview;
  }

  /**
   * Attaches files to this comment, each checked before the first upload.
   *
   * @example
   * await comment.attach(["/notes/sh020_feedback.pdf"]);
   */
  async attach(paths: readonly string[], options: TransferOptions = {}): Promise<Attachment[]> {
    const context = contextOf(this);
    context.require("attachments");
    requireList(paths, "comment.attach()", '["/notes/sh010_feedback.pdf"]');
    const transfer = parseOptions(transferOptionsSchema, options, "comment.attach() options", "{ onProgress }");
    const files = await checkFiles(paths);
    const records = await context.adapter.addAttachments(this.id, files, transfer);
    context.identity.markStale("comment", this.id);
    return records.map((record) => context.absorb("attachment", record));
  }

  /** The files attached to this comment. */
  @lazy get attachments(): ReadCollection<"attachment"> {
    return readChildren(this, "attachment", () => ({ commentId: this.id }), { capability: "attachments" });
  }
}
