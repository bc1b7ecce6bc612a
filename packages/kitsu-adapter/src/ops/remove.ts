import {
  checkRemovable,
  type Id,
  type Kind,
  NotFoundError,
  PartialWriteError,
  type RemoveOptions,
  type RemoveResult,
} from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, type Route, routes } from "../routes.js";
import { kindSpecs } from "./kind-specs.js";
import type { OpsContext } from "./ops-context.js";
import { getOne, getPath } from "./query.js";
import { holdsCachedChildren, type RemovedChild, removeHeld } from "./remove-held.js";
import { checkId } from "./validate.js";

const entityRoutes: Partial<Record<Kind, Route>> = {
  shot: routes.deleteShot,
  asset: routes.deleteAsset,
  sequence: routes.deleteSequence,
  episode: routes.deleteEpisode,
  edit: routes.deleteEdit,
  concept: routes.deleteConcept,
  scene: routes.deleteScene,
};

/**
 * Deletes a record. A kind whose rules require a state first (a closed project) is read and
 * checked before the DELETE, so the refusal reads as on any tracker; what still points at a record
 * is Zou's to judge. Zou only cancels a shot or asset that has tasks unless `force` is set (and
 * still answers 204), so the outcome is read back for those. A forced sequence or episode has its
 * children removed first, one by one (see remove-held.ts).
 */
export async function remove(ctx: OpsContext, kind: Kind, id: Id, options: RemoveOptions = {}): Promise<RemoveResult> {
  checkId(id, kind);
  if (ctx.rules[kind].remove.requires) checkRemovable(ctx.rules, kind, await getOne(ctx, kind, id));
  const entityRoute = entityRoutes[kind];
  const route = entityRoute
    ? path(entityRoute, { id })
    : path(routes.deleteModel, { model: kindSpecs[kind].model, id });
  const removed: RemovedChild[] = [];
  let step = `remove what ${kind} ${id} holds`;
  try {
    if (options.force && holdsCachedChildren(kind)) await removeHeld(ctx, kind, id, removed);
    step = `remove ${kind} ${id}`;
    await ctx.client.request({
      method: "DELETE",
      path: route,
      searchParams: options.force ? { force: true } : undefined,
    });
  } catch (error) {
    if (removed.length > 0) throw PartialWriteError.remove(kind, id, removed, step, error);
    if (error instanceof NotFoundError) throw NotFoundError.entity(kind, id, error.request);
    throw error;
  }
  if (kind === "taskType" || kind === "taskStatus" || kind === "assetType") ctx.ref.invalidate(kind);
  // A kind canceled while held whatever the force (Zou's scenes) is read back even when forced.
  const forced = options.force && ctx.rules[kind].remove.whileHeld !== "cancel";
  if (!entityRoute || forced) return { outcome: "deleted" };
  try {
    const row = await ctx.client.request<KitsuRow>({ method: "GET", path: getPath(kind, id) });
    return { outcome: row.canceled === true ? "canceled" : "deleted" };
  } catch (error) {
    if (error instanceof NotFoundError) return { outcome: "deleted" };
    throw error;
  }
}
