import { randomUUID } from "node:crypto";
import { asId, type CastingLink, type Id } from "@gadget/core/adapter";
import { ok, type RouteDef, type ServerContext } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { entityRow, findEntity } from "./entity-io.js";
import { all, findOr404, maybe, type Row, typedId } from "./helpers.js";

/* Casting: per entity, in batch, per sequence, and the reverse lookups (zou.md §2.5; recorded 220–228). */

const notArray = () => zou.badRequest("Request body must be a JSON array");

function parseLinks(body: unknown): CastingLink[] {
  if (!Array.isArray(body)) throw notArray();
  return body.map((item: Record<string, unknown>) => ({
    assetId: asId(String(item.asset_id)),
    occurrences: Number(item.nb_occurences ?? 1),
    label: typeof item.label === "string" ? item.label : "",
  }));
}

/**
 * Zou re-creates every link it is sent (`entity-link:new` each) and refreshes the casting stats
 * of the entity's tasks (recorded 220, 223); the tracker reports the `<kind>:casting-update`.
 */
async function putCasting(ctx: ServerContext, entityId: Id, body: unknown): Promise<void> {
  const links = parseLinks(body);
  const found = await findEntity(ctx, entityId);
  if (!found) throw zou.notFound();
  await ctx.tracker.setCasting(entityId, links);
  const projectId = found.record.projectId;
  for (const l of links) {
    ctx.events.emit(
      "entity-link:new",
      { entity_link_id: randomUUID(), entity_in_id: entityId, entity_out_id: l.assetId, nb_occurences: l.occurrences },
      projectId,
    );
  }
  for (const t of await all(ctx.tracker, "task", { entityId })) {
    ctx.events.emit("task:update-casting-stats", { task_id: t.id, nb_assets_ready: 0 }, projectId);
  }
}

async function castingRows(ctx: ServerContext, entityId: Id, extra: (assetId: Id) => Row): Promise<Row[]> {
  const links = await ctx.tracker.getCasting(entityId);
  const assets = new Map(
    (
      await ctx.tracker.getMany(
        "asset",
        links.map((l) => l.assetId),
      )
    ).map((a) => [a.id as string, a]),
  );
  const types = new Map((await all(ctx.tracker, "assetType")).map((t) => [t.id as string, t.name]));
  return links.flatMap((l) => {
    const a = assets.get(l.assetId);
    if (!a) return [];
    return [
      {
        asset_id: a.id,
        ...extra(a.id),
        asset_name: a.name,
        asset_type_name: types.get(a.assetTypeId) ?? null,
        preview_file_id: ctx.state.publicPreviewIdOrNull(a.previewId),
        nb_occurences: l.occurrences,
        label: l.label,
        is_shared: false,
        project_id: a.projectId,
      },
    ];
  });
}

export const castingRoutes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/data/projects/:projectId/entities/:entityId/casting",
    handler: async (req, ctx) => {
      const rows = await castingRows(ctx, typedId(req.params.entityId), () => ({}));
      return ok(rows.map((r) => ({ ...r, ready_for: null, episode_id: null })));
    },
  },
  {
    method: "PUT",
    pattern: "/data/projects/:projectId/entities/:entityId/casting",
    handler: async (req, ctx) => {
      const body = await req.json();
      await putCasting(ctx, typedId(req.params.entityId), body);
      return ok(body);
    },
  },
  {
    // Batch body: `{<entity id>: [links]}` (recorded 224).
    method: "PUT",
    pattern: "/data/projects/:projectId/entities/casting",
    handler: async (req, ctx) => {
      const body = await req.json();
      if (body === null || typeof body !== "object" || Array.isArray(body)) {
        throw zou.badRequest("Request body must be a JSON object mapping entity ids to casting arrays");
      }
      for (const [entityId, links] of Object.entries(body as Record<string, unknown>)) {
        await putCasting(ctx, typedId(entityId), links);
      }
      return ok(body);
    },
  },
  {
    method: "GET",
    pattern: "/data/projects/:projectId/sequences/:sequenceId/casting",
    handler: async (req, ctx) => {
      const sequence = await findOr404(ctx.tracker, "sequence", typedId(req.params.sequenceId));
      const out: Record<string, Row[]> = {};
      for (const shot of await all(ctx.tracker, "shot", { sequenceId: sequence.id })) {
        const rows = await castingRows(ctx, shot.id, () => ({}));
        if (rows.length === 0) continue;
        out[shot.id] = rows.map((r) => ({ ...r, name: r.asset_name, sequence_name: sequence.name }));
      }
      return ok(out);
    },
  },
  {
    method: "GET",
    pattern: "/data/shots/:id/assets",
    handler: async (req, ctx) => {
      const s = await findOr404(ctx.tracker, "shot", typedId(req.params.id));
      const links = await ctx.tracker.getCasting(s.id);
      const assets = await ctx.tracker.getMany(
        "asset",
        links.map((l) => l.assetId),
      );
      return ok(assets.map((a) => entityRow(ctx, "asset", a)));
    },
  },
  {
    method: "GET",
    pattern: "/data/assets/:id/cast-in",
    handler: async (req, ctx) => {
      const a = await findOr404(ctx.tracker, "asset", typedId(req.params.id));
      const rows: Row[] = [];
      for (const c of await ctx.tracker.castIn(a.id)) {
        const shot = c.entityKind === "shot" ? await maybe(ctx.tracker, "shot", c.entityId) : undefined;
        if (!shot) continue;
        const sequence = await maybe(ctx.tracker, "sequence", shot.sequenceId);
        const episode = await maybe(ctx.tracker, "episode", shot.episodeId);
        rows.push({
          shot_id: shot.id,
          shot_name: shot.name,
          sequence_name: sequence?.name ?? null,
          episode_id: shot.episodeId ?? "None",
          episode_name: episode?.name ?? null,
          preview_file_id: ctx.state.publicPreviewIdOrNull(shot.previewId),
          nb_occurences: c.occurrences,
        });
      }
      return ok(rows);
    },
  },
];
