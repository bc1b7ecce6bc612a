import type {
  Id,
  TaskEntityKind,
  TaskRecord,
  TaskStatusRecord,
  TaskTypeRecord,
  TimeSpentRecord,
} from "@gadget/core/adapter";
import { forShotsOf, kindOfZouForEntity } from "@gadget/core/adapter";
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

/** A task type's `for_entity` tells which kind of entity its tasks hang on (Zou's column defaults to "Asset"). */
export const entityKindOf = (forEntity: unknown): TaskEntityKind =>
  forEntity === undefined || forEntity === null ? "asset" : (kindOfZouForEntity(forEntity) ?? "shot");

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
 * The statuses flagged `for_concept` (Neutral, Approved, Rejected after `zou init-data`) are left
 * out: listing them would give a fresh Kitsu two default statuses. A task of any kind, concepts
 * included, is created with the studio's default status, which the adapter sends. Task types for
 * concepts (`for_entity: "Concept"`) are listed: concept tasks need them.
 */
export const isConceptStatus = (row: KitsuRow): boolean => row.for_concept === true;

/** The task types and statuses of the model's kinds, decoded. */
export const decodeTaskTypes = (rows: KitsuRow[]): TaskTypeRecord[] => rows.map(decodeTaskType);
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
    forShots: forShotsOf(entityKindOf(row.for_entity)),
    forEntity: entityKindOf(row.for_entity),
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
