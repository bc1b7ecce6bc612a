import type { Id, PlaylistEntry } from "@gadget/core/adapter";
import { checkTimeSpent, PermissionError } from "@gadget/core/adapter";
import type { Stored, Studio } from "../studio/studio.js";
import { addTeamMember } from "./project.js";
import { notify } from "./reviews.js";

/** Adds assignees (persons must exist); `task:assign` + `task:update` per person asked, as Zou sends. */
export function assign(studio: Studio, taskId: Id, personIds: readonly Id[]): Stored<"task"> {
  const task = studio.require("task", taskId);
  for (const id of personIds) studio.require("person", id);
  const asked = [...new Set(personIds)];
  const added = asked.filter((id) => !task.assigneeIds.includes(id));
  if (added.length > 0) {
    studio.table("task").patch(taskId, { assigneeIds: [...task.assigneeIds, ...added], updatedAt: studio.now() });
  }
  // Zou saves and announces the assignment even when the person had it already, and puts the
  // assignee in the project's team (tasks_service.assign_task, then add_team_member).
  for (const personId of asked) {
    studio.emit("task:assign", taskId, task.projectId, { taskId, personId });
    studio.emit("task:update", taskId, task.projectId, { taskId });
    if (added.includes(personId)) notify(studio, personId, task.projectId);
    addTeamMember(studio, task.projectId, personId);
  }
  return studio.require("task", taskId);
}

export function unassign(studio: Studio, taskId: Id, personIds: readonly Id[]): Stored<"task"> {
  const task = studio.require("task", taskId);
  for (const id of personIds) studio.require("person", id);
  const removed = task.assigneeIds.filter((id) => personIds.includes(id));
  if (removed.length === 0) return task;
  const assigneeIds = task.assigneeIds.filter((id) => !removed.includes(id));
  studio.table("task").patch(taskId, { assigneeIds, updatedAt: studio.now() });
  for (const personId of removed) {
    studio.emit("task:unassign", taskId, task.projectId, { taskId, personId });
    studio.emit("task:update", taskId, task.projectId, { taskId });
  }
  return task;
}

/**
 * One row per (task, person, day): `set` replaces it, `add` adds to it. The task's duration is
 * the sum of its rows.
 */
export function writeTimeSpent(
  studio: Studio,
  mode: "set" | "add",
  taskId: Id,
  personId: Id,
  date: string,
  seconds: number,
): Stored<"timeSpent"> {
  checkTimeSpent(date, seconds);
  const task = studio.require("task", taskId);
  studio.require("person", personId);
  // Kitsu refuses time for a person the task is not assigned to (recorded 173: 403).
  if (!task.assigneeIds.includes(personId)) throw PermissionError.notAssigned(taskId, personId);
  const table = studio.table("timeSpent");
  const now = studio.now();
  const existing = table.rowsWhere("taskId", taskId).find((t) => t.personId === personId && t.date === date);
  let row: Stored<"timeSpent">;
  if (existing) {
    row = table.patch(existing.id, {
      duration: mode === "set" ? seconds : existing.duration + seconds,
      updatedAt: now,
    });
    studio.emit("time-spent:update", row.id, task.projectId, { timeSpentId: row.id });
  } else {
    row = {
      id: studio.newId(),
      name: date,
      createdAt: now,
      updatedAt: now,
      customData: {},
      taskId,
      personId,
      date,
      duration: seconds,
    };
    table.insert(row);
    // Zou touches the person (last activity) when they log a new day.
    studio.emit("person:update", personId, null, { personId });
    studio.emit("time-spent:new", row.id, task.projectId, { timeSpentId: row.id });
  }
  const duration = table.rowsWhere("taskId", taskId).reduce((sum, t) => sum + t.duration, 0);
  studio.table("task").patch(taskId, { duration, updatedAt: now });
  studio.emit("task:update", taskId, task.projectId, { taskId });
  return row;
}

/**
 * The entity's latest preview, as Zou picks it for an entry added without one: highest revision,
 * the newest of that revision, among its tasks' previews (of the playlist's task type when it has
 * one) (playlists_service.get_latest_preview_file_ids_for_entities).
 */
function latestPreviewId(studio: Studio, entityId: Id, taskTypeId: Id | null): Id | null {
  let latest: Stored<"preview"> | undefined;
  for (const task of studio.table("task").rowsWhere("entityId", entityId)) {
    if (taskTypeId !== null && task.taskTypeId !== taskTypeId) continue;
    for (const preview of studio.table("preview").rowsWhere("taskId", task.id)) {
      const newer =
        !latest ||
        preview.revision > latest.revision ||
        (preview.revision === latest.revision && preview.createdAt >= latest.createdAt);
      if (newer) latest = preview;
    }
  }
  return latest?.id ?? null;
}

/**
 * Appends (entity, preview) couples, as Zou does (playlists_service.add_entities_to_playlist): an
 * entry without a preview gets the entity's latest one, a couple the playlist holds already is
 * skipped, and the same entity may come again under another preview. `playlist:add_entity` per
 * couple added.
 */
export function addPlaylistEntries(
  studio: Studio,
  playlistId: Id,
  entries: readonly PlaylistEntry[],
): Stored<"playlist"> {
  const playlist = studio.require("playlist", playlistId);
  for (const entry of entries) {
    studio.requireEntity(entry.entityId);
    if (entry.previewId) studio.require("preview", entry.previewId);
  }
  const list = playlist.entries.map((e) => ({ ...e }));
  const added: PlaylistEntry[] = [];
  for (const entry of entries) {
    const previewId = entry.previewId ?? latestPreviewId(studio, entry.entityId, playlist.taskTypeId);
    if (list.some((e) => e.entityId === entry.entityId && e.previewId === previewId)) continue;
    const couple = { entityId: entry.entityId, previewId };
    list.push(couple);
    added.push(couple);
  }
  if (added.length === 0) return playlist;
  studio.table("playlist").patch(playlistId, { entries: list, updatedAt: studio.now() });
  for (const entry of added) {
    studio.emit("playlist:add_entity", playlistId, playlist.projectId, {
      playlistId,
      entityId: entry.entityId,
      previewFileId: entry.previewId,
    });
  }
  return playlist;
}

export function removePlaylistEntries(studio: Studio, playlistId: Id, entityIds: readonly Id[]): Stored<"playlist"> {
  const playlist = studio.require("playlist", playlistId);
  const entries = playlist.entries.filter((e) => !entityIds.includes(e.entityId));
  studio.table("playlist").patch(playlistId, { entries, updatedAt: studio.now() });
  studio.emitCrud("playlist", "update", playlist);
  return playlist;
}
