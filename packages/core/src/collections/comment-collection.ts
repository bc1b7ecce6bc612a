import type { Comment } from "../model/comment.js";
import type { Task } from "../model/task.js";
import { type PublishInput, publish } from "../publish/publish.js";
import type { SessionContext } from "../session/session-context.js";
import { type CollectionOptions, ReadCollection } from "./collection.js";

/**
 * A task's comments: `task.comments`, newest first on every tracker (Kitsu's order: `all()[0]` is
 * the latest note). `new()` publishes (comment, status, previews, attachments), every file checked
 * before the first write.
 *
 * @example
 * await task.comments.new({ comment: "Blocking pass", status: "wfa", preview: ["/renders/sh0224_v003.mp4"] });
 */
export class CommentCollection extends ReadCollection<"comment", Comment> {
  /** @internal */
  constructor(
    context: SessionContext,
    private readonly task: Task,
    options: CollectionOptions,
  ) {
    super(context, "comment", options);
  }

  /**
   * Posts a comment, which sets the task's status, with preview revisions and attachments. Every
   * file is checked before anything is written.
   *
   * @example
   * await task.comments.new({ comment: "Blocking pass", status: "wfa", preview: [movie], setMainPreview: true });
   */
  async new(input: PublishInput): Promise<Comment> {
    return publish(this.context, this.task, input);
  }
}
