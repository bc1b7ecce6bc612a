import type { Download, TransferOptions } from "../adapter/files.js";
import { downloadTarget, type SavedFile, type SaveTo, saveDownload } from "../adapter/save-download.js";
import { parseOptions } from "../input-shape.js";
import { attachmentDownloadOptionsSchema } from "../schema/download-options.js";
import { type AttachmentRecord, attachmentRecordSchema } from "../schema/reviews.js";
import type { Comment } from "./comment.js";
import { Entity } from "./entity.js";
import { contextOf } from "./meta/entity-state.js";
import { field, type Related, relation } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";

const s = attachmentRecordSchema.shape;

/**
 * A file attached to a comment; `name` is the file name. From `comment.attachments`, or what
 * `comment.attach()` returns.
 *
 * @example
 * for (const file of await comment.attachments.all()) console.log(file.name, file.size);
 */
@entity("attachment")
export class Attachment extends Entity<"attachment"> {
  @field(s.commentId) declare readonly commentId: AttachmentRecord["commentId"];
  @field(s.extension) declare readonly extension: AttachmentRecord["extension"];
  @field(s.size) declare readonly size: AttachmentRecord["size"];
  @field(s.mimetype) declare readonly mimetype: AttachmentRecord["mimetype"];

  @relation("comment", "commentId") declare comment: Related<Comment>;

  /**
   * Writes the file to disk (`to`: a file path, or an existing folder to keep its name), checked
   * before the request and renamed into place once complete.
   *
   * @example
   * await attachment.download({ to: "/tmp/notes/" });
   */
  download(options: TransferOptions & SaveTo): Promise<SavedFile>;
  /**
   * The file, as a stream (the caller consumes or destroys it).
   *
   * @example
   * const { stream, size } = await attachment.download();
   */
  download(options?: TransferOptions): Promise<Download>;
  async download(options: TransferOptions & Partial<SaveTo> = {}): Promise<Download | SavedFile> {
    const context = contextOf(this);
    context.require("attachments");
    const { to, ...transfer } = parseOptions(
      attachmentDownloadOptionsSchema,
      options,
      "attachment.download() options",
      '{ to: "/notes/" }',
    );
    if (to === undefined) return context.adapter.downloadAttachment(this.id, transfer);
    const target = await downloadTarget(to);
    return saveDownload(await context.adapter.downloadAttachment(this.id, transfer), target, transfer.signal);
  }
}
