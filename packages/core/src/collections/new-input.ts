import type { z } from "zod";
import { checkFieldRules } from "../adapter/field-check.js";
import { checkParents } from "../adapter/parent-check.js";
import type { RecordFields } from "../adapter/unique-check.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { exampleFor, requirePlainObject } from "../input-shape.js";
import type { AnyEntity } from "../model/entity.js";
import { isLoaded } from "../model/meta/entity-state.js";
import { type DurationInput, durationInputSchema, type Id, toSeconds } from "../schema/common.js";
import { type CreatableKind, type CreateInput, type Kind, kinds } from "../schema/kinds.js";
import { type ParentRule, parentKinds, parentsOf, rulesOf } from "../schema/rules.js";
import type { SessionContext } from "../session/session-context.js";
import type { RefInput } from "./query.js";
import { loadReference, resolveRef, scopeLabel } from "./resolve.js";

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

/** `sequenceId` → `sequence`, `assigneeIds` → `assignees`: the name a TD used. */
const relationName = (field: string): string =>
  field.endsWith("Ids") ? `${field.slice(0, -3)}s` : field.endsWith("Id") ? field.slice(0, -2) : field;

/** A duration input as seconds; a malformed one is refused here, with its own path. */
function durationOf(kind: Kind, key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const parsed = durationInputSchema.safeParse(value);
  if (!parsed.success) throw ValidationError.fromZod(`new ${kind} ${key}`, parsed.error);
  return toSeconds(parsed.data);
}

/**
 * Checks every reference of a parsed create input through the session, before the write: each
 * record exists and is of a kind its rule allows (a task's id given as a sequence is named as
 * such, not answered with the tracker's bare 404), is in the collection's project, and the rules'
 * `parents` hold (`sameProject`, a task type that fits its entity).
 */
export async function checkReferences(
  context: SessionContext,
  kind: CreatableKind,
  data: RecordFields,
  collectionProjectId: Id | undefined,
  what = `new ${kind}`,
): Promise<void> {
  const rules = rulesOf(context.adapter);
  const found = new Map<string, AnyEntity>();
  for (const [field, rule] of parentsOf(rules, kind)) {
    const value = data[field];
    if (value === undefined || value === null) continue;
    for (const id of Array.isArray(value) ? value : [value]) {
      const entity = await loadReference(context, parentKinds(rule), id as Id, `${what} (${relationName(field)})`);
      found.set(`${entity.kind}\u0000${entity.id}`, entity);
      const own = (entity as { projectId?: unknown }).projectId;
      if (collectionProjectId !== undefined && typeof own === "string" && own !== collectionProjectId) {
        throw NotFoundError.inProject(entity.kind, entity.id, scopeLabel(context, entity.kind, collectionProjectId));
      }
    }
  }
  checkParents(rules, kind, data, (k, id) => found.get(`${k}\u0000${id}`) as RecordFields | undefined);
}

/**
 * Resolves names and entities, converts durations, applies the scope, validates, then checks the
 * field rules and the references: everything a create needs before its write.
 * `collectionProjectId` is the project of the collection `new()` was called on, if any.
 */
export async function toCreateData<K extends CreatableKind>(
  context: SessionContext,
  kind: K,
  input: unknown,
  scope: Record<string, unknown>,
  collectionProjectId?: Id,
): Promise<unknown> {
  const what = `new ${kind}`;
  requirePlainObject(
    input,
    what,
    exampleFor(input, "name"),
    Array.isArray(input) ? "to create several, use newMany()" : undefined,
  );
  const rules = rulesOf(context.adapter);
  const schema = kinds[kind].create;
  const shape = schema.shape as Record<string, z.ZodType>;
  const relations = relationFields(shape);
  const plain = Object.keys(shape).filter((key) => !key.endsWith("Id") && !key.endsWith("Ids"));
  const unknown = Object.keys(input).filter((key) => !plain.includes(key) && !relations.has(key));
  if (unknown.length > 0) throw ValidationError.unknownKeys(what, unknown, [...plain, ...relations.keys()]);

  const projectRef = input.project ?? scope.projectId;
  const projectId =
    projectRef === undefined || projectRef === null
      ? undefined
      : await resolveRef(context, "project", projectRef as RefInput, `${what} (project)`);
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const idField = relations.get(key);
    if (idField === undefined) {
      data[key] = key === "estimation" ? durationOf(kind, key, value) : value;
      continue;
    }
    const parent = (rules[kind].parents as Record<string, ParentRule | undefined>)[idField];
    const target = parent ? parentKinds(parent) : [key as Kind];
    const where = `${what} (${key})`;
    if (value === null) data[idField] = null;
    else if (idField.endsWith("Ids")) {
      if (!Array.isArray(value)) throw ValidationError.notAList(where, value, '["alice", person]');
      data[idField] = await Promise.all(
        value.map((item: RefInput) => resolveRef(context, oneOrMany(target), item, where, projectId)),
      );
    } else data[idField] = await resolveRef(context, oneOrMany(target), value as RefInput, where, projectId);
  }
  if (projectId !== undefined && Object.hasOwn(shape, "projectId")) data.projectId = projectId;
  for (const [field, value] of Object.entries(scope)) {
    if (data[field] !== undefined && data[field] !== value && relations.has(relationName(field))) {
      throw ValidationError.scopeConflict(what, relationName(field), scopeLabel(context, kind, collectionProjectId));
    }
    data[field] = value;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw ValidationError.fromZod(what, parsed.error);
  checkFieldRules(rules, kind, parsed.data as RecordFields, what);
  await checkReferences(context, kind, parsed.data as RecordFields, collectionProjectId, what);
  return parsed.data;
}

/**
 * Checks an update before it is sent: the field rules on the record as it would be (the patch laid
 * over the fields the rules compare), and the references the patch changes.
 */
export async function checkUpdate(
  context: SessionContext,
  entity: AnyEntity,
  kind: CreatableKind,
  patch: RecordFields,
): Promise<void> {
  const rules = rulesOf(context.adapter);
  const merged: Record<string, unknown> = { ...patch };
  for (const field of [...rules[kind].ordered.flat(), "projectId"]) {
    if (!Object.hasOwn(merged, field) && field in entity && isLoaded(entity, field)) {
      merged[field] = (entity as unknown as RecordFields)[field];
    }
  }
  checkFieldRules(rules, kind, merged, `${kind} update`);
  const projectId = merged.projectId;
  await checkReferences(
    context,
    kind,
    merged,
    typeof projectId === "string" ? (projectId as Id) : undefined,
    `${kind} update`,
  );
}
