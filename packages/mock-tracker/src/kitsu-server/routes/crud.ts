import type { Id } from "@gadget/core/adapter";
import { created, noContent, ok, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import {
  applyFilters,
  crudId,
  listReply,
  objectBody,
  pageReply,
  type Row,
  requireAdmin,
  wantsRelations,
} from "./helpers.js";
import { type StoreList, storePage } from "./store-pages.js";

/*
 * Generic crud routes `/data/<model>[/<id>]` (zou.md §2.2) built from a model description: how to
 * list its rows (serialized, relations included so that filters on them work), how to fetch one,
 * and the optional writes. Relation keys are hidden again unless `relations=true`.
 */

export interface CrudModel {
  path: string;
  /** Rows for GET lists, with relations. */
  list(ctx: ServerContext, req: ZouRequest): Promise<Row[]>;
  /** One row with relations, or undefined. */
  one(ctx: ServerContext, id: Id, req: ZouRequest): Promise<Row | undefined>;
  /** Relation keys and what they become without `relations=true`: removed, or null. */
  relations?: Record<string, "omit" | "null">;
  /** The PUT answer keeps the relations (a person's: Zou's post_update adds its departments). */
  relationsOnUpdate?: boolean;
  /** Who may read the rows; writes check the actor in their own handler. */
  readAccess?: "any" | "admin";
  create?(ctx: ServerContext, body: Row, req: ZouRequest): Promise<Row>;
  update?(ctx: ServerContext, id: Id, body: Row, req: ZouRequest): Promise<Row>;
  remove?(ctx: ServerContext, id: Id, req: ZouRequest): Promise<void>;
  /** Rows a non-admin sees, shaped for them. */
  forNonAdmin?(rows: Row[], req: ZouRequest, ctx: ServerContext): Promise<Row[]>;
  /** The list as the mock store's views page it, for pages that cost O(page) however long the list. */
  stored?: StoreList;
}

export function hideRelations(row: Row, relations: CrudModel["relations"]): Row {
  if (!relations) return row;
  const out = { ...row };
  for (const [key, how] of Object.entries(relations)) {
    if (how === "omit") delete out[key];
    else out[key] = null;
  }
  return out;
}

export function crudRoutes(model: CrudModel): RouteDef[] {
  const base = `/data/${model.path}`;
  const routes: RouteDef[] = [
    {
      method: "GET",
      pattern: base,
      handler: async (req, ctx) => {
        if (model.readAccess === "admin") requireAdmin(req);
        const relations = wantsRelations(req.query, false);
        const shape = (row: Row) => (relations ? row : hideRelations(row, model.relations));
        const ranked =
          model.stored && (req.actor.role === "admin" || !model.forNonAdmin)
            ? storePage(ctx, req, model.stored, shape)
            : undefined;
        if (ranked) return ok(pageReply(ranked, req.query));
        let rows = await model.list(ctx, req);
        const columns = rows.length > 0 ? Object.keys(rows[0] as Row) : [];
        rows = applyFilters(rows, req.query, columns).map(shape);
        // Non-admins get their own shape, relations included (recorded 246).
        if (req.actor.role !== "admin" && model.forNonAdmin) rows = await model.forNonAdmin(rows, req, ctx);
        return ok(listReply(rows, req.query));
      },
    },
    {
      method: "GET",
      pattern: `${base}/:id`,
      handler: async (req, ctx) => {
        if (model.readAccess === "admin") requireAdmin(req);
        const row = await model.one(ctx, crudId(req.params.id), req);
        if (!row) throw zou.notFound();
        return ok(wantsRelations(req.query, true) ? row : hideRelations(row, model.relations));
      },
    },
  ];
  const { create, update, remove } = model;
  if (create) {
    routes.push({
      method: "POST",
      pattern: base,
      handler: async (req, ctx) => created(await create(ctx, await objectBody(req), req)),
    });
  }
  if (update) {
    routes.push({
      method: "PUT",
      pattern: `${base}/:id`,
      handler: async (req, ctx) => {
        const id = crudId(req.params.id);
        const row = await update(ctx, id, await objectBody(req), req);
        return ok(model.relationsOnUpdate ? row : hideRelations(row, model.relations));
      },
    });
  }
  if (remove) {
    routes.push({
      method: "DELETE",
      pattern: `${base}/:id`,
      handler: async (req, ctx) => {
        await remove(ctx, crudId(req.params.id), req);
        return noContent();
      },
    });
  }
  return routes;
}

/** Keys of a crud body the model cannot take: Zou answers with the Python TypeError text. */
export function rejectUnknownKeys(body: Row, known: readonly string[], modelName: string): void {
  const ignored = new Set(["id", "created_at", "updated_at", "type"]);
  const unknown = Object.keys(body).find((k) => !known.includes(k) && !ignored.has(k));
  if (unknown) throw zou.integrity(`'${unknown}' is an invalid keyword argument for ${modelName}`);
}
