import { asId, type EventRecord, splitEventName } from "@gadget/core/adapter";
import { encodeEventCursor } from "./cursor.js";
import { parseZouTime } from "./zou-time.js";

/*
 * Zou event payloads (zou.md §6) → core EventRecords. A socket payload is the emitter's dict of
 * snake_case ids plus `project_id`; a history row (`GET /data/events/last`) wraps the same dict in
 * `{ id, created_at, name, user_id, project_id, data }`. Both map to the same record, except for
 * `at` and `cursor`, so a listener cannot tell a replayed event from a live one.
 */

/** A row of `GET /data/events/last` (recorded/252–254). */
export interface ZouEventRow {
  id: string;
  /** Naive UTC, `2026-11-29T16:04:11`. */
  created_at: string;
  name: string;
  user_id?: string | null;
  project_id?: string | null;
  data?: Record<string, unknown> | null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): boolean => value === undefined || value === null || typeof value === "string";

/** Whether a value has the shape of a history row (the package has no zod of its own to parse with). */
export function isZouEventRow(value: unknown): value is ZouEventRow {
  if (!isPlainObject(value)) return false;
  const { id, created_at, name, user_id, project_id, data } = value;
  return (
    typeof id === "string" &&
    id.length > 0 &&
    typeof created_at === "string" &&
    !Number.isNaN(parseZouTime(created_at).getTime()) &&
    typeof name === "string" &&
    name.length > 0 &&
    optionalString(user_id) &&
    optionalString(project_id) &&
    (data === undefined || data === null || isPlainObject(data))
  );
}

/** `nb_entities_out` → `nbEntitiesOut`. Only top-level keys: nested dicts (an asset's `data`) are user keys. */
export const camelKey = (key: string): string => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * The id an event is about: `<kind>_id` (`preview-file` → `preview_file_id`), else the most specific
 * id the payload has. The fallback order is fixed, not the payload's key order, because Zou's JSONB
 * history reorders keys and a live event must map exactly like its replayed copy.
 */
function subjectId(kind: string, payload: Record<string, unknown>): string {
  const own = payload[`${kind.replaceAll("-", "_")}_id`];
  if (typeof own === "string" && own) return own;
  const idKeys = Object.keys(payload)
    .filter((k) => k.endsWith("_id") && typeof payload[k] === "string" && payload[k])
    .sort();
  const rank = (k: string) => (k === "entity_id" ? 0 : k === "person_id" ? 2 : k === "project_id" ? 3 : 1);
  const best = idKeys.sort((a, b) => rank(a) - rank(b))[0];
  return best === undefined ? "" : String(payload[best]);
}

interface Meta {
  at: Date;
  cursor: string | null;
  /** The row's own `project_id`, for history rows whose `data` lacks it. */
  projectId?: string | null;
}

function toRecord(name: string, payload: Record<string, unknown>, meta: Meta): EventRecord {
  const { kind, action } = splitEventName(name);
  const own = payload.project_id;
  const projectId = typeof own === "string" && own ? own : meta.projectId || null;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    // projectId is a field of its own; a project event keeps it, as it is the record's id.
    if (key === "project_id" && kind !== "project") continue;
    data[camelKey(key)] = value;
  }
  return {
    name,
    kind,
    action,
    id: asId(subjectId(kind, payload)),
    projectId: projectId === null ? null : asId(projectId),
    at: meta.at,
    data,
    cursor: meta.cursor,
  };
}

/** A live socket.io event. Socket payloads carry no timestamp, so `at` is when it arrived. */
export function fromSocketEvent(name: string, payload: unknown, receivedAt: Date = new Date()): EventRecord {
  return toRecord(name, isPlainObject(payload) ? payload : {}, { at: receivedAt, cursor: null });
}

/** A persisted event (`GET /data/events/last` row), with its time and a cursor to resume after it. */
export function fromHistoryRow(row: ZouEventRow): EventRecord {
  return toRecord(row.name, row.data ?? {}, {
    at: parseZouTime(row.created_at),
    cursor: encodeEventCursor(row.created_at, row.id),
    projectId: row.project_id ?? null,
  });
}

const stable = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
};

/** What makes two records the same occurrence, whichever way they arrived (time and cursor aside). */
export function eventSignature(event: EventRecord): string {
  return `${event.name}|${event.projectId ?? ""}|${stable(event.data)}`;
}
