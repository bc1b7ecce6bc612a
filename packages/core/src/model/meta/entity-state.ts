import type { z } from "zod";
import { UnsupportedError, ValidationError } from "../../errors.js";
import type { Id } from "../../schema/common.js";
import { type Kind, kinds } from "../../schema/kinds.js";
import type { SessionContext } from "../../session/session-context.js";
import type { RelationMeta } from "./metadata.js";

/*
 * The per-entity state behind the decorated accessors: the current values, which fields the
 * caller changed, and the customData the tracker last sent (to diff it key by key on save()).
 * Kept in a WeakMap so that entities show only their fields.
 */

interface EntityState {
  context: SessionContext;
  values: Record<string, unknown>;
  dirty: Set<string>;
  /** customData as last received, serialized per key. */
  customBase: Map<string, string>;
  raw: Readonly<Record<string, unknown>>;
  /**
   * Fields the tracker's answer did not carry (Kitsu's `with-tasks` rows have no timestamps): reading
   * one throws until a full read (refresh(), or any later lookup that returns the whole record).
   */
  missing: Set<string>;
}

/** What the state needs of an entity: its kind, whose schemas say which fields it has. */
export interface StatefulEntity {
  readonly kind: Kind;
}

const states = new WeakMap<StatefulEntity, EntityState>();

function stateOf(entity: StatefulEntity): EntityState {
  const state = states.get(entity);
  // Entities are only built by a session, which always attaches a state first.
  if (!state) throw ValidationError.rule("This entity was not created by a Tracker session; get it from a collection");
  return state;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function serializeKeys(data: Record<string, unknown>): Map<string, string> {
  return new Map(Object.entries(data).map(([k, v]) => [k, JSON.stringify(v)]));
}

/** A value's JSON text, or undefined when JSON cannot hold it (a BigInt, a cycle): such a value counts as changed, and save() refuses it by name. */
function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** The customData keys changed since the tracker last sent it; removed keys become null (blanked). */
function customDataChanges(state: EntityState): Record<string, unknown> {
  const current = (state.values.customData ?? {}) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    const text = jsonText(value);
    if (text === undefined || state.customBase.get(key) !== text) changes[key] = value;
  }
  for (const key of state.customBase.keys()) if (!Object.hasOwn(current, key)) changes[key] = null;
  return changes;
}

/** Attaches a record to a new entity. The record is cloned: adapters may hand out their own objects. */
export function attachState(entity: StatefulEntity, context: SessionContext, record: Record<string, unknown>): void {
  const values = structuredClone(record);
  const customData = (values.customData ?? {}) as Record<string, unknown>;
  values.customData = customData;
  const missing = new Set(Object.keys(kinds[entity.kind].record.shape).filter((key) => !Object.hasOwn(record, key)));
  missing.delete("customData");
  missing.delete("raw");
  states.set(entity, {
    context,
    values,
    dirty: new Set(),
    customBase: serializeKeys(customData),
    raw: deepFreeze(structuredClone((record.raw ?? {}) as Record<string, unknown>)),
    missing,
  });
}

/**
 * Puts a fresher record into an existing entity (the identity map's "same object"). Fields the
 * caller changed and has not saved are kept unless `discard` is set (refresh()).
 */
export function applyRecord(entity: StatefulEntity, record: Record<string, unknown>, discard = false): void {
  const state = stateOf(entity);
  const pendingCustom = discard ? {} : customDataChanges(state);
  const incoming = structuredClone(record);
  for (const [key, value] of Object.entries(incoming)) {
    if (key === "customData" || key === "raw") continue;
    if (discard || !state.dirty.has(key)) state.values[key] = value;
    state.missing.delete(key);
  }
  if (discard) state.dirty.clear();
  // A partial answer (no customData key) leaves what the entity holds as it is.
  if (!Object.hasOwn(incoming, "customData")) return;
  const customData = (incoming.customData ?? {}) as Record<string, unknown>;
  state.customBase = serializeKeys(customData);
  for (const [key, value] of Object.entries(pendingCustom)) {
    if (value === null) delete customData[key];
    else customData[key] = value;
  }
  state.values.customData = customData;
  state.raw = deepFreeze(structuredClone((incoming.raw ?? {}) as Record<string, unknown>));
}

/**
 * Sets fields a write is known to have changed elsewhere (setting a main preview changes the
 * shot's `previewId`), sparing a refetch. Unsaved changes to those fields are kept.
 */
export function patchFields(entity: StatefulEntity, fields: Record<string, unknown>): void {
  const state = stateOf(entity);
  for (const [key, value] of Object.entries(fields)) if (!state.dirty.has(key)) state.values[key] = value;
}

export function contextOf(entity: StatefulEntity): SessionContext {
  return stateOf(entity).context;
}

export function readField(entity: StatefulEntity, key: string): unknown {
  const state = stateOf(entity);
  if (state.missing.has(key)) throw UnsupportedError.notLoaded(entity.kind, key);
  return key === "raw" ? state.raw : state.values[key];
}

/** False for a field the tracker's answer did not carry (see `EntityState.missing`). */
export function isLoaded(entity: StatefulEntity, key: string): boolean {
  return !stateOf(entity).missing.has(key);
}

/** A field write: checked against the field's schema now, sent by the next save(). */
export function writeField(entity: StatefulEntity, key: string, schema: z.ZodType, value: unknown): void {
  const state = stateOf(entity);
  const update = kinds[entity.kind].update;
  if (key === "raw" || update === null || !Object.hasOwn(update.shape, key)) {
    const hint =
      update === null
        ? `A ${entity.kind} is written through its own operations, not save().`
        : `Fields save() can change: ${Object.keys(update.shape).join(", ")}.`;
    throw ValidationError.readOnly(entity.kind, key, hint);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ValidationError.fromZod(`${entity.kind}.${key}`, parsed.error);
  state.values[key] = parsed.data;
  state.missing.delete(key);
  if (key !== "customData") state.dirty.add(key);
}

/** What save() sends: changed fields, and changed customData keys only (the adapter merges them). */
export function pendingChanges(entity: StatefulEntity): Record<string, unknown> {
  const state = stateOf(entity);
  const patch: Record<string, unknown> = {};
  for (const key of state.dirty) patch[key] = state.values[key];
  const custom = customDataChanges(state);
  if (Object.keys(custom).length > 0) patch.customData = custom;
  return patch;
}

/** Loads the record a relation points to, through the session (identity map first). */
export async function loadRelation(entity: StatefulEntity, meta: RelationMeta): Promise<unknown> {
  const state = stateOf(entity);
  const value = state.values[meta.idField];
  const kind: Kind = typeof meta.target === "string" ? meta.target : (state.values[meta.target.kindField] as Kind);
  if (meta.many) return state.context.loadMany(kind, (value ?? []) as Id[]);
  if (value === null || value === undefined) return null;
  return state.context.load(kind, value as Id);
}
