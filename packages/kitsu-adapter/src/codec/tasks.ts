import type {
  Id,
  TaskEntityKind,
  TaskRecord,
  TaskStatusRecord,
  TaskTypeRecord,
  TimeSpentRecord,
} from "@gadget/core/adapter";
import { z } from "zod";
import {
  createdAt,
  customData,
  idList,
  idOrNull,
  type KitsuRow,
  kitsuRow,
  minutesToSeconds,
  parseRow,
  textOrNull,
  toDate,
  toDay,
  toInt,
  updatedAt,
} from "./values.js";

/** Kitsu's `for_entity` values that are temporal (shot-like): the model's `forShots: true`. */
const temporal = new Set(["Shot", "Sequence", "Episode", "Edit", "Scene"]);

export const forEntityToForShots = (forEntity: unknown): boolean => temporal.has(String(forEntity));
export const forShotsToForEntity = (forShots: boolean): "Shot" | "Asset" => (forShots ? "Shot" : "Asset");

/** A task type's `for_entity` tells which kind of entity its tasks hang on. */
export function entityKindOf(forEntity: unknown): TaskEntityKind {
  switch (forEntity) {
    case "Sequence":
      return "sequence";
    case "Episode":
      return "episode";
    case "Asset":
      return "asset";
    default:
      return "shot";
  }
}

const taskRow = kitsuRow.extend({
  entity_id: z.string(),
  task_type_id: z.string(),
  task_status_id: z.string(),
  project_id: z.string().nullish(),
});

/*
 * Every decoder writes its record as one object literal, every field in a fixed order: records of a
 * kind then share one hidden class, which keeps large lists fast to build and to read.
 */

export function decodeTask(value: unknown, entityKind: TaskEntityKind): TaskRecord {
  const row = parseRow(taskRow, value, "task");
  const difficulty = toInt(row.difficulty) ?? 3;
  return {
    id: row.id as Id,
    name: typeof row.name === "string" ? row.name : "main",
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
    projectId: String(row.project_id ?? "") as Id,
    entityId: row.entity_id as Id,
    entityKind,
    taskTypeId: row.task_type_id as Id,
    statusId: row.task_status_id as Id,
    assigneeIds: idList(row.assignees),
    description: textOrNull(row.description),
    priority: toInt(row.priority) ?? 0,
    difficulty: Math.min(5, Math.max(1, difficulty)),
    startDate: toDay(row.start_date),
    dueDate: toDay(row.due_date),
    estimation: minutesToSeconds(row.estimation),
    duration: minutesToSeconds(row.duration),
    nbRetakes: Math.max(0, toInt(row.retake_count) ?? 0),
    lastCommentAt: toDate(row.last_comment_date),
    lastPreviewId: idOrNull(row.last_preview_file_id),
  };
}

const namedRow = kitsuRow.extend({ name: z.string() });
// Built once: a zod schema made per call is compiled again at each parse (the studio's whole
// status list is decoded at session start).
const statusRow = namedRow.extend({ short_name: z.string() });

/**
 * Rows for Kitsu's concept entities, which the model has no kind for: the task types whose
 * `for_entity` is "Concept" and the statuses flagged `for_concept` (Neutral, Approved, Rejected
 * after `zou init-data`). Listing them would give a fresh Kitsu two "Concept" task types for
 * assets and two default statuses, so they are left out, as the mock tracker never has them.
 */
export const isConceptTaskType = (row: KitsuRow): boolean => row.for_entity === "Concept";
export const isConceptStatus = (row: KitsuRow): boolean => row.for_concept === true;

/** The task types and statuses of the model's kinds, decoded. */
export const decodeTaskTypes = (rows: KitsuRow[]): TaskTypeRecord[] =>
  rows.filter((r) => !isConceptTaskType(r)).map(decodeTaskType);
export const decodeTaskStatuses = (rows: KitsuRow[]): TaskStatusRecord[] =>
  rows.filter((r) => !isConceptStatus(r)).map(decodeTaskStatus);

export function decodeTaskType(value: unknown): TaskTypeRecord {
  const row = parseRow(namedRow, value, "task type");
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: {},
    raw: row,
    shortName: textOrNull(row.short_name),
    color: typeof row.color === "string" ? row.color : "#FFFFFF",
    priority: toInt(row.priority) ?? 1,
    forShots: forEntityToForShots(row.for_entity),
    departmentId: idOrNull(row.department_id),
    allowTimelog: row.allow_timelog !== false,
  };
}

export function decodeTaskStatus(value: unknown): TaskStatusRecord {
  const row = parseRow(statusRow, value, "task status");
  const flag = (key: string, fallback = false) => (typeof row[key] === "boolean" ? (row[key] as boolean) : fallback);
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: {},
    raw: row,
    shortName: row.short_name,
    color: typeof row.color === "string" ? row.color : "#f5f5f5",
    priority: toInt(row.priority) ?? 1,
    isDefault: flag("is_default"),
    isDone: flag("is_done"),
    isRetake: flag("is_retake"),
    isWip: flag("is_wip"),
    isFeedbackRequest: flag("is_feedback_request"),
    isArtistAllowed: flag("is_artist_allowed", true),
    isClientAllowed: flag("is_client_allowed", true),
  };
}

const timeRow = kitsuRow.extend({ task_id: z.string(), person_id: z.string(), date: z.string() });

export function decodeTimeSpent(value: unknown): TimeSpentRecord {
  const row = parseRow(timeRow, value, "time spent");
  const date = toDay(row.date) ?? row.date;
  return {
    id: row.id as Id,
    name: date,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
    taskId: row.task_id as Id,
    personId: row.person_id as Id,
    date,
    duration: minutesToSeconds(row.duration),
  };
}
