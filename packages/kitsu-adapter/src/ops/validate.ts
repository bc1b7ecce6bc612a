import { checkFilterKeys, checkUuid, checkWhereIds, type Id, type Kind, type TrackerRules } from "@gadget/core/adapter";

export { isUuid } from "@gadget/core/adapter";

/** Zou ids are UUIDs; anything else is refused before a request is sent. */
export const checkId = (value: string, what: string): Id => checkUuid(value, what);

export function checkIds(values: readonly string[], what: string): Id[] {
  return values.map((v) => checkId(v, what));
}

/** A query's keys (the rules' filter keys: Zou ignores unknown ones) and its id values (UUIDs). */
export function checkWhere(rules: TrackerRules, kind: Kind, where: object): void {
  checkFilterKeys(rules, kind, where);
  checkWhereIds(kind, where);
}
