import type { ShotRecord, TaskRecord } from "@gadget/core/adapter";
import { zouForEntity } from "@gadget/core/adapter";
import { person } from "../codec/people.js";
import { project, temporalEntityTypes } from "../codec/production.js";
import { task, taskStatus, taskType } from "../codec/tasks.js";
import type { ServerContext } from "../server-context.js";
import { entityRow, findEntity } from "./entity-io.js";
import { maybe, type Row } from "./helpers.js";

/* Enriched task rows: a person's task list (recorded 158, 159) and `/data/tasks/<id>/full` (139). */

/** A to-do row: the task plus the names and columns of what it belongs to. */
export async function todoRow(ctx: ServerContext, t: TaskRecord): Promise<Row> {
  const [type, status, proj, found] = await Promise.all([
    ctx.tracker.get("taskType", t.taskTypeId),
    ctx.tracker.get("taskStatus", t.statusId),
    ctx.tracker.get("project", t.projectId),
    findEntity(ctx, t.entityId),
  ]);
  const entity = found ? entityRow(ctx, found.kind, found.record) : {};
  const shot = found?.kind === "shot" ? (found.record as ShotRecord) : undefined;
  const sequence = shot ? await maybe(ctx.tracker, "sequence", shot.sequenceId) : undefined;
  const episode = shot?.episodeId ? await maybe(ctx.tracker, "episode", shot.episodeId) : undefined;
  const row = task(t, ctx.state, true);
  return {
    ...row,
    project_name: proj.name,
    project_has_avatar: false,
    entity_name: entity.name ?? null,
    entity_description: entity.description ?? null,
    entity_data: entity.data ?? null,
    entity_preview_file_id: entity.preview_file_id ?? "",
    entity_source_id: entity.source_id ?? "",
    entity_type_name: found?.kind === "asset" ? type.name : found ? String(entity.type) : null,
    entity_canceled: entity.canceled ?? false,
    sequence_name: sequence?.name ?? null,
    episode_id: episode?.id ?? "",
    episode_name: episode?.name ?? null,
    task_type_for_entity: zouForEntity(type.forEntity),
    task_estimation: row.estimation,
    task_duration: row.duration,
    task_start_date: row.start_date,
    task_due_date: row.due_date,
    task_type_name: type.name,
    task_status_name: status.name,
    task_type_color: type.color,
    task_status_color: status.color,
    task_status_short_name: status.shortName,
    last_comment: {},
  };
}

/** The task with every related row expanded. */
export async function fullTask(ctx: ServerContext, t: TaskRecord): Promise<Row> {
  const [type, status, proj, persons, found] = await Promise.all([
    ctx.tracker.get("taskType", t.taskTypeId),
    ctx.tracker.get("taskStatus", t.statusId),
    ctx.tracker.get("project", t.projectId),
    ctx.tracker.getMany("person", t.assigneeIds),
    findEntity(ctx, t.entityId),
  ]);
  const assignerId = ctx.state.extra(t.id).assigner_id;
  const assigner = typeof assignerId === "string" ? await maybe(ctx.tracker, "person", assignerId) : undefined;
  const row: Row = {
    ...task(t, ctx.state, true),
    entity: found ? { ...entityRow(ctx, found.kind, found.record), type: "Entity" } : null,
    entity_type: null,
    is_subscribed: false,
    persons: persons.map((p) => person(p, ctx.state, false)),
    project: project(proj, ctx.state, false),
    task_status: taskStatus(status),
    task_type: taskType(type, ctx.state),
    assigner: assigner ? person(assigner, ctx.state, false) : null,
  };
  if (!found) return row;
  const typeId = String(entityRow(ctx, found.kind, found.record).entity_type_id);
  const temporal = temporalEntityTypes(ctx.state).find((e) => e.id === typeId);
  const assetType = found.kind === "asset" ? await maybe(ctx.tracker, "assetType", typeId) : undefined;
  row.entity_type = temporal ?? (assetType ? { id: assetType.id, name: assetType.name, type: "EntityType" } : null);
  if (found.kind === "shot") {
    const sequence = await maybe(ctx.tracker, "sequence", (found.record as ShotRecord).sequenceId);
    row.sequence = sequence ? entityRow(ctx, "sequence", sequence) : null;
  }
  return row;
}
