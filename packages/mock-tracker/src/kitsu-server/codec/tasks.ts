import type { TaskRecord, TaskStatusRecord, TaskTypeRecord, TimeSpentRecord } from "@gadget/core/adapter";
import { zouForEntity } from "@gadget/core/adapter";
import type { KitsuState } from "../state.js";
import { dataOrNull, dateTime, naive, toMinutes } from "./common.js";

/* Task, task type, task status and time spent rows (recorded 027, 028, 129, 168). */

export function task(t: TaskRecord, state: KitsuState, relations: boolean): Record<string, unknown> {
  const row: Record<string, unknown> = {
    name: t.name,
    description: t.description,
    priority: t.priority,
    difficulty: t.difficulty,
    duration: toMinutes(t.duration),
    estimation: toMinutes(t.estimation),
    completion_rate: 0,
    retake_count: t.nbRetakes,
    sort_order: 0,
    start_date: dateTime(t.startDate),
    due_date: dateTime(t.dueDate),
    real_start_date: null,
    end_date: null,
    done_date: null,
    last_comment_date: naive(t.lastCommentAt),
    nb_assets_ready: 0,
    data: dataOrNull(t.customData),
    nb_drawings: 0,
    shotgun_id: null,
    last_preview_file_id: state.publicPreviewIdOrNull(t.lastPreviewId),
    project_id: t.projectId,
    task_type_id: t.taskTypeId,
    task_status_id: t.statusId,
    entity_id: t.entityId,
    assigner_id: null,
    ...state.extra(t.id),
  };
  if (relations) row.assignees = t.assigneeIds;
  return { ...row, id: t.id, created_at: naive(t.createdAt), updated_at: naive(t.updatedAt), type: "Task" };
}

export function taskType(t: TaskTypeRecord, state: KitsuState): Record<string, unknown> {
  return {
    name: t.name,
    short_name: t.shortName ?? "",
    description: null,
    color: t.color,
    priority: t.priority,
    for_entity: zouForEntity(t.forEntity),
    allow_timelog: t.allowTimelog,
    archived: false,
    shotgun_id: null,
    department_id: t.departmentId,
    ...state.extra(t.id),
    id: t.id,
    created_at: naive(t.createdAt),
    updated_at: naive(t.updatedAt),
    type: "TaskType",
  };
}

export function taskStatus(s: TaskStatusRecord): Record<string, unknown> {
  return {
    name: s.name,
    archived: false,
    short_name: s.shortName,
    description: null,
    color: s.color,
    priority: s.priority,
    is_done: s.isDone,
    is_artist_allowed: s.isArtistAllowed,
    is_client_allowed: s.isClientAllowed,
    is_retake: s.isRetake,
    is_feedback_request: s.isFeedbackRequest,
    is_default: s.isDefault,
    is_wip: s.isWip,
    shotgun_id: null,
    for_concept: false,
    id: s.id,
    created_at: naive(s.createdAt),
    updated_at: naive(s.updatedAt),
    type: "TaskStatus",
  };
}

export function timeSpent(t: TimeSpentRecord): Record<string, unknown> {
  return {
    duration: toMinutes(t.duration),
    date: t.date,
    task_id: t.taskId,
    person_id: t.personId,
    id: t.id,
    created_at: naive(t.createdAt),
    updated_at: naive(t.updatedAt),
    type: "TimeSpent",
  };
}
