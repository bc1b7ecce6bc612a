import { ConflictError } from "@gadget/core/adapter";
import { assetType, temporalEntityTypes } from "../codec/production.js";
import type { RouteDef } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes } from "./crud.js";
import { all, maybe, type Row, requireAdmin, str } from "./helpers.js";

/* Entity types: asset types and the temporal types, on `/data/entity-types` and `/data/asset-types` (recorded 029, 032, 071–074). */

/** A nullable text column of a PUT body: set when given (null included), untouched otherwise (§2.2). */
function nullableText<K extends string>(body: Row, column: string, field: K): Partial<Record<K, string | null>> {
  const value = body[column];
  if (value === null || typeof value === "string") return { [field]: value } as Partial<Record<K, string | null>>;
  return {};
}

const entityTypes: CrudModel = {
  path: "entity-types",
  relations: { task_types: "omit" },
  list: async (ctx) => [
    ...(await all(ctx.tracker, "assetType")).map((t) => assetType(t, "EntityType", true)),
    ...temporalEntityTypes(ctx.state).map((t) => ({ ...t, task_types: [] })),
  ],
  one: async (ctx, id) => {
    const t = await maybe(ctx.tracker, "assetType", id);
    if (t) return assetType(t, "EntityType", true);
    return temporalEntityTypes(ctx.state).find((row) => row.id === id);
  },
  create: async (ctx, body, req) => {
    requireAdmin(req);
    const name = str(body.name);
    if (!name) throw zou.missingField();
    // Zou's ILIKE check covers the temporal types too, which the tracker does not hold; asset
    // type names are the tracker's unique key (without case).
    if (Object.keys(ctx.state.entityTypeIds).some((n) => n.toLowerCase() === name.toLowerCase())) {
      throw zou.wrongParameter("Entity type with this name already exists");
    }
    try {
      const t = await ctx.tracker.create("assetType", {
        name,
        ...(str(body.short_name) ? { shortName: String(body.short_name) } : {}),
        ...(str(body.description) ? { description: String(body.description) } : {}),
      });
      return assetType(t, "EntityType", true);
    } catch (error) {
      if (error instanceof ConflictError) throw zou.wrongParameter("Entity type with this name already exists");
      throw error;
    }
  },
  update: async (ctx, id, body, req) => {
    requireAdmin(req);
    if (!(await maybe(ctx.tracker, "assetType", id))) throw zou.notFound();
    try {
      const t = await ctx.tracker.update("assetType", id, {
        ...(str(body.name) ? { name: String(body.name) } : {}),
        ...nullableText(body, "short_name", "shortName"),
        ...nullableText(body, "description", "description"),
      });
      return assetType(t, "EntityType", false);
    } catch (error) {
      if (error instanceof ConflictError) throw zou.duplicate();
      throw error;
    }
  },
  remove: async (ctx, id, req) => {
    requireAdmin(req);
    await ctx.tracker.remove("assetType", id, { force: true });
  },
};

const assetTypes: CrudModel = {
  path: "asset-types",
  list: async (ctx) => (await all(ctx.tracker, "assetType")).map((t) => assetType(t, "AssetType", true)),
  one: async (ctx, id) => {
    const t = await maybe(ctx.tracker, "assetType", id);
    return t && assetType(t, "AssetType", true);
  },
};

export const entityTypeRoutes: RouteDef[] = [entityTypes, assetTypes].flatMap(crudRoutes);
