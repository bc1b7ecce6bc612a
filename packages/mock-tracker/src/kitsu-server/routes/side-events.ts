import { randomUUID } from "node:crypto";
import type { CommentRecord, Id, TaskRecord } from "@gadget/core/adapter";
import { naive } from "../codec/common.js";
import type { ServerContext } from "../server-context.js";

/*
 * Events Zou emits around a write that the tracker has no notion of: news and notifications
 * (recorded 144, 176–215), and the person touched by a first time entry (recorded 168).
 */

function notify(ctx: ServerContext, personId: string, projectId: string): void {
  ctx.events.emit("notification:new", { notification_id: randomUUID(), person_id: personId }, projectId);
}

/**
 * A notification for each mentioned team member other than the author (an admin outside the team
 * is not notified, recorded 179). The mock tracker itself sends the comment's `news:new` and the
 * assignees' notifications (ops/reviews.ts), so they are not sent again here.
 */
export async function afterComment(ctx: ServerContext, task: TaskRecord, comment: CommentRecord): Promise<void> {
  await followStatus(ctx, task, comment);
  const project = await ctx.tracker.get("project", task.projectId);
  const author = comment.authorId;
  for (const personId of comment.mentionIds) {
    // Zou notifies a mention apart (type "mention"), even when that person is an assignee too.
    if (personId !== author && project.team.includes(personId)) notify(ctx, personId, task.projectId);
  }
}

/**
 * Task dates the model lacks, kept as Kitsu columns (zou.md §2.7): the first WIP comment sets
 * `real_start_date`, a feedback request sets `end_date`, a done status sets `done_date`.
 */
async function followStatus(ctx: ServerContext, task: TaskRecord, comment: CommentRecord): Promise<void> {
  const status = await ctx.tracker.get("taskStatus", comment.statusId);
  const at = naive(comment.createdAt);
  const extra = ctx.state.extra(task.id);
  if (status.isWip && !extra.real_start_date) ctx.state.setExtra(task.id, { real_start_date: at });
  if (status.isFeedbackRequest) ctx.state.setExtra(task.id, { end_date: at });
  if (status.isDone) ctx.state.setExtra(task.id, { done_date: at });
}

/** Someone assigned by another person is notified. */
export function afterAssign(ctx: ServerContext, task: TaskRecord, personIds: readonly Id[], actorId: string): void {
  for (const personId of personIds) if (personId !== actorId) notify(ctx, personId, task.projectId);
}
