import type { Kind, RecordOf, Where } from "@gadget/core/adapter";
import { kindSpecs } from "./kind-specs.js";
import type { OpsContext } from "./ops-context.js";
import { matches } from "./record-match.js";
import { cachedKinds, isCachedKind } from "./reference.js";

/**
 * Answers a query from the session's reference data when it can be answered there (every filter
 * is evaluated exactly on the records), or `undefined` when the tracker must be asked.
 * Projects: only a lookup by name or id that finds one open project; closed projects and lists
 * (`projects.all()`) are not in the context, so those go to the tracker.
 */
export async function fromCache<K extends Kind>(
  ctx: OpsContext,
  kind: K,
  where: Where<K>,
): Promise<RecordOf<K>[] | undefined> {
  if (isCachedKind(kind)) {
    const rows = await ctx.ref.rows(cachedKinds[kind]);
    const records = (await kindSpecs[kind].decode(rows, ctx.ref)) as RecordOf<K>[];
    return records.filter((r) => matches(r, where));
  }
  if (kind !== "project") return undefined;
  const w = where as Record<string, unknown>;
  if (typeof w.name !== "string" && typeof w.id !== "string") return undefined;
  const rows = await ctx.ref.openProjects();
  if (!rows) return undefined;
  const found = (await kindSpecs.project.decode(rows, ctx.ref)).filter((r) => matches(r, where));
  return found.length === 1 ? (found as RecordOf<K>[]) : undefined;
}
