import type { z } from "zod";
import { UnsupportedError, ValidationError } from "../../errors.js";
import type { Id } from "../../schema/common.js";
import { type Kind, kinds } from "../../schema/kinds.js";
import type { SessionContext } from "../../session/session-context.js";
import type { RelationMeta } from "./metadata.js";

/*
 * The per-entity state behind the decorated accessors: the current values, which fields the
 * caller changed, and the customData the tracker last sent (to diff it key by key on save()).
 * Kept under a symbol so that entities show only their fields.
 *
 * Built for large lists: the adapter's record is kept as it came (contract.ts) until something
 * changes a field, which first makes the values the entity's own copy; customData is copied when a
 * caller first reads it; `raw` is frozen when a caller first reads it. An entity read from a list
 * and dropped costs its record and little more.
 */

interface EntityState {
  context: SessionContext;
  /** The record's fields, `raw` among them: the adapter's record until a change (see `own`). */
  values: Record<string, unknown>;
  /** True once `values` is the entity's own copy. */
  owned: boolean;
  /** Fields the caller changed; created on the first change. */
  dirty: Set<string> | undefined;
  /** customData as the tracker last sent it, never changed: what save() diffs against. */
  customBase: Record<string, unknown>;
  /** The caller's customData, a copy of the base made when first read (or set). */
  custom: Record<string, unknown> | undefined;
  /** True when the record it was built from carried every field of its kind (see `builtWhole`). */
  whole: boolean;
  /** True once the identity map let the entity go (a streamed page left behind, see IdentityMap). */
  released: boolean;
  /**
   * Fields the tracker's answer did not carry (Kitsu's `with-tasks` rows have no timestamps): reading
   * one throws until a full read (refresh(), or any later lookup that returns the whole record).
   * Undefined when the answer carried every field.
   */
  missing: Set<string> | undefined;
}

/** What the state needs of an entity: its kind, whose schemas say which fields it has. */
export interface StatefulEntity {
  readonly kind: Kind;
}

const STATE = Symbol("@gadget/core/entity-state");

type Holder = StatefulEntity & { [STATE]?: EntityState };

function stateOf(entity: StatefulEntity): EntityState {
  const state = (entity as Holder)[STATE];
  // Entities are only built by a session, which always attaches a state first.
  if (!state) throw ValidationError.rule("This entity was not created by a Tracker session; get it from a collection");
  if (state.released) {
    // Used again after its streamed page was let go: the session takes it back.
    state.released = false;
    state.context.adopt(entity.kind, state.values.id as Id, entity);
  }
  return state;
}

/** True when the entity was built from a record carrying every field of its kind. */
export function builtWhole(entity: StatefulEntity): boolean {
  return (entity as Holder)[STATE]?.whole === true;
}

