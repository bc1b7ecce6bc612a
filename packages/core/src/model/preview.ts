import type { Download, TransferOptions } from "../adapter/files.js";
import { type PreviewRecord, previewRecordSchema } from "../schema/reviews.js";
import type { Comment } from "./comment.js";
import { Entity } from "./entity.js";
import { contextOf } from "./meta/entity-state.js";
import { field, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import type { Person } from "./person.js";
import type { Task } from "./task.js";

const s = previewRecordSchema.shape;

/**
 * A preview file (a revision of a task's movie or picture), added by publishing a comment. From
 * `task.previews`, `comment.previews`, `task.lastPreview()` or `shot.preview()`.
 *
 * @example
 * const latest = await task.lastPreview();
 * await latest?.setMain();
 */
@entity("preview")
export class Preview extends Entity<"preview"> {
  @field(s.taskId) declare readonly taskId: PreviewRecord["taskId"];
  @field(s.commentId) declare readonly commentId: PreviewRecord["commentId"];
  @field(s.personId) declare readonly personId: PreviewRecord["personId"];
  @field(s.revision) declare readonly revision: PreviewRecord["revision"];
  @field(s.position) declare readonly position: PreviewRecord["position"];
  @field(s.extension) declare readonly extension: PreviewRecord["extension"];
  @field(s.size) declare readonly size: PreviewRecord["size"];
  @field(s.status) declare readonly status: PreviewRecord["status"];
  @field(s.validationStatus) declare validationStatus: PreviewRecord["validationStatus"];
  @field(s.width) declare readonly width: PreviewRecord["width"];
  @field(s.height) declare readonly height: PreviewRecord["height"];
  /** Seconds, for movies. */
  @field(s.duration) declare readonly duration: PreviewRecord["duration"];

  @relation("task", "taskId") declare task: Related<Task>;
  @relation("comment", "commentId") declare comment: Related<Comment | null>;
  @relation("person", "personId") declare person: Related<Person | null>;

  /** The uploaded file, as a stream (the caller consumes or destroys it). */
  async download(options?: TransferOptions): Promise<Download> {
    const context = contextOf(this);
    context.require("previews");
    return context.adapter.downloadPreview(this.id, options);
  }

  /** Makes this preview the main preview (thumbnail) of its task's shot or asset. */
  async setMain(): Promise<void> {
    const context = contextOf(this);
    context.require("previews");
    await context.adapter.setMainPreview(this.id);
    context.mainPreviewSet((await context.load("task", this.taskId)).entityId, this.id);
  }
}
