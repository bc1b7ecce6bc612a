import type { Kind, RecordOf, Where } from "@gadget/core";
import type { OpsContext } from "./context.js";
import { kindSpecs } from "./kind-specs.js";
import { matches } from "./record-match.js";
import { cachedKinds, isCachedKind } from "./reference.js";

/**
 * Answers a query of a reference kind (task types, statuses, asset types, departments) from the
 * session's list of it (every filter is evaluated exactly on the records), or `undefined` for the
 * other kinds, which the tracker must be asked for.
 */
export async function fromCache<K extends Kind>(
  ctx: OpsContext,
  kind: K,
  where: Where<K>,
): Promise<RecordOf<K>[] | undefined> {
  if (!isCachedKind(kind)) return undefined;
  const rows = await ctx.ref.rows(cachedKinds[kind]);
  const records = (await kindSpecs[kind].decode(rows, ctx.ref)) as RecordOf<K>[];
  return records.filter((r) => matches(r, where));
}
