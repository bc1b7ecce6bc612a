import { ValidationError } from "../errors.js";
import type { Kind } from "../schema/kinds.js";
import type { TrackerRules } from "../schema/rules.js";
import type { RecordFields } from "./unique-check.js";

/**
 * ValidationError when fields break the field rules of rules.ts: a text longer than `maxLength`
 * (a list of texts, in a query), or an `ordered` pair the wrong way round (`frameIn` after
 * `frameOut`). `fields` is a create input, a record with an update applied, or a query.
 */
export function checkFieldRules(rules: TrackerRules, kind: Kind, fields: RecordFields, what: string): void {
  const { maxLength, ordered } = rules[kind];
  for (const [field, max] of Object.entries(maxLength) as [string, number][]) {
    const value = fields[field];
    for (const text of Array.isArray(value) ? value : [value]) {
      if (typeof text === "string" && text.length > max) throw ValidationError.tooLong(what, field, text.length, max);
    }
  }
  for (const [low, high] of ordered) {
    const a = fields[low];
    const b = fields[high];
    if (a === null || a === undefined || b === null || b === undefined || Array.isArray(a) || Array.isArray(b))
      continue;
    if ((a as number | string) > (b as number | string)) throw ValidationError.outOfOrder(what, low, high, a, b);
  }
}
