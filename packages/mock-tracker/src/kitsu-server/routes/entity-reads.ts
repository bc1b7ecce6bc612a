import type { AssetRecord, ShotRecord } from "@gadget/core/adapter";
import type { EntityKindName, EntityRecord } from "../codec/production.js";
import { ok, type RouteDef } from "../server-context.js";
import { assetWithTasks, entityRow, shotWithTasks } from "./entity-io.js";
import { namedRows, plural, requireProjectScope, typedRecord } from "./entity-shared.js";
import { all, applyFilters, findOr404, listReply, nameFilter, trackerWhere, typedId } from "./helpers.js";

/* Reading episodes, sequences, shots and assets: filtered lists, project lists, one record, children (zou.md §2.4, §2.5). */

/** Zou id columns of each kind's typed list that the tracker can filter on, and their model fields. */
const scopeColumns: Record<EntityKindName, Record<string, string>> = {
  episode: { id: "id", project_id: "projectId" },
  sequence: { id: "id", project_id: "projectId", parent_id: "episodeId" },
  shot: { id: "id", project_id: "projectId", parent_id: "sequenceId" },
  asset: { id: "id", project_id: "projectId", entity_type_id: "assetTypeId", source_id: "episodeId" },
  edit: { id: "id", project_id: "projectId", parent_id: "episodeId" },
  concept: { id: "id", project_id: "projectId" },
  scene: { id: "id", project_id: "projectId", parent_id: "sequenceId" },
};

export function listRoute(kind: EntityKindName, pattern: string, withNames: boolean): RouteDef {
  return {
    method: "GET",
    pattern,
    handler: async (req, ctx) => {
      if (kind !== "asset") requireProjectScope(req);
      const query = new URLSearchParams(req.query);
      if (kind === "shot" && query.get("sequence_id")) query.set("parent_id", query.get("sequence_id") ?? "");
      if (kind === "asset" && query.get("asset_type_id")) query.set("entity_type_id", query.get("asset_type_id") ?? "");
      const named = nameFilter(query);
      const records = (await all(ctx.tracker, kind, trackerWhere(query, scopeColumns[kind]))) as EntityRecord[];
      let rows = records.filter((r) => named(r.name)).map((r) => entityRow(ctx, kind, r));
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
      // Zou's entity lists answer every row, whatever `page` says (recorded by the differential run).
      const unpaged = new URLSearchParams(req.query);
      unpaged.delete("page");
      return ok(listReply(withNames ? await namedRows(ctx, kind, rows) : rows, unpaged));
    },
  };
}

export const entityReadRoutes: RouteDef[] = [
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
    listRoute(kind, `/data/${plural[kind]}`, kind === "shot"),
  ]),
  listRoute("shot", "/data/shots/all", true),
  listRoute("asset", "/data/assets", false),
  listRoute("asset", "/data/assets/all", false),
  {
    method: "GET",
    pattern: "/data/projects/:projectId/assets",
    handler: async (req, ctx) => {
      const project = await findOr404(ctx.tracker, "project", typedId(req.params.projectId));
      return ok((await all(ctx.tracker, "asset", { projectId: project.id })).map((a) => entityRow(ctx, "asset", a)));
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
    handler: (req, ctx) =>
      ctx.state.readCache.read(String(req.params.id), async () => {
        const r = await typedRecord(ctx, "sequence", req.params.id);
        return { body: (await namedRows(ctx, "sequence", [entityRow(ctx, "sequence", r)]))[0], record: r };
      }),
  },
  {
    method: "GET",
    pattern: "/data/shots/:id",
    handler: (req, ctx) =>
      ctx.state.readCache.read(String(req.params.id), async () => {
        const s = (await typedRecord(ctx, "shot", req.params.id)) as ShotRecord;
        const tasks = await all(ctx.tracker, "task", { entityId: s.id });
        return {
          body: { ...entityRow(ctx, "shot", s, true), ...(await shotWithTasks(ctx, s, tasks)) },
          record: s,
        };
      }),
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
];
