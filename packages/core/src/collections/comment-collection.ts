import type { Comment } from "../model/comment.js";
import type { Task } from "../model/task.js";
import { type PublishInput, publish } from "../publish/publish.js";
import type { SessionContext } from "../session/session-context.js";
import { type CollectionOptions, ReadCollection } from "./collection.js";
import { fetchPages } from "./fetch.js";

/**
 * A task's comments: `task.comments`. `all()`, `filter()` and `iterate()` list them in one order on
 * every tracker: newest `createdAt` first (Kitsu's order, so `all()[0]` is the latest note, which
 * `last()` reads); comments with the same `createdAt` (dates given to the second by an importer)
 * come latest posted first. `new()` publishes (comment, status, previews, attachments), every file
 * checked before the first write.
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

  /**
   * The task's newest comment (the first of `all()`), or `undefined` when it has none; reads one
   * page of one comment.
   *
   * @example
   * const note = await task.comments.last();
   * if (note) console.log(note.text, (await note.status()).shortName);
   */
  async last(): Promise<Comment | undefined> {
    const where = await this.toWhere({});
    if (where === null) return undefined;
    for await (const page of fetchPages(this.context, "comment", where, { limit: 1 })) return page[0];
    return undefined;
  }
}
