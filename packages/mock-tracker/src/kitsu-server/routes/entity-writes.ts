import { ConflictError, type Id, type RecordFields, type ShotRecord, uniqueIdentity } from "@gadget/core/adapter";
import type { EntityKindName, EntityRecord } from "../codec/production.js";
import { created, noContent, ok, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { cachedChildren } from "../zou-read-cache.js";
import { zouRuleTable } from "../zou-rules.js";
import { entityRow, findEntity, splitShotData } from "./entity-io.js";
import { plural, typedRecord } from "./entity-shared.js";
import { all, findOr404, objectBody, optId, projectWrite, type Row, requireManager, str, typedId } from "./helpers.js";

/* Creating, updating and deleting episodes, sequences, shots and assets (zou.md §2.4, §2.5; recorded 077–126). */

function nameConflict(r: { name: string; projectId: string }, entityTypeId: string, parentId: string | null) {
  return zou.badRequest(
    `An entity with name '${r.name}', project_id '${r.projectId}', entity_type_id '${entityTypeId}', and parent_id '${parentId ?? "None"}' already exists. The combination of these fields must be unique.`,
  );
}

export function requiredName(body: Row): string {
  const name = str(body.name);
  if (!name) throw zou.validation([{ field: "name", message: "Field required" }]);
  return name;
}

async function createTemporal(req: ZouRequest, ctx: ServerContext, kind: "episode" | "sequence" | "shot") {
  const { body, project } = await projectWrite(req, ctx);
  const name = requiredName(body);
  const data = (body.data && typeof body.data === "object" ? body.data : {}) as Record<string, unknown>;
  const description = str(body.description) ?? null;
  const parentId =
    kind === "sequence" ? (optId(body.episode_id) ?? null) : kind === "shot" ? (optId(body.sequence_id) ?? null) : null;
  // Zou's create route answers an existing record of the same unique key (names compared exactly)
  // with that record. The lookup is by name alone, since the tracker's index on the project would
  // hold all its entities.
  const [key] = zouRuleTable[kind].unique;
  const parentField = kind === "shot" ? "sequenceId" : kind === "sequence" ? "episodeId" : undefined;
  const wanted = { name, projectId: project.id, ...(parentField ? { [parentField]: parentId } : {}) };
  const identity = key && uniqueIdentity(key, wanted);
  const namesakes = (await all(ctx.tracker, kind, { name })) as EntityRecord[];
  const existing = identity && namesakes.find((r) => uniqueIdentity(key, r as unknown as RecordFields) === identity);
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
  if (typeof body.canceled === "boolean" && kind !== "sequence" && kind !== "episode") patch.canceled = body.canceled;
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

export async function removeEntity(req: ZouRequest, ctx: ServerContext, kind: EntityKindName) {
  requireManager(req);
  const id = typedId(req.params.id);
  await findOr404(ctx.tracker, kind, id);
  const force = req.query.get("force") === "true";
  const children = force ? await cachedChildren(ctx, kind, id) : [];
  await ctx.tracker.remove(kind, id, { force });
  ctx.state.readCache.forget(id);
  ctx.state.readCache.orphan(children);
  return noContent();
}

export const entityWriteRoutes: RouteDef[] = [
  ...(["episode", "sequence", "shot"] as const).flatMap((kind): RouteDef[] => [
    {
      method: "POST",
      pattern: `/data/projects/:projectId/${plural[kind]}`,
      handler: (req, ctx) => createTemporal(req, ctx, kind),
    },
    { method: "DELETE", pattern: `/data/${plural[kind]}/:id`, handler: (req, ctx) => removeEntity(req, ctx, kind) },
  ]),
  { method: "DELETE", pattern: "/data/assets/:id", handler: (req, ctx) => removeEntity(req, ctx, "asset") },
  {
    method: "POST",
    pattern: "/data/projects/:projectId/asset-types/:assetTypeId/assets/new",
    handler: async (req, ctx) => {
      const { body, project } = await projectWrite(req, ctx);
      const type = await findOr404(ctx.tracker, "assetType", typedId(req.params.assetTypeId));
      const name = requiredName(body);
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
];
