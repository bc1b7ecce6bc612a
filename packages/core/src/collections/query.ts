import { z } from "zod";
import { checkFieldRules } from "../adapter/field-check.js";
import { checkFilterKeys } from "../adapter/filter-check.js";
import { kindLabel, ValidationError } from "../errors.js";
import { exampleFor, requirePlainObject } from "../input-shape.js";
import type { Related, RelationMeta } from "../model/meta/metadata.js";
import type { Id } from "../schema/common.js";
import { type FilterKey, type Kind, kinds, type RecordOf } from "../schema/kinds.js";
import type { TrackerRules } from "../schema/rules.js";

/*
 * Collection queries: record fields plus relation keys that take a name, an id or an entity. A key
 * the entity does not have, or a value of the wrong type, is refused before any request, since
 * Kitsu silently ignores filter keys it does not know.
 */

/** Ids are typed as plain strings in queries, so that an id read from a file needs no cast. */
type Loose<T> = T extends Id ? string : T;

/** The record fields of a query: each equal to a value, or to one of an array's values. */
export type FieldQuery<K extends Kind> = {
  [F in FilterKey<K>]?: Loose<RecordOf<K>[F]> | readonly Loose<RecordOf<K>[F]>[];
};

/** The keys of an entity's one-valued relations (`sequence`, `project`, `taskType`, ...). */
export type RelationKeysOf<E> = {
  [P in keyof E]-?: E[P] extends Related<unknown> ? P : never;
}[keyof E] &
  string;

type Target<F> = F extends Related<infer T> ? NonNullable<T> : never;

/** A relation value: a name (or short name, for statuses), an id, or the entity itself. */
export type RefInput<T = unknown> = string | { readonly id: string } | T;

/**
 * What `get`, `find`, `filter` and `iterate` take: fields equal to a value (or one of an array's
 * values), and relations named by name, id or entity.
 *
 * @example
 * project.shots.filter({ sequence: "sq170", canceled: false })
 */
export type Query<K extends Kind, E> = FieldQuery<K> & { [P in RelationKeysOf<E>]?: RefInput<Target<E[P]>> };

const refSchema = z.custom<RefInput>(
  (value) =>
    (typeof value === "string" && value.length > 0) ||
    (typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string"),
  { message: "expected a name, an id or an entity" },
);

/** Value checks per rule table and kind: a filter key takes its record field's values (or a list of them). */
const validators = new WeakMap<TrackerRules, Map<string, z.ZodType>>();

function validatorFor(rules: TrackerRules, kind: Kind, relationKeys: readonly string[]): z.ZodType {
  let byKind = validators.get(rules);
  if (!byKind) {
    byKind = new Map();
    validators.set(rules, byKind);
  }
  const cacheKey = `${kind}:${relationKeys.join(",")}`;
  let validator = byKind.get(cacheKey);
  if (!validator) {
    const fields = kinds[kind].record.shape as Record<string, z.ZodType>;
    const shape: Record<string, z.ZodType> = {};
    for (const key of rules[kind].filterKeys) {
      const schema = fields[key] as z.ZodType;
      shape[key] = z.union([schema, z.array(schema)]).optional();
    }
    for (const key of relationKeys) shape[key] = refSchema.optional();
    validator = z.strictObject(shape);
    byKind.set(cacheKey, validator);
  }
  return validator;
}

/**
 * Checks a query's keys (the rules' filter keys and the entity's one-valued relations) and value
 * types; relation keys are returned apart, to be resolved to ids.
 */
export function checkQuery(
  rules: TrackerRules,
  kind: Kind,
  relations: readonly RelationMeta[],
  query: Record<string, unknown>,
): { fields: Record<string, unknown>; relations: { meta: RelationMeta; value: RefInput }[] } {
  const one = relations.filter((r) => !r.many);
  const what = `A ${kindLabel(kind)} query`;
  requirePlainObject(query, what, exampleFor(query, "name"));
  const relationKeys = one.map((r) => r.key);
  checkFilterKeys(rules, kind, query, relationKeys);
  // A key left undefined (`{ name: maybeName }`) would drop out of the filter and widen it to everything.
  for (const [key, value] of Object.entries(query))
    if (value === undefined) throw ValidationError.undefinedKey(what, key);
  const parsed = validatorFor(rules, kind, relationKeys).safeParse(query);
  if (!parsed.success) throw ValidationError.fromZod(`${kind} query`, parsed.error);
  checkFieldRules(rules, kind, query, `${kind} query`);
  const fields: Record<string, unknown> = {};
  const refs: { meta: RelationMeta; value: RefInput }[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const meta = one.find((r) => r.key === key);
    if (meta) refs.push({ meta, value: value as RefInput });
    else fields[key] = value;
  }
  return { fields, relations: refs };
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const same = (a: unknown, b: unknown): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/**
 * A collection's own filter combined with the caller's: a key both set must satisfy both (an
 * intersection of the values). Null when nothing can match, so no request is made.
 */
export function mergeWhere(
  scope: Record<string, unknown>,
  query: Record<string, unknown>,
): Record<string, unknown> | null {
  const out: Record<string, unknown> = { ...scope };
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(out, key)) {
      out[key] = value;
      continue;
    }
    const wanted = asList(value);
    const both = asList(out[key]).filter((a) => wanted.some((b) => same(a, b)));
    if (both.length === 0) return null;
    out[key] = both.length === 1 ? both[0] : both;
  }
  return out;
}

/** A stable text for a filter, used as the identity map's scope of a name. */
export function whereKey(where: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(where)
      .sort()
      .map((key) => [key, where[key]]),
  );
}
