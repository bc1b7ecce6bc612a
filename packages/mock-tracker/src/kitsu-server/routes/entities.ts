import { type AssetRecord, ConflictError, type Id, type ShotRecord } from "@gadget/core";
import type { EntityKindName, EntityRecord } from "../codec/production.js";
import { task } from "../codec/tasks.js";
import { created, noContent, ok, type RouteDef, type ServerContext, type ZouRequest } from "../context.js";
import { zou } from "../zou-errors.js";
import { assetWithTasks, entityRow, findEntity, shotWithTasks, splitShotData } from "./entity-io.js";
import {
  all,
  applyFilters,
  findOr404,
  listReply,
  objectBody,
  optId,
  type Row,
  requireManager,
  str,
  typedId,
} from "./helpers.js";

/* Episodes, sequences, shots and assets (zou.md §2.4, §2.5; recorded 077–126, 160–167). */

const plural: Record<EntityKindName, string> = {
  episode: "episodes",
  sequence: "sequences",
  shot: "shots",
  asset: "assets",
};

function nameConflict(r: { name: string; projectId: string }, entityTypeId: string, parentId: string | null) {
  return zou.badRequest(
    `An entity with name '${r.name}', project_id '${r.projectId}', entity_type_id '${entityTypeId}', and parent_id '${parentId ?? "None"}' already exists. The combination of these fields must be unique.`,
  );
}

async function typedRecord(ctx: ServerContext, kind: EntityKindName, id: string | undefined): Promise<EntityRecord> {
  return (await findOr404(ctx.tracker, kind, typedId(id))) as EntityRecord;
}

function requireProjectScope(req: ZouRequest): void {
  const scoped = ["project_id", "sequence_id", "episode_id"].some((k) => req.query.get(k));
  if (req.actor.role !== "admin" && !scoped) throw zou.forbidden();
}

async function namedRows(ctx: ServerContext, kind: EntityKindName, rows: Row[]): Promise<Row[]> {
  const projects = new Map((await all(ctx.tracker, "project")).map((p) => [p.id as string, p.name]));
  const sequences =
    kind === "shot" ? new Map((await all(ctx.tracker, "sequence")).map((s) => [s.id as string, s.name])) : undefined;
  return rows.map((r) => ({
    ...r,
    project_name: projects.get(String(r.project_id)) ?? null,
    ...(sequences ? { sequence_name: sequences.get(String(r.parent_id)) ?? null } : {}),
  }));
}

function listRoute(kind: EntityKindName, pattern: string, named: boolean): RouteDef {
  return {
    method: "GET",
    pattern,
    handler: async (req, ctx) => {
      if (kind !== "asset") requireProjectScope(req);
      let rows = (await all(ctx.tracker, kind)).map((r) => entityRow(ctx, kind, r as EntityRecord));
      const query = new URLSearchParams(req.query);
      if (kind === "shot" && query.get("sequence_id")) query.set("parent_id", query.get("sequence_id") ?? "");
      if (kind === "asset" && query.get("asset_type_id")) query.set("entity_type_id", query.get("asset_type_id") ?? "");
      rows = applyFilters(rows, query, [
        "id",
        "name",
        "project_id",
        "parent_id",
        "entity_type_id",
        "source_id",
        "canceled",
      ]);
      if (kind === "sequence" && query.get("episode_id"))
        rows = rows.filter((r) => r.parent_id === query.get("episode_id"));
      return ok(listReply(named ? await namedRows(ctx, kind, rows) : rows, req.query));
    },
  };
}

