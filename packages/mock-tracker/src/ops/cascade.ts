import type { Id } from "@gadget/core";
import type { Studio } from "../studio/studio.js";

/** Deletes a comment with its previews, attachments and their bytes (no events: Kitsu sends none for these). */
export function removeComment(studio: Studio, commentId: Id): void {
  for (const previewId of [...studio.table("preview").lookup("commentId", commentId)]) {
    studio.table("preview").delete(previewId);
    studio.files.delete(previewId);
  }
  for (const attachmentId of [...studio.table("attachment").lookup("commentId", commentId)]) {
    studio.table("attachment").delete(attachmentId);
    studio.files.delete(attachmentId);
  }
  studio.table("comment").delete(commentId);
}

/** Deletes a task with its comments, previews and time spent; emits `task:delete` as Zou does. */
export function removeTask(studio: Studio, taskId: Id): void {
  const task = studio.require("task", taskId);
  for (const commentId of [...studio.table("comment").lookup("taskId", taskId)]) removeComment(studio, commentId);
  for (const previewId of [...studio.table("preview").lookup("taskId", taskId)]) {
    studio.table("preview").delete(previewId);
    studio.files.delete(previewId);
  }
  for (const timeSpentId of [...studio.table("timeSpent").lookup("taskId", taskId)]) {
    studio.table("timeSpent").delete(timeSpentId);
  }
  studio.table("task").delete(taskId);
  studio.emit("task:delete", taskId, task.projectId, { taskId, entityId: task.entityId, taskTypeId: task.taskTypeId });
}
