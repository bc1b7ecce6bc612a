import { type Id, type Kind, kinds, ValidationError } from "@gadget/core";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Zou ids are UUIDs; anything else is refused before a request is sent. */
export function checkId(value: string, what: string): Id {
  if (typeof value !== "string" || !uuid.test(value)) throw ValidationError.invalidId(String(value), what);
  return value as Id;
}

export function checkIds(values: readonly string[], what: string): Id[] {
  return values.map((v) => checkId(v, what));
}

/** Keys a query may use: the record's scalar fields. Zou ignores unknown filter keys, so check here. */
export function checkWhere(kind: Kind, where: object): void {
  const shape = kinds[kind].record.shape as Record<string, unknown>;
  const allowed = Object.keys(shape).filter((k) => k !== "raw" && k !== "customData");
  const unknown = Object.keys(where).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw ValidationError.unknownKeys(kind, unknown, allowed);
  for (const [key, value] of Object.entries(where)) {
    if (!/Id$|^id$/.test(key) || value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v !== null) checkId(String(v), `${kind} ${key}`);
  }
}