async function createTemporal(req: ZouRequest, ctx: ServerContext, kind: "episode" | "sequence" | "shot") {
  requireManager(req);
  const body = await objectBody(req);
  const project = await findOr404(ctx.tracker, "project", typedId(req.params.projectId));
  const name = str(body.name);
  if (!name) throw zou.validation([{ field: "name", message: "Field required" }]);
  const data = (body.data && typeof body.data === "object" ? body.data : {}) as Record<string, unknown>;
  const description = str(body.description) ?? null;
  const parentId =
    kind === "sequence" ? (optId(body.episode_id) ?? null) : kind === "shot" ? (optId(body.sequence_id) ?? null) : null;
  const siblings = (await all(ctx.tracker, kind, { projectId: project.id })) as EntityRecord[];
  const parentOf = (r: EntityRecord) =>
    kind === "shot"
      ? (r as ShotRecord).sequenceId
      : kind === "sequence"
        ? ((r as { episodeId: string | null }).episodeId ?? null)
        : null;
  const existing = siblings.find((r) => r.name === name && parentOf(r) === parentId);
  if (existing) return created(entityRow(ctx, kind, existing));
  let record: EntityRecord;
  if (kind === "episode") {
    record = await ctx.tracker.create("episode", { name, projectId: project.id, description, customData: data });
  } else if (kind === "sequence") {
    record = await ctx.tracker.create("sequence", {
      name,
      projectId: project.id,
      episodeId: parentId as Id | null,
      description,
      customData: data,
    });
  } else {
    if (!parentId)
      throw zou.wrongParameter(
        "This server needs a sequence_id to create a shot (its model has no shot without sequence).",
      );
    const { fields, custom, fpsIsString } = splitShotData(data);
    record = await ctx.tracker.create("shot", {
      name,
      projectId: project.id,
      sequenceId: parentId as Id,
      description,
      ...fields,
      nbFrames: typeof body.nb_frames === "number" ? body.nb_frames : null,
      customData: custom,
    });
    if (fpsIsString) ctx.state.setExtra(record.id, { fps_is_string: true });
  }
  ctx.state.setExtra(record.id, { created_by: req.actor.personId });
  return created(entityRow(ctx, kind, record));
}

/** PUT on an entity: `data` merged (`/data/entities`) or replaced (`/data/shots`). */
async function updateEntity(req: ZouRequest, ctx: ServerContext, id: Id, mergeData: boolean): Promise<Row> {
  const found = await findEntity(ctx, id);
  if (!found) throw zou.notFound();
  const { kind, record } = found;
  const body = await objectBody(req);
  const patch: Record<string, unknown> = {};
  if (str(body.name)) patch.name = body.name;
  if (body.description !== undefined) patch.description = body.description;
  if (typeof body.canceled === "boolean" && (kind === "shot" || kind === "asset")) patch.canceled = body.canceled;
  if (kind === "shot" && body.nb_frames !== undefined) patch.nbFrames = body.nb_frames;
  if (body.data && typeof body.data === "object") {
    let data = body.data as Record<string, unknown>;
    if (!mergeData) {
      const current = kind === "shot" ? entityRow(ctx, kind, record).data : record.customData;
      const blanked = Object.fromEntries(Object.keys(current as Record<string, unknown>).map((k) => [k, null]));
      data = { ...blanked, ...data };
    }
    if (kind === "shot") {
      const { fields, custom, fpsIsString } = splitShotData(data);
      Object.assign(patch, fields);
      patch.customData = custom;
      if (fields.fps !== undefined) ctx.state.setExtra(id, { fps_is_string: fpsIsString });
    } else {
      patch.customData = data;
    }
  }
  try {
    const updated = (await ctx.tracker.update(kind, id, patch as never)) as EntityRecord;
    if (!mergeData && kind === "shot") {
      const s = updated as ShotRecord;
      const custom = Object.fromEntries(Object.entries(s.customData).filter(([, v]) => v !== null));
      return { ...entityRow(ctx, kind, { ...s, customData: custom }), type: "Entity" };
    }
    return entityRow(ctx, kind, updated, mergeData);
  } catch (error) {
    if (error instanceof ConflictError) {
      const row = entityRow(ctx, kind, record);
      const name = String(patch.name ?? record.name);
      throw nameConflict(
        { name, projectId: record.projectId },
        String(row.entity_type_id),
        row.parent_id as string | null,
      );
    }
    throw error;
  }
}

async function removeEntity(req: ZouRequest, ctx: ServerContext, kind: EntityKindName) {
  requireManager(req);
  const id = typedId(req.params.id);
  await findOr404(ctx.tracker, kind, id);
  await ctx.tracker.remove(kind, id, { force: req.query.get("force") === "true" });
  return noContent();
}

