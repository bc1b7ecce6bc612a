import type { Download } from "../adapter/files.js";
import { checkVariant, type PreviewDownloadOptions, parseVariant } from "../adapter/preview-variants.js";
import { downloadTarget, type SavedFile, type SaveTo, saveDownload } from "../adapter/save-download.js";
import { parseOptions } from "../input-shape.js";
import { previewDownloadOptionsSchema } from "../schema/download-options.js";
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

  /**
   * Writes a file of the preview to disk: `to` is a file path, or an existing folder to keep the
   * tracker's file name. The place is checked before the request; the bytes go to a temp file beside
   * it, renamed once complete, so `to` never holds half a file.
   *
   * @example
   * const saved = await preview.download({ to: "/tmp/review/", variant: "thumbnail" });
   * console.log(saved.path, saved.size);
   */
  download(options: PreviewDownloadOptions & SaveTo): Promise<SavedFile>;
  /**
   * A file of the preview as a stream (the caller consumes or destroys it): `variant` picks the
   * uploaded file (default), the movie, or a picture the tracker built from it.
   *
   * @example
   * const { stream } = await preview.download({ variant: "movie" });
   */
  download(options?: PreviewDownloadOptions): Promise<Download>;
  async download(options: PreviewDownloadOptions & Partial<SaveTo> = {}): Promise<Download | SavedFile> {
    const context = contextOf(this);
    context.require("previews");
    const {
      to,
      variant: given,
      ...transfer
    } = parseOptions(
      previewDownloadOptionsSchema,
      options,
      "preview.download() options",
      '{ to: "/review/", variant: "thumbnail" }',
    );
    const variant = parseVariant(given);
    checkVariant(this, variant);
    if (to === undefined) return context.adapter.downloadPreview(this.id, { ...transfer, variant });
    const target = await downloadTarget(to);
    return saveDownload(
      await context.adapter.downloadPreview(this.id, { ...transfer, variant }),
      target,
      transfer.signal,
    );
  }

  /** Makes this preview the main preview (thumbnail) of its task's shot or asset. */
  async setMain(): Promise<void> {
    const context = contextOf(this);
    context.require("previews");
    await context.adapter.setMainPreview(this.id);
    context.mainPreviewSet((await context.load("task", this.taskId)).entityId, this.id);
  }
}
