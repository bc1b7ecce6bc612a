import type { CustomActionCreateData, CustomActionOps, CustomActionRecord, TrackerAdapter } from "@gadget/core/adapter";
import { naive } from "../codec/common.js";
import type { RouteDef, ServerContext } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes, rejectUnknownKeys } from "./crud.js";
import { type Row, requireAdmin } from "./helpers.js";

/*
 * Zou's custom actions crud (`/data/custom-actions`, crud/custom_action.py): any role but vendor
 * lists them, reading one and every write take an admin, `name` is required, nothing is unique,
 * `entity_type` defaults to "all" and `is_ajax` to false. Checked against Zou 1.0.67.
 */

function ops(tracker: TrackerAdapter): CustomActionOps {
  if (!tracker.customActions) throw zou.notFound();
  return tracker.customActions;
}

/** A custom action as Zou serializes it. */
export function customActionRow(record: CustomActionRecord): Row {
  return {
    name: record.name,
    url: record.url,
    entity_type: record.entityType,
    is_ajax: record.isAjax,
    id: record.id,
    created_at: naive(record.createdAt),
    updated_at: naive(record.updatedAt),
    type: "CustomAction",
  };
}

const invalidFormat = () => zou.integrity("One of the provided values has an invalid format.");

/** A POST body as Zou's model takes it: what Zou stores, not what core's input schema would allow. */
function createData(body: Row): CustomActionCreateData {
  rejectUnknownKeys(body, ["name", "url", "entity_type", "is_ajax"], "CustomAction");
  if (body.name === undefined || body.name === null)
    throw zou.wrongParameter("The 'name' field is required and cannot be None.");
  const { name, url, entity_type: entityType, is_ajax: isAjax } = body;
  if (typeof name !== "string" || name.length > 80) throw invalidFormat();
  if (url !== undefined && url !== null && (typeof url !== "string" || url.length > 400)) throw invalidFormat();
  if (entityType !== undefined && entityType !== null && (typeof entityType !== "string" || entityType.length > 40))
    throw invalidFormat();
  if (isAjax !== undefined && isAjax !== null && typeof isAjax !== "boolean") throw invalidFormat();
  // Zou keeps a null url and any entity type: the store holds them as they came.
  return {
    name,
    url: (url ?? null) as string,
    entityType: (entityType ?? "all") as CustomActionCreateData["entityType"],
    isAjax: isAjax ?? false,
  };
}

const customActions: CrudModel = {
  path: "custom-actions",
  list: async (ctx: ServerContext, req) => {
    if (req.actor.role === "vendor") throw zou.forbidden();
    return (await ops(ctx.tracker).list()).map(customActionRow);
  },
  one: async (ctx, id, req) => {
    requireAdmin(req);
    try {
      return customActionRow(await ops(ctx.tracker).get(id));
    } catch {
      return undefined;
    }
  },
  create: async (ctx, body, req) => {
    requireAdmin(req);
    return customActionRow(await ops(ctx.tracker).create(createData(body)));
  },
  remove: async (ctx, id, req) => {
    requireAdmin(req);
    await ops(ctx.tracker)
      .get(id)
      .catch(() => {
        throw zou.notFound();
      });
    await ops(ctx.tracker).remove(id);
  },
};

export const customActionRoutes: RouteDef[] = crudRoutes(customActions);
