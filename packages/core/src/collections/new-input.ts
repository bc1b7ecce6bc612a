import type { z } from "zod";
import { ValidationError } from "../errors.js";
import { type DurationInput, toSeconds } from "../schema/common.js";
import { type CreatableKind, type CreateInput, type Kind, kinds } from "../schema/kinds.js";
import { type ParentRule, parentKinds, rulesOf } from "../schema/rules.js";
import type { SessionContext } from "../session/session-context.js";
import type { RefInput } from "./query.js";
import { resolveRef } from "./resolve.js";

/*
 * What `collection.new(input)` takes: the kind's create input with relation ids replaced by names,
 * ids or entities (`assetTypeId` → `assetType`, `assigneeIds` → `assignees`), and durations as
 * seconds or `{ hours, minutes, seconds }`. The collection fills in what its scope implies.
 */

type IdKey = `${string}Id` | `${string}Ids`;
type RelationName<F> = F extends `${infer R}Ids` ? `${R}s` : F extends `${infer R}Id` ? R : never;
type Durations = "estimation";

/** What a collection's `new()` takes: the kind's create fields, with relations given by name, id or entity. */
export type NewInput<K extends CreatableKind> = {
  [F in keyof CreateInput<K> as F extends IdKey ? never : F]: F extends Durations
    ? DurationInput | Extract<CreateInput<K>[F], undefined>
    : CreateInput<K>[F];
} & {
  [F in keyof CreateInput<K> as F extends IdKey ? RelationName<F> : never]?: F extends `${string}Ids`
    ? readonly RefInput[]
    : RefInput | null;
};

/** One kind as itself, several as the list `resolveRef` tries in order. */
const oneOrMany = (target: readonly Kind[]): Kind | readonly Kind[] =>
  target.length === 1 ? (target[0] as Kind) : target;

/** Relation name → id field, from the create schema's keys. */
function relationFields(shape: Record<string, z.ZodType>): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of Object.keys(shape)) {
    if (key.endsWith("Ids")) out.set(`${key.slice(0, -3)}s`, key);
    else if (key.endsWith("Id")) out.set(key.slice(0, -2), key);
  }
  return out;
}

/** Resolves names and entities, converts durations, applies the scope, then validates. */
export async function toCreateData<K extends CreatableKind>(
  context: SessionContext,
  kind: K,
  input: Record<string, unknown>,
  scope: Record<string, unknown>,
): Promise<unknown> {
  const rules = rulesOf(context.adapter);
  const schema = kinds[kind].create;
  const shape = schema.shape as Record<string, z.ZodType>;
  const relations = relationFields(shape);
  const plain = Object.keys(shape).filter((key) => !key.endsWith("Id") && !key.endsWith("Ids"));
  const unknown = Object.keys(input).filter((key) => !plain.includes(key) && !relations.has(key));
  if (unknown.length > 0) throw ValidationError.unknownKeys(`new ${kind}`, unknown, [...plain, ...relations.keys()]);

  const projectRef = input.project ?? scope.projectId;
  const projectId =
    projectRef === undefined || projectRef === null
      ? undefined
      : await resolveRef(context, "project", projectRef as RefInput, `new ${kind} (project)`);
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const idField = relations.get(key);
    if (idField === undefined) {
      data[key] = key === "estimation" && typeof value === "object" ? toSeconds(value as DurationInput) : value;
      continue;
    }
    const parent = (rules[kind].parents as Record<string, ParentRule | undefined>)[idField];
    const target = parent ? parentKinds(parent) : [key as Kind];
    const where = `new ${kind} (${key})`;
    if (value === null) data[idField] = null;
    else if (idField.endsWith("Ids")) {
      if (!Array.isArray(value)) throw ValidationError.rule(`${where} expects an array of names, ids or entities`);
      data[idField] = await Promise.all(
        value.map((item: RefInput) => resolveRef(context, oneOrMany(target), item, where, projectId)),
      );
    } else data[idField] = await resolveRef(context, oneOrMany(target), value as RefInput, where, projectId);
  }
  if (projectId !== undefined && Object.hasOwn(shape, "projectId")) data.projectId = projectId;
  Object.assign(data, scope);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw ValidationError.fromZod(`new ${kind}`, parsed.error);
  return parsed.data;
}
