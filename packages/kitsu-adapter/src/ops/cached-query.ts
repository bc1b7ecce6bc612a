import type { Kind, RecordOf, Where } from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { kindSpecs } from "./kind-specs.js";
import type { OpsContext } from "./ops-context.js";
import { matches } from "./record-match.js";
import { type CachedKind, cachedKinds, isCachedKind } from "./reference.js";

/**
 * Each list answer decoded once, however many lookups it serves; a list read again (after a
 * write of its kind) is a new array, decoded anew.
 */
const decoded = new WeakMap<readonly KitsuRow[], Promise<unknown[]>>();

/** Every record of a reference kind (task types, statuses, asset types, departments), from the session's list of it. */
export async function cachedRecords<K extends CachedKind>(ctx: OpsContext, kind: K): Promise<RecordOf<K>[]> {
  const rows = await ctx.ref.rows(cachedKinds[kind]);
  let records = decoded.get(rows);
  if (!records) {
    records = kindSpecs[kind].decode(rows, ctx.ref);
    decoded.set(rows, records);
  }
  return (await records) as RecordOf<K>[];
}

/**
 * Answers a query of a reference kind from the session's list of it (every filter is evaluated
 * exactly on the records), or `undefined` for the other kinds, which the tracker must be asked for.
 */
export async function fromCache<K extends Kind>(
  ctx: OpsContext,
  kind: K,
  where: Where<K>,
): Promise<RecordOf<K>[] | undefined> {
  if (!isCachedKind(kind)) return undefined;
  return (await cachedRecords(ctx, kind)).filter((r) => matches(r as RecordOf<K>, where)) as RecordOf<K>[];
}
