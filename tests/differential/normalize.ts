import { Entity, isTrackerError } from "@gadget/core";
import { MissingAliasError, type SeenEvent, type Side } from "./side.js";

/*
 * What a TD can observe, as plain JSON that compares equal across backends: ids become the
 * aliases the run gave them, timestamps become "<time>" (null stays null), entities become their
 * fields (minus id, createdAt, updatedAt and raw), errors become their class and code.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What one step showed on one backend. */
export interface Observation {
  outcome: { ok: true; value: Json } | { ok: false; error: Json };
  events: Json[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const timeFields = new Set(["createdAt", "updatedAt", "lastCommentAt", "at"]);
/** Many-to-many relations: sets in Zou (join tables, no order), so compared sorted. */
const setFields = new Set([
  "assigneeIds",
  "team",
  "departmentIds",
  "taskTypeIds",
  "taskStatusIds",
  "assetTypeIds",
  "mentionIds",
  // A comment's previews: a join table too (Zou's comment routes list them in database order).
  "previewIds",
  // Sorted by id on both backends (a casting-update event's), and the two give an asset different ids.
  "addedAssetIds",
  "removedAssetIds",
]);

function entityJson(entity: Entity, side: Side): Json {
  const out: Record<string, Json> = { $: `${entity.kind}:${side.aliasOf(entity.id, entity.kind)}` };
  const fields = entity.toJSON();
  for (const key of Object.keys(fields).sort()) {
    if (key === "kind" || key === "id" || key === "createdAt" || key === "updatedAt") continue;
    out[key] = normalize(fields[key], side, key);
  }
  return out;
}

/** `value` as JSON with every id replaced by its alias (in key order, so aliases are given alike). */
export function normalize(value: unknown, side: Side, key?: string): Json {
  if (value === undefined) return "<undefined>";
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isNaN(value) ? "<NaN>" : value;
  if (typeof value === "string") {
    if (UUID.test(value)) return side.aliasOf(value);
    if (TIMESTAMP.test(value) && key !== undefined && timeFields.has(key)) return "<time>";
    return value;
  }
  if (value instanceof Date)
    return key !== undefined && timeFields.has(key) ? "<time>" : `<Date ${value.toISOString()}>`;
  if (value instanceof Entity) return entityJson(value, side);
  if (Array.isArray(value)) {
    const items = value.map((item) => normalize(item, side));
    return key !== undefined && setFields.has(key) ? items.sort() : items;
  }
  if (typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = normalize(v, side, k);
    }
    return out;
  }
  return `<${typeof value}>`;
}

/** An error as a TD can tell it apart: its class and code (the message is prose and may differ). */
export function normalizeError(error: unknown): Json {
  if (error instanceof MissingAliasError) return { class: "MissingAlias", code: error.code };
  if (isTrackerError(error)) return { class: error.constructor.name, code: error.code };
  const e = error as Error;
  return { class: "crash", name: e?.name ?? typeof error, message: String(e?.message ?? error) };
}

/** Events of one step, sorted (their order within one write is not part of the contract). */
export function normalizeEvents(events: readonly SeenEvent[], side: Side): Json[] {
  // Aliases are handed out in the order ids are met: meet them in an order both backends share.
  return [...events]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      (e): Json => ({
        name: e.name,
        id: side.aliasOf(e.id),
        project: e.projectId === null ? null : side.aliasOf(e.projectId),
        data: normalize(e.data, side),
      }),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
