import type { Id } from "@gadget/core";
import { ValidationError } from "@gadget/core";
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
  if (kind === "shot" || kind === "asset") {
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
const projectContent = ["playlist", "shot", "asset", "sequence", "episode"] as const;

/**
 * Zou's project delete: refused while the project is open (force or not); forced, everything in it
 * goes; unforced, a project that still holds records is refused as the database would.
 */
export function removeProject(studio: Studio, projectId: Id, force: boolean): void {
  const project = studio.require("project", projectId);
  if (project.status !== "closed") {
    throw ValidationError.rule(
      `Only closed projects can be deleted: project "${project.name}" is open. Update it with { status: "closed" } first`,
    );
  }
  const taskIds = [...studio.table("task").lookup("projectId", projectId)];
  const held =
    taskIds.length + projectContent.reduce((n, k) => n + studio.table(k).lookup("projectId", projectId).size, 0);
  if (held > 0 && !force) {
    throw ValidationError.rule(
      `Project "${project.name}" still holds ${held} records; remove them first, or pass { force: true } to delete them with it`,
    );
  }
  for (const taskId of taskIds) removeTask(studio, taskId);
  for (const kind of projectContent) {
    for (const id of [...studio.table(kind).lookup("projectId", projectId)]) {
      if (kind === "shot" || kind === "asset") dropFromCasting(studio, id);
      studio.table(kind).delete(id);
    }
  }
  studio.table("project").delete(projectId);
}

/** Kinds whose rows other rows hang on through a foreign key Zou will not leave dangling. */
export type ParentKind = "sequence" | "episode" | "assetType";

type Children = Partial<Record<"shot" | "sequence" | "asset" | "playlist" | "task", Id[]>>;

const inProject = <K extends "asset" | "playlist">(studio: Studio, kind: K, projectId: Id, episodeId: Id): Id[] =>
  studio
    .table(kind)
    .rowsWhere("projectId", projectId)
    .filter((row) => row.episodeId === episodeId)
    .map((row) => row.id);

/** What still points at the parent: a sequence's shots, an episode's sequences, assets and playlists, tasks on either. */
function childrenOf(studio: Studio, kind: ParentKind, id: Id): Children {
  if (kind === "assetType") return { asset: [...studio.table("asset").lookup("assetTypeId", id)] };
  const task = [...studio.table("task").lookup("entityId", id)];
  if (kind === "sequence") return { shot: [...studio.table("shot").lookup("sequenceId", id)], task };
  const { projectId } = studio.require("episode", id);
  return {
    sequence: [...studio.table("sequence").lookup("episodeId", id)],
    asset: inProject(studio, "asset", projectId, id),
    playlist: inProject(studio, "playlist", projectId, id),
    task,
  };
}

/**
 * Zou's delete of a sequence, an episode or an asset type: refused (400) while rows still point at
 * it; forced, a sequence or an episode takes them along, each child removed with force as Zou's
 * remove_sequence and remove_episode do (events included). An asset type goes through Zou's generic
 * crud delete, which has no cascade: its assets must go first, force or not.
 */
export function removeParent(
  studio: Studio,
  kind: ParentKind,
  id: Id,
  force: boolean,
  removeChild: (kind: keyof Children, id: Id) => void,
): void {
  const row = studio.require(kind, id);
  const children = Object.entries(childrenOf(studio, kind, id)).filter(([, ids]) => ids.length > 0);
  if (children.length > 0 && (!force || kind === "assetType")) {
    const held = children.map(([child, ids]) => `${ids.length} ${child}${ids.length > 1 ? "s" : ""}`).join(", ");
    const fix =
      kind === "assetType" ? "delete them first" : "delete them first, or pass { force: true } to delete them with it";
    throw ValidationError.rule(`Cannot delete ${kind} "${row.name}": ${held} still point at it; ${fix}`);
  }
  for (const [child, ids] of children) for (const childId of ids) removeChild(child as keyof Children, childId);
  dropFromCasting(studio, id);
  studio.table(kind).delete(id);
}
