import { type Id, NotFoundError, type TaskEntityKind, taskEntityKindSchema } from "@gadget/core/adapter";
import { entityKindOf } from "../codec/tasks.js";
import type { KitsuRow } from "../codec/values.js";
import type { OpsContext } from "./ops-context.js";
import { getPath } from "./query.js";

type EntityKind = TaskEntityKind;
const entityKinds: readonly EntityKind[] = taskEntityKindSchema.options;

/**
 * The row of an entity whose kind the caller does not know, with its kind. Typed routes answer 404
 * for another kind, so the likely kinds are tried in order (shots first: most tasks and castings
 * are on shots).
 */
export async function findEntity(
  ctx: OpsContext,
  id: Id,
  order: readonly EntityKind[] = entityKinds,
): Promise<{ kind: EntityKind; row: KitsuRow }> {
  for (const kind of order) {
    try {
      return { kind, row: await ctx.client.request<KitsuRow>({ method: "GET", path: getPath(kind, id) }) };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  throw NotFoundError.entity("entity", id);
}

export async function findEntityRow(ctx: OpsContext, id: Id, order?: readonly EntityKind[]): Promise<KitsuRow> {
  return (await findEntity(ctx, id, order)).row;
}

/** The entity a task of this type hangs on is of a known kind: one request. */
export async function entityForTaskType(ctx: OpsContext, entityId: Id, taskTypeId: Id) {
  const kind = entityKindOf(await ctx.ref.forEntity(taskTypeId));
  return findEntity(ctx, entityId, [kind, ...entityKinds.filter((k) => k !== kind)]);
}
