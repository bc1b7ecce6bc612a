import { ValidationError } from "../errors.js";
import type { Kind } from "../schema/kinds.js";
import type { TrackerRules } from "../schema/rules.js";

/**
 * ValidationError for query keys outside the kind's filter keys (rules.ts `filterKeys`), before any
 * request: Kitsu silently ignores filter keys it does not know, which would widen the answer.
 * `extraKeys` are keys the caller resolves itself (a collection's relation names).
 */
export function checkFilterKeys(
  rules: TrackerRules,
  kind: Kind,
  where: object,
  extraKeys: readonly string[] = [],
): void {
  const allowed: readonly string[] = rules[kind].filterKeys;
  const unknown = Object.keys(where).filter((key) => !allowed.includes(key) && !extraKeys.includes(key));
  if (unknown.length > 0) throw ValidationError.unknownKeys(kind, unknown, [...allowed, ...extraKeys]);
}
