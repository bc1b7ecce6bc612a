import { ConflictError, type RequestInfo } from "../errors.js";
import type { Kind } from "../schema/kinds.js";
import type { TrackerRules, UniqueKey } from "../schema/rules.js";

/*
 * The uniqueness rules (rules.ts `unique`), checked the same way everywhere: within a batch, and
 * against the records a tracker holds. Trackers that cannot check atomically look first; the mock
 * tracker keeps an index on `uniqueIdentity`.
 */

/** A record or a create input, read field by field. */
export type RecordFields = Readonly<Record<string, unknown>>;

/** Ids in one IN filter: 100 UUIDs keep a query string well under common URL limits. */
const inListLimit = 100;

/** Fields holding ids compare exactly and can carry an IN list; the others are text or numbers. */
const isReference = (field: string): boolean => /Id$/.test(field);

const fieldValue = (row: RecordFields, field: string, defaults: RecordFields): unknown =>
  row[field] === undefined ? (defaults[field] ?? null) : row[field];

/**
 * The text two records share when they clash on `key`; undefined when the key leaves the record
 * out (a null under `nullsDistinct`, or a value outside `among`).
 */
export function uniqueIdentity(key: UniqueKey, row: RecordFields, defaults: RecordFields = {}): string | undefined {
  const among = Object.entries(key.among ?? {}) as [string, unknown][];
  if (among.some(([field, value]) => row[field] !== undefined && row[field] !== value)) return undefined;
  const values = key.fields.map((field) => {
    const value = fieldValue(row, field, defaults);
    return key.ignoreCase && typeof value === "string" && !isReference(field) ? value.toLowerCase() : value;
  });
  if (key.nullsDistinct && values.includes(null)) return undefined;
  return JSON.stringify(values);
}

/**
 * The ConflictError of a clash on `key`: its last field names the record, the others its scope.
 * `within: "batch"` when two inputs of one call clash.
 */
export function uniqueConflict(
  kind: Kind,
  key: UniqueKey,
  row: RecordFields,
  options: { defaults?: RecordFields; within?: "tracker" | "batch"; request?: RequestInfo } = {},
): ConflictError {
  const defaults = options.defaults ?? {};
  const scopeFields = key.fields.slice(0, -1);
  const field = key.fields.at(-1) ?? "name";
  const scope =
    options.within === "batch"
      ? "this batch (it is given twice)"
      : scopeFields.length === 0
        ? "the studio"
        : scopeFields
            .map((f) => `${f.replace(/Id$/, "")} ${String(fieldValue(row, f, defaults) ?? "none")}`)
            .join(", ");
  return ConflictError.duplicateKey(kind, field, String(fieldValue(row, field, defaults)), scope, options.request);
}

/** The keys a create is checked against (`onCreate`). */
export const createKeys = (rules: TrackerRules, kind: Kind): readonly UniqueKey[] =>
  rules[kind].unique.filter((key) => key.onCreate !== false);

/** ConflictError when two inputs of a batch would be the same record. */
export function checkBatchUnique(rules: TrackerRules, kind: Kind, inputs: readonly RecordFields[]): void {
  const defaults = rules[kind].createDefaults;
  for (const key of createKeys(rules, kind)) {
    const seen = new Set<string>();
    for (const input of inputs) {
      const identity = uniqueIdentity(key, input, defaults);
      if (identity === undefined) continue;
      if (seen.has(identity)) throw uniqueConflict(kind, key, input, { defaults, within: "batch" });
      seen.add(identity);
    }
  }
}

/** ConflictError when a create input clashes with one of `existing`, records the tracker holds. */
export function checkExistingUnique(
  rules: TrackerRules,
  kind: Kind,
  inputs: readonly RecordFields[],
  existing: Iterable<RecordFields>,
): void {
  const defaults = rules[kind].createDefaults;
  const unique = createKeys(rules, kind);
  const wanted = unique.map((key) => {
    const byIdentity = new Map<string, RecordFields>();
    for (const input of inputs) {
      const identity = uniqueIdentity(key, input, defaults);
      if (identity !== undefined) byIdentity.set(identity, input);
    }
    return byIdentity;
  });
  for (const record of existing) {
    unique.forEach((key, i) => {
      const identity = uniqueIdentity(key, record);
      const clash = identity === undefined ? undefined : wanted[i]?.get(identity);
      if (clash) throw uniqueConflict(kind, key, clash, { defaults });
    });
  }
}

/**
 * The queries that find every record a batch could clash with: per key, the fields with one
 * value, and the first id field with several values as IN lists of at most 100. Other fields
 * with several values, and text compared without case, are left to `checkExistingUnique`.
 */
export function uniqueLookups(
  rules: TrackerRules,
  kind: Kind,
  inputs: readonly RecordFields[],
): Record<string, unknown>[] {
  const defaults = rules[kind].createDefaults;
  const lookups: Record<string, unknown>[] = [];
  for (const key of createKeys(rules, kind)) {
    const rows = inputs.filter((input) => uniqueIdentity(key, input, defaults) !== undefined);
    if (rows.length === 0) continue;
    const where: Record<string, unknown> = { ...key.among };
    let carrier: { field: string; values: unknown[] } | undefined;
    for (const field of key.fields) {
      const values = [...new Set(rows.map((row) => fieldValue(row, field, defaults)))];
      if (key.ignoreCase && !isReference(field)) continue;
      if (values.length === 1) where[field] = values[0];
      else if (isReference(field) && !carrier) carrier = { field, values };
    }
    if (!carrier) lookups.push(where);
    else {
      for (let at = 0; at < carrier.values.length; at += inListLimit) {
        lookups.push({ ...where, [carrier.field]: carrier.values.slice(at, at + inListLimit) });
      }
    }
  }
  return lookups;
}

/**
 * The whole uniqueness check of a create: within the inputs, then against the tracker through
 * `query` (every record matching a where, all pages). Nothing is written before it passes.
 */
export async function checkUnique(
  rules: TrackerRules,
  kind: Kind,
  inputs: readonly RecordFields[],
  query: (where: Record<string, unknown>) => Promise<Iterable<RecordFields>>,
): Promise<void> {
  checkBatchUnique(rules, kind, inputs);
  for (const where of uniqueLookups(rules, kind, inputs)) checkExistingUnique(rules, kind, inputs, await query(where));
}
