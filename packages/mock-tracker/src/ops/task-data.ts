import type { Id } from "@gadget/core/adapter";
import type { Stored, Studio } from "../studio/studio.js";

/** Zou's retake rule: a comment counts a retake when it moves the task into a retake status from another one. */
export const isNewRetake = (previousStatusId: Id, status: Stored<"taskStatus"> | undefined): boolean =>
  status?.isRetake === true && status.id !== previousStatusId;

/** The status a task starts in: the one flagged default, else the first created (none in an empty studio). */
export function findDefaultStatusId(studio: Studio): Id | undefined {
  let first: Id | undefined;
  for (const status of studio.table("taskStatus").values()) {
    if (status.isDefault) return status.id;
    first ??= status.id;
  }
  return first;
}

/**
 * Zou's reset_task_data, run when a comment is deleted or one dated before the task's last is
 * posted: the comments are replayed in date order from the default status, so status, retake count
 * and last comment date are what the task's history says.
 */
export function resetTaskData(studio: Studio, taskId: Id): void {
  const task = studio.find("task", taskId);
  if (!task) return;
  let statusId = findDefaultStatusId(studio) ?? task.statusId;
  let nbRetakes = 0;
  let lastCommentAt: Date | null = null;
  // Zou replays by created_at (ties in the order they were posted here).
  const comments = studio
    .table("comment")
    .rowsWhere("taskId", taskId)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const comment of comments) {
    if (isNewRetake(statusId, studio.find("taskStatus", comment.statusId))) nbRetakes++;
    statusId = comment.statusId;
    lastCommentAt = comment.createdAt;
  }
  studio.table("task").patch(taskId, { statusId, nbRetakes, lastCommentAt, updatedAt: studio.now() });
}
