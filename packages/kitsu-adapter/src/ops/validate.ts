import { checkFilterKeys, type Id, type Kind, type TrackerRules, ValidationError } from "@gadget/core/adapter";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a string shaped like Zou's ids. */
export const isUuid = (value: unknown): boolean => typeof value === "string" && uuid.test(value);

/** Zou ids are UUIDs; anything else is refused before a request is sent. */
export function checkId(value: string, what: string): Id {
  if (!isUuid(value)) throw ValidationError.invalidId(String(value), what);
  return value as Id;
}

export function checkIds(values: readonly string[], what: string): Id[] {
  return values.map((v) => checkId(v, what));
}

/** A query's keys (the rules' filter keys: Zou ignores unknown ones) and its id values (UUIDs). */
export function checkWhere(rules: TrackerRules, kind: Kind, where: object): void {
  checkFilterKeys(rules, kind, where);
  for (const [key, value] of Object.entries(where)) {
    if (!/Id$|^id$/.test(key) || value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v !== null) checkId(String(v), `${kind} ${key}`);
  }
}
