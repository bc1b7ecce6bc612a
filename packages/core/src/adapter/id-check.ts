import { ValidationError } from "../errors.js";
import type { Id } from "../schema/common.js";

/*
 * Kitsu and the mock tracker both give UUIDs as ids. A value that is not one cannot name any of
 * their records: it is bad input (ValidationError, naming the value and the fix), refused before
 * anything is read or written, while a well-formed id of nothing is a NotFoundError. Both trackers
 * answer a malformed id the same way through these checks.
 */

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of a UUID. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && uuid.test(value);

/** `value` as an id; ValidationError (`what` names the input) when it is not a UUID. */
export function checkUuid(value: string, what: string): Id {
  if (!isUuid(value)) throw ValidationError.invalidId(String(value), what);
  return value as Id;
}

/**
 * The id values of a query (`id` and every `…Id` key, lists included) must be UUIDs; `known`
 * exempts a value the tracker holds anyway (a snapshot's record may carry an id of another shape).
 */
export function checkWhereIds(kind: string, where: object, known: (value: string) => boolean = () => false): void {
  for (const [key, value] of Object.entries(where)) {
    if (!/Id$|^id$/.test(key) || value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== null && !isUuid(v) && !known(String(v))) checkUuid(String(v), `${kind} ${key}`);
    }
  }
}
