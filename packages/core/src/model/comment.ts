import type { ReadCollection } from "../collections/collection.js";
import { type CommentRecord, commentRecordSchema } from "../schema/reviews.js";
import { readChildren } from "./children.js";
import { Entity } from "./entity.js";
import { field, type Related, relation } from "./metadata.js";
import type { Person } from "./person.js";
import type { Task } from "./task.js";
import type { TaskStatus } from "./task-status.js";

const s = commentRecordSchema.shape;

/** A comment on a task; posting one sets the task's status (see `task.comments.new`). */
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
  readonly previews: ReadCollection<"preview"> = readChildren(this, "preview", () => ({ commentId: this.id }), {
    capability: "previews",
  });
  /** The files attached to this comment. */
  readonly attachments: ReadCollection<"attachment"> = readChildren(
    this,
    "attachment",
    () => ({ commentId: this.id }),
    { capability: "attachments" },
  );
}
