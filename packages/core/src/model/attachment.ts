import type { Download, TransferOptions } from "../adapter/files.js";
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

  /** The file, as a stream (the caller consumes or destroys it). */
  async download(options?: TransferOptions): Promise<Download> {
    const context = contextOf(this);
    context.require("attachments");
    return context.adapter.downloadAttachment(this.id, options);
  }
}
