import type { Id, Kind } from "@gadget/core/adapter";
import { dependentsOf } from "@gadget/core/adapter";
import type { Studio } from "../studio/studio.js";
import { dropFromCasting } from "./casting.js";
import { resetTaskData } from "./task-data.js";

/**
 * Deletes a preview with its bytes. The task's last preview and the entity's main preview are
 * foreign keys in Zou, so they are cleared rather than left pointing at nothing.
 */
function removePreview(studio: Studio, previewId: Id): void {
  const preview = studio.table("preview").delete(previewId);
  studio.files.delete(previewId);
  const task = preview && studio.find("task", preview.taskId);
  if (!task) return;
  if (task.lastPreviewId === previewId) studio.table("task").patch(task.id, { lastPreviewId: null });
  const kind = studio.entityKindOf(task.entityId);
  if (kind && kind !== "sequence" && kind !== "episode") {
    if (studio.table(kind).get(task.entityId)?.previewId === previewId) {
      studio.table(kind).patch(task.entityId, { previewId: null });
    }
  }
}

/** Deletes a comment with its previews, attachments and their bytes (no events: Kitsu sends none for these). */
function dropComment(studio: Studio, commentId: Id): void {
  for (const previewId of [...studio.table("preview").lookup("commentId", commentId)]) removePreview(studio, previewId);
  for (const attachmentId of [...studio.table("attachment").lookup("commentId", commentId)]) {
    studio.table("attachment").delete(attachmentId);
    studio.files.delete(attachmentId);
  }
  studio.table("comment").delete(commentId);
}

/** Deletes a comment and its files, then recomputes its task from the comments left, as Zou does. */
export function removeComment(studio: Studio, commentId: Id): void {
  const comment = studio.require("comment", commentId);
  dropComment(studio, commentId);
  resetTaskData(studio, comment.taskId);
}

/** Deletes a task with its comments, previews and time spent; emits `task:delete` as Zou does. */
export function removeTask(studio: Studio, taskId: Id): void {
  const task = studio.require("task", taskId);
  for (const commentId of [...studio.table("comment").lookup("taskId", taskId)]) dropComment(studio, commentId);
  for (const previewId of [...studio.table("preview").lookup("taskId", taskId)]) removePreview(studio, previewId);
  for (const timeSpentId of [...studio.table("timeSpent").lookup("taskId", taskId)]) {
    studio.table("timeSpent").delete(timeSpentId);
  }
  studio.table("task").delete(taskId);
  studio.emit("task:delete", taskId, task.projectId, { taskId, entityId: task.entityId, taskTypeId: task.taskTypeId });
}

/** What a project holds directly, deleted children first so that no row outlives its parent. */
const projectContent = ["playlist", "scene", "edit", "concept", "shot", "asset", "sequence", "episode"] as const;

/**
 * Zou's forced project delete (the rules checked by the caller: closed, and empty unless forced):
 * everything in it goes, without events but the tasks'.
 */
export function removeProject(studio: Studio, projectId: Id): void {
  for (const taskId of [...studio.table("task").lookup("projectId", projectId)]) removeTask(studio, taskId);
  for (const kind of projectContent) {
    for (const id of [...studio.table(kind).lookup("projectId", projectId)]) {
      if (kind === "shot" || kind === "asset") dropFromCasting(studio, id);
      studio.table(kind).delete(id);
    }
  }
  studio.table("project").delete(projectId);
}

/**
 * The records still pointing at a record, by kind, when its kind's remove rule cares
 * (`whileHeld`): a sequence's shots, an episode's sequences, assets and playlists, the tasks on an
 * entity, an asset type's assets, a project's content (rules.ts `dependentsOf`).
 */
export function heldBy(studio: Studio, kind: Kind, id: Id): Partial<Record<Kind, Id[]>> {
  const held: Partial<Record<Kind, Id[]>> = {};
  if (!studio.rules[kind].remove.whileHeld) return held;
  for (const dependent of dependentsOf(studio.rules, kind)) {
    const ids = studio.table(dependent.kind).idsWhere(dependent.field, id);
    if (ids.size > 0) held[dependent.kind] = [...(held[dependent.kind] ?? []), ...ids];
  }
  return held;
}
