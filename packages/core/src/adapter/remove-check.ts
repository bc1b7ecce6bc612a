import { ValidationError } from "../errors.js";
import type { Kind } from "../schema/kinds.js";
import type { TrackerRules } from "../schema/rules.js";
import type { RecordFields } from "./unique-check.js";

/** ValidationError when the record's own state forbids its removal, force or not (Kitsu: an open project). */
export function checkRemovable(rules: TrackerRules, kind: Kind, record: RecordFields): void {
  for (const [field, wanted] of Object.entries(rules[kind].remove.requires ?? {})) {
    if (record[field] !== wanted) {
      throw ValidationError.removeRequires(kind, String(record.name), field, wanted, record[field]);
    }
  }
}

/** How many records of each kind still point at the one being removed. */
export type Held = Partial<Record<Kind, number>>;

/**
 * What a removal does under the rules (`remove`): `delete` (what holds the record goes with it) or
 * `cancel` (kept with `canceled: true`); a ValidationError when the rules refuse it.
 */
export function planRemove(
  rules: TrackerRules,
  kind: Kind,
  record: RecordFields,
  held: Held,
  force: boolean,
): "delete" | "cancel" {
  checkRemovable(rules, kind, record);
  const { whileHeld } = rules[kind].remove;
  const counts = Object.entries(held).filter(([, n]) => (n ?? 0) > 0) as [Kind, number][];
  if (whileHeld === "cancel" && counts.length > 0) return "cancel";
  if (!whileHeld || counts.length === 0 || (force && whileHeld !== "refuse")) return "delete";
  if (whileHeld === "cancel-unless-forced") return "cancel";
  const text = counts.map(([k, n]) => `${n} ${k}${n > 1 ? "s" : ""}`).join(", ");
  throw ValidationError.stillHeld(kind, String(record.name), text, whileHeld === "refuse-unless-forced");
}