export const entityRoutes: RouteDef[] = [
  ...(["episode", "sequence", "shot"] as const).flatMap((kind): RouteDef[] => [
    {
      method: "GET",
      pattern: `/data/projects/:projectId/${plural[kind]}`,
      handler: async (req, ctx) => {
        const project = await findOr404(ctx.tracker, "project", typedId(req.params.projectId));
        const rows = (await all(ctx.tracker, kind, { projectId: project.id })).map((r) =>
          entityRow(ctx, kind, r as EntityRecord),
        );
        return ok(rows);
      },
    },
    {
      method: "POST",
      pattern: `/data/projects/:projectId/${plural[kind]}`,
      handler: (req, ctx) => createTemporal(req, ctx, kind),
    },
    listRoute(kind, `/data/${plural[kind]}`, kind === "shot"),
    { method: "DELETE", pattern: `/data/${plural[kind]}/:id`, handler: (req, ctx) => removeEntity(req, ctx, kind) },
  ]),
  listRoute("shot", "/data/shots/all", true),
  listRoute("asset", "/data/assets", false),
  listRoute("asset", "/data/assets/all", false),
  { method: "DELETE", pattern: "/data/assets/:id", handler: (req, ctx) => removeEntity(req, ctx, "asset") },
  {
    method: "GET",
    pattern: "/data/projects/:projectId/assets",
    handler: async (req, ctx) => {
      const project = await findOr404(ctx.tracker, "project", typedId(req.params.projectId));
      return ok((await all(ctx.tracker, "asset", { projectId: project.id })).map((a) => entityRow(ctx, "asset", a)));
    },
  },
  {
    method: "POST",
    pattern: "/data/projects/:projectId/asset-types/:assetTypeId/assets/new",
    handler: async (req, ctx) => {
      requireManager(req);
      const body = await objectBody(req);
      const project = await findOr404(ctx.tracker, "project", typedId(req.params.projectId));
      const type = await findOr404(ctx.tracker, "assetType", typedId(req.params.assetTypeId));
      const name = str(body.name);
      if (!name) throw zou.validation([{ field: "name", message: "Field required" }]);
      const asset = await ctx.tracker.create("asset", {
        name,
        projectId: project.id,
        assetTypeId: type.id,
        episodeId: optId(body.episode_id) ?? null,
        description: str(body.description) ?? null,
        customData: (body.data && typeof body.data === "object" ? body.data : {}) as Record<string, unknown>,
      });
      ctx.state.setExtra(asset.id, { created_by: req.actor.personId });
      return created(entityRow(ctx, "asset", asset));
    },
  },
  {
    method: "GET",
    pattern: "/data/episodes/:id",
    handler: async (req, ctx) => {
      const r = await typedRecord(ctx, "episode", req.params.id);
      return ok((await namedRows(ctx, "episode", [entityRow(ctx, "episode", r, true)]))[0]);
    },
  },
  {
    method: "GET",
    pattern: "/data/sequences/:id",
    handler: async (req, ctx) => {
      const r = await typedRecord(ctx, "sequence", req.params.id);
      return ok((await namedRows(ctx, "sequence", [entityRow(ctx, "sequence", r)]))[0]);
    },
  },
  {
    method: "GET",
    pattern: "/data/shots/:id",
    handler: async (req, ctx) => {
      const s = (await typedRecord(ctx, "shot", req.params.id)) as ShotRecord;
      const tasks = await all(ctx.tracker, "task", { entityId: s.id });
      return ok({ ...entityRow(ctx, "shot", s, true), ...(await shotWithTasks(ctx, s, tasks)) });
    },
  },
  {
    method: "GET",
    pattern: "/data/assets/:id",
    handler: async (req, ctx) => {
      const a = (await typedRecord(ctx, "asset", req.params.id)) as AssetRecord;
      const tasks = await all(ctx.tracker, "task", { entityId: a.id });
      const { source_id: _s, nb_frames: _n, ...row } = entityRow(ctx, "asset", a, true);
      const project = await ctx.tracker.get("project", a.projectId);
      return ok({ ...row, project_name: project.name, ...(await assetWithTasks(ctx, a, tasks)), type: "Asset" });
    },
  },
  {
    method: "PUT",
    pattern: "/data/entities/:id",
    handler: async (req, ctx) => ok(await updateEntity(req, ctx, typedId(req.params.id), true)),
  },
  {
    method: "PUT",
    pattern: "/data/shots/:id",
    handler: async (req, ctx) => {
      requireManager(req);
      const s = await typedRecord(ctx, "shot", req.params.id);
      return ok(await updateEntity(req, ctx, s.id, false));
    },
  },
  {
    method: "GET",
    pattern: "/data/episodes/:id/sequences",
    handler: async (req, ctx) => {
      const e = await typedRecord(ctx, "episode", req.params.id);
      return ok((await all(ctx.tracker, "sequence", { episodeId: e.id })).map((s) => entityRow(ctx, "sequence", s)));
    },
  },
  {
    method: "GET",
    pattern: "/data/sequences/:id/shots",
    handler: async (req, ctx) => {
      const q = await typedRecord(ctx, "sequence", req.params.id);
      const rows = (await all(ctx.tracker, "shot", { sequenceId: q.id })).map((s) => entityRow(ctx, "shot", s));
      return ok(await namedRows(ctx, "shot", rows));
    },
  },
  ...(["shot", "asset", "sequence", "episode"] as const).map(
    (kind): RouteDef => ({
      method: "GET",
      pattern: `/data/${plural[kind]}/:id/tasks`,
      handler: async (req, ctx) => {
        const r = await typedRecord(ctx, kind, req.params.id);
        const relations = req.query.get("relations") === "true";
        const project = await ctx.tracker.get("project", r.projectId);
        const tasks = await all(ctx.tracker, "task", { entityId: r.id });
        const types = new Map((await all(ctx.tracker, "taskType")).map((t) => [t.id as string, t.name]));
        const statuses = new Map((await all(ctx.tracker, "taskStatus")).map((s) => [s.id as string, s.name]));
        return ok(
          tasks.map((t) => {
            const { assignees, ...row } = task(t, ctx.state, true);
            return {
              ...row,
              project_name: project.name,
              task_type_name: types.get(t.taskTypeId) ?? null,
              task_status_name: statuses.get(t.statusId) ?? null,
              entity_type_name: kind === "asset" ? null : kind[0]?.toUpperCase() + kind.slice(1),
              entity_name: r.name,
              ...(relations ? { assignees } : {}),
            };
          }),
        );
      },
    }),
  ),
  {
    method: "GET",
    pattern: "/data/shots/with-tasks",
    handler: async (req, ctx) => {
      requireProjectScope(req);
      const projectId = req.query.get("project_id");
      const shots = (await all(ctx.tracker, "shot", projectId ? { projectId: projectId as Id } : {})).filter(
        (s) => !req.query.get("episode_id") || s.episodeId === req.query.get("episode_id"),
      );
      const tasks = await all(ctx.tracker, "task", projectId ? { projectId: projectId as Id } : {});
      const rows = await Promise.all(shots.map((s) => shotWithTasks(ctx, s, tasks)));
      if (req.query.get("stream") === "true") return { status: 200, ndjson: [{ compact: false }, ...rows] };
      if (req.query.get("compact") !== "true") return ok(rows);
      const shotFields = rows[0] ? Object.keys(rows[0]) : [];
      const firstTask = rows.flatMap((r) => r.tasks as Row[])[0];
      const taskFields = firstTask ? Object.keys(firstTask) : [];
      return ok({
        compact: true,
        shot_fields: shotFields,
        task_fields: taskFields,
        rows: rows.map((r) =>
          shotFields.map((f) => (f === "tasks" ? (r.tasks as Row[]).map((t) => taskFields.map((k) => t[k])) : r[f])),
        ),
      });
    },
  },
  {
    method: "GET",
    pattern: "/data/assets/with-tasks",
    handler: async (req, ctx) => {
      const projectId = req.query.get("project_id");
      const assets = await all(ctx.tracker, "asset", projectId ? { projectId: projectId as Id } : {});
      const tasks = await all(ctx.tracker, "task", projectId ? { projectId: projectId as Id } : {});
      return ok(await Promise.all(assets.map((a) => assetWithTasks(ctx, a, tasks))));
    },
  },
];

export { entityRow };