/** The identity map let the entity go; its next use takes it back (see stateOf). */
export function releaseEntity(entity: StatefulEntity): void {
  const state = (entity as Holder)[STATE];
  if (state) state.released = true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const noRaw: Readonly<Record<string, unknown>> = Object.freeze({});

const recordKeys = new Map<Kind, readonly string[]>();

function keysOf(kind: Kind): readonly string[] {
  let keys = recordKeys.get(kind);
  if (!keys) {
    keys = Object.keys(kinds[kind].record.shape);
    recordKeys.set(kind, keys);
  }
  return keys;
}

/** True when the record carries every field of its kind (a partial answer lacks some). */
export function isComplete(kind: Kind, record: object): boolean {
  for (const key of keysOf(kind)) if (!Object.hasOwn(record, key)) return false;
  return true;
}

/** The fields a record lacks, but customData and raw (which have defaults), and whether it lacks any. */
function missingFields(kind: Kind, record: Record<string, unknown>): { missing?: Set<string>; whole: boolean } {
  let missing: Set<string> | undefined;
  let whole = true;
  for (const key of keysOf(kind)) {
    if (Object.hasOwn(record, key)) continue;
    whole = false;
    if (key === "customData" || key === "raw") continue;
    missing ??= new Set();
    missing.add(key);
  }
  return { missing, whole };
}

/** The values, made the entity's own before a change: the adapter's record is never changed. */
function ownValues(state: EntityState): Record<string, unknown> {
  if (!state.owned) {
    state.values = { ...state.values };
    state.owned = true;
  }
  return state.values;
}

const copyOf = (data: Record<string, unknown>): Record<string, unknown> => {
  for (const _ in data) return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  return {};
};

/** The caller's customData, copied from what the tracker sent on first use. */
function customOf(state: EntityState): Record<string, unknown> {
  state.custom ??= copyOf(state.customBase);
  return state.custom;
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
  const changes: Record<string, unknown> = {};
  const current = state.custom;
  // Never read, never changed.
  if (current === undefined) return changes;
  const base = state.customBase;
  for (const [key, value] of Object.entries(current)) {
    const before = Object.hasOwn(base, key) ? jsonText(base[key]) : undefined;
    const text = jsonText(value);
    if (text === undefined || before !== text) changes[key] = value;
  }
  for (const key of Object.keys(base)) if (!Object.hasOwn(current, key)) changes[key] = null;
  return changes;
}

const customDataIn = (record: Record<string, unknown>): Record<string, unknown> =>
  (record.customData ?? {}) as Record<string, unknown>;

/** Attaches a record, handed over by the adapter (see contract.ts), to a new entity. */
export function attachState(entity: StatefulEntity, context: SessionContext, record: Record<string, unknown>): void {
  const { missing, whole } = missingFields(entity.kind, record);
  (entity as Holder)[STATE] = {
    context,
    values: record,
    owned: false,
    dirty: undefined,
    customBase: customDataIn(record),
    custom: undefined,
    whole,
    released: false,
    missing,
  };
}

/**
 * Puts a fresher record into an existing entity (the identity map's "same object"). Fields the
 * caller changed and has not saved are kept unless `discard` is set (refresh()).
 */
export function applyRecord(entity: StatefulEntity, record: Record<string, unknown>, discard = false): void {
  const state = stateOf(entity);
  const pendingCustom = discard ? {} : customDataChanges(state);
  const values = ownValues(state);
  // for-in, not Object.entries: no pair array per record when a big list refreshes what the session holds.
  for (const key in record) {
    if (key === "customData" || key === "raw") continue;
    if (discard || !state.dirty?.has(key)) values[key] = record[key];
    state.missing?.delete(key);
  }
  if (discard) state.dirty = undefined;
  // A partial answer (no customData key) leaves what the entity holds as it is.
  if (!Object.hasOwn(record, "customData")) return;
  state.customBase = customDataIn(record);
  state.custom = undefined;
  if (Object.keys(pendingCustom).length > 0) {
    const custom = customOf(state);
    for (const [key, value] of Object.entries(pendingCustom)) {
      if (value === null) delete custom[key];
      else custom[key] = value;
    }
  }
  values.raw = record.raw;
}

/**
 * Sets fields a write is known to have changed elsewhere (setting a main preview changes the
 * shot's `previewId`), sparing a refetch. Unsaved changes to those fields are kept.
 */
export function patchFields(entity: StatefulEntity, fields: Record<string, unknown>): void {
  const state = stateOf(entity);
  for (const [key, value] of Object.entries(fields)) if (!state.dirty?.has(key)) ownValues(state)[key] = value;
}

export function contextOf(entity: StatefulEntity): SessionContext {
  return stateOf(entity).context;
}

export function readField(entity: StatefulEntity, key: string): unknown {
  const state = stateOf(entity);
  if (state.missing?.has(key)) throw UnsupportedError.notLoaded(entity.kind, key);
  if (key === "customData") return customOf(state);
  // Frozen on first read rather than per record: most callers never read it.
  if (key === "raw") return deepFreeze(state.values.raw ?? noRaw);
  return state.values[key];
}

/** False for a field the tracker's answer did not carry (see `EntityState.missing`). */
export function isLoaded(entity: StatefulEntity, key: string): boolean {
  return !stateOf(entity).missing?.has(key);
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
  state.missing?.delete(key);
  if (key === "customData") {
    state.custom = parsed.data as Record<string, unknown>;
    return;
  }
  ownValues(state)[key] = parsed.data;
  state.dirty ??= new Set();
  state.dirty.add(key);
}

/** What save() sends: changed fields, and changed customData keys only (the adapter merges them). */
export function pendingChanges(entity: StatefulEntity): Record<string, unknown> {
  const state = stateOf(entity);
  const patch: Record<string, unknown> = {};
  for (const key of state.dirty ?? []) patch[key] = state.values[key];
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
