import type { IdentityMap } from "../identity/identity-map.js";
import { isLoaded, readField, type StatefulEntity } from "../model/meta/entity-state.js";
import type { Id } from "../schema/common.js";
import type { Kind } from "../schema/kinds.js";
import { dependentsOf, type TrackerRules } from "../schema/rules.js";

/*
 * A deleted record may take what points at it along (a forced sequence its shots, a shot its
 * tasks), and the session cannot tell from here which of them went. Every entity the session holds
 * that pointed at it, and at those in turn, is marked stale, so that the next lookup asks the
 * tracker: a NotFoundError for what went, the current record for what stayed.
 */

function pointsAt(entity: StatefulEntity, field: string, ids: ReadonlySet<string>): boolean {
  // A field the entity was read without: it may point there, so it is read again.
  if (!isLoaded(entity, field)) return true;
  const value = readField(entity, field);
  return Array.isArray(value) ? value.some((v) => ids.has(v)) : typeof value === "string" && ids.has(value);
}

/** Marks stale what points at the deleted (kind, id) under the rules' parents, level by level. */
export function staleDependents<E extends StatefulEntity>(
  identity: IdentityMap<E>,
  rules: TrackerRules,
  kind: Kind,
  id: Id,
): void {
  const seen = new Set<string>();
  let level = new Map<Kind, Set<string>>([[kind, new Set([id])]]);
  while (level.size > 0) {
    const next = new Map<Kind, Set<string>>();
    for (const [parentKind, ids] of level) {
      for (const { kind: child, field } of dependentsOf(rules, parentKind)) {
        for (const childId of identity.markStaleWhere(child, (entity) => pointsAt(entity, field, ids))) {
          const key = `${child}\u0000${childId}`;
          if (seen.has(key)) continue;
          seen.add(key);
          let set = next.get(child);
          if (!set) {
            set = new Set();
            next.set(child, set);
          }
          set.add(childId);
        }
      }
    }
    level = next;
  }
}
