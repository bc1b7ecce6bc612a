import type { AssetRecord, Id, ShotRecord, TaskRecord } from "@gadget/core/adapter";
import { dateTime, naive, toMinutes } from "../codec/common.js";
import { type EntityKindName, type EntityRecord, entity, shotData } from "../codec/production.js";
import type { ServerContext } from "../server-context.js";
import type { Row } from "./helpers.js";

/*
 * Entities (episode, sequence, shot, asset) between Zou's one `entity` table and the model's
 * kinds: finding a record by id whatever its kind, the enriched rows of the typed routes, and
 * Zou `data` ↔ model fields (a shot's frame range and fps live in `data`).
 */

export const entityKinds: readonly EntityKindName[] = [
  "shot",
  "asset",
  "sequence",
  "episode",
  "edit",
  "concept",
  "scene",
];

export async function findEntity(
  ctx: ServerContext,
  id: Id,
): Promise<{ kind: EntityKindName; record: EntityRecord } | undefined> {
  for (const kind of entityKinds) {
    try {
      return { kind, record: (await ctx.tracker.get(kind, id)) as EntityRecord };
    } catch {
      // Not of this kind: try the next one.
    }
  }
  return undefined;
}

/** Splits a Zou `data` object into a shot's first-class fields and its custom data. */
export function splitShotData(data: Record<string, unknown>): {
  fields: { frameIn?: number | null; frameOut?: number | null; fps?: number | null };
  custom: Record<string, unknown>;
  fpsIsString: boolean;
} {
  const { frame_in, frame_out, fps, ...custom } = data;
  const num = (v: unknown) => (v === null ? null : Number(v));
  const fields: { frameIn?: number | null; frameOut?: number | null; fps?: number | null } = {};
  if (frame_in !== undefined) fields.frameIn = num(frame_in);
  if (frame_out !== undefined) fields.frameOut = num(frame_out);
  if (fps !== undefined) fields.fps = num(fps);
  return { fields, custom, fpsIsString: typeof fps === "string" };
}

/** Shot `data` as the client stored it (fps kept a string when it was sent as one). */
export function zouShotData(ctx: ServerContext, s: ShotRecord): Record<string, unknown> {
  const data = shotData(s);
  if (data.fps !== undefined && ctx.state.extra(s.id).fps_is_string === true) data.fps = String(data.fps);
  return data;
}

/** Tasks by the entity they belong to, so that each row takes its own in one lookup. */
export function tasksByEntity(tasks: readonly TaskRecord[]): Map<string, TaskRecord[]> {
  const byEntity = new Map<string, TaskRecord[]>();
  for (const t of tasks) {
    const own = byEntity.get(t.entityId);
    if (own) own.push(t);
    else byEntity.set(t.entityId, [t]);
  }
  return byEntity;
}

export function entityRow(ctx: ServerContext, kind: EntityKindName, r: EntityRecord, relations = false): Row {
  const row = entity(kind, r, ctx.state, { relations });
  if (kind === "shot") row.data = zouShotData(ctx, r as ShotRecord);
  delete row.fps_is_string;
  return row;
}

/** The task subset that "with tasks" rows embed (recorded 160, 163). */
export function embeddedTask(ctx: ServerContext, t: TaskRecord, forAsset: boolean): Row {
  const extra = ctx.state.extra(t.id);
  const row: Row = {
    id: t.id,
    duration: toMinutes(t.duration),
    due_date: dateTime(t.dueDate),
    end_date: extra.end_date ?? null,
    done_date: extra.done_date ?? null,
    entity_id: t.entityId,
    estimation: toMinutes(t.estimation),
    is_subscribed: false,
    last_comment_date: naive(t.lastCommentAt),
    last_preview_file_id: ctx.state.publicPreviewIdOrNull(t.lastPreviewId) ?? (forAsset ? "" : null),
    priority: t.priority,
    real_start_date: extra.real_start_date ?? null,
    retake_count: t.nbRetakes,
    start_date: dateTime(t.startDate),
    difficulty: t.difficulty,
    task_status_id: t.statusId,
    task_type_id: t.taskTypeId,
    assignees: t.assigneeIds,
    data: Object.keys(t.customData).length === 0 ? null : t.customData,
  };
  // Shot rows carry the casting and drawing counters, asset rows do not (recorded 160, 163).
  if (!forAsset) Object.assign(row, { nb_assets_ready: 0, nb_drawings: 0 });
  return row;
}

/** A "with tasks" shot row; `tasks` are the shot's own. */
export async function shotWithTasks(ctx: ServerContext, s: ShotRecord, tasks: readonly TaskRecord[]): Promise<Row> {
  const project = await ctx.tracker.get("project", s.projectId);
  const sequence = await ctx.tracker.get("sequence", s.sequenceId).catch(() => undefined);
  const episode = s.episodeId ? await ctx.tracker.get("episode", s.episodeId).catch(() => undefined) : undefined;
  const data = zouShotData(ctx, s);
  return {
    canceled: s.canceled,
    data,
    description: s.description,
    entity_type_id: ctx.state.entityTypeIds.Shot,
    episode_id: s.episodeId,
    episode_name: episode?.name ?? "",
    fps: data.fps ?? null,
    frame_in: data.frame_in ?? null,
    frame_out: data.frame_out ?? null,
    id: s.id,
    name: s.name,
    nb_frames: s.nbFrames,
    parent_id: s.sequenceId,
    preview_file_id: ctx.state.publicPreviewIdOrNull(s.previewId),
    project_id: s.projectId,
    project_name: project.name,
    sequence_id: s.sequenceId,
    sequence_name: sequence?.name ?? null,
    source_id: null,
    nb_entities_out: (ctx.state.extra(s.id).nb_entities_out as number | undefined) ?? 0,
    is_casting_standby: false,
    tasks: tasks.map((t) => embeddedTask(ctx, t, false)),
    type: "Shot",
  };
}

/** A "with tasks" asset row; `tasks` are the asset's own. */
export async function assetWithTasks(ctx: ServerContext, a: AssetRecord, tasks: readonly TaskRecord[]): Promise<Row> {
  const type = await ctx.tracker.get("assetType", a.assetTypeId);
  return {
    id: a.id,
    name: a.name,
    preview_file_id: ctx.state.publicPreviewIdOrNull(a.previewId) ?? "",
    description: a.description,
    asset_type_name: type.name,
    asset_type_id: a.assetTypeId,
    canceled: a.canceled,
    ready_for: "None",
    episode_id: a.episodeId ?? "",
    casting_episode_ids: [],
    is_casting_standby: false,
    is_shared: false,
    data: a.customData,
    tasks: tasks.map((t) => embeddedTask(ctx, t, true)),
  };
}
