import type { EventRecord } from "../adapter/event-record.js";
import { UnsupportedError } from "../errors.js";
import type { Id } from "../schema/common.js";
import type { Kind } from "../schema/kinds.js";
import {
  type EventData,
  type EventKind,
  type EventName,
  kindOfEventKind,
  specificEventNames,
  splitEventName,
} from "./vocabulary.js";

/**
 * An event as listeners receive it: what the adapter reported, plus `load()`, which fetches the
 * entity the event is about. A name outside the vocabulary (Kitsu has many more) still arrives,
 * typed as `EventName`, with its payload as the tracker sent it.
 */
export interface TrackerEvent<N extends EventName = EventName, E = unknown> {
  /** `kind:action`, e.g. `task:status-changed`. */
  name: N;
  /** The kind in Kitsu's kebab-case: `shot`, `task`, `preview-file`. */
  kind: string;
  /** `new`, `update`, `delete`, `status-changed`, ... */
  action: string;
  /** Id of the record the event is about. */
  id: Id;
  /** Project the record belongs to; null for studio-wide records (persons, task types, statuses). */
  projectId: Id | null;
  at: Date;
  data: EventData<N>;
  /** Resume point for `events.since()`; null when the tracker gives live events none. */
  cursor: string | null;
  /** Fetches the entity the event is about (rejects with NotFoundError after a delete). */
  load(): Promise<E>;
}

/** Loads an entity by core kind and id; the session passes its identity-map-aware loader. */
export type EntityLoader<E> = (kind: Kind, id: Id) => Promise<E>;

const crudActions = new Set(["new", "update", "delete"]);
const specificNames = new Set<string>(specificEventNames);

/** True for the event kinds the entity model has (`shot`, `preview-file`, ...). */
export function isEventKind(kind: string): kind is EventKind {
  return Object.hasOwn(kindOfEventKind, kind);
}

/** True for the names of the vocabulary; anything else is delivered to `*` listeners only. */
export function isEventName(name: string): name is EventName {
  if (specificNames.has(name)) return true;
  const { kind, action } = splitEventName(name);
  return isEventKind(kind) && crudActions.has(action);
}

/** Turns an adapter's EventRecord into the event listeners receive. */
export function createTrackerEvent<E>(record: EventRecord, load: EntityLoader<E>): TrackerEvent<EventName, E> {
  const { name, kind } = record;
  return {
    // Names outside the vocabulary are carried as they are; isEventName tells them apart at run time.
    name: name as EventName,
    kind,
    action: record.action,
    id: record.id,
    projectId: record.projectId,
    at: record.at,
    // The adapter builds the payload from the same vocabulary; the map types it by name.
    data: record.data as EventData<EventName>,
    cursor: record.cursor,
    load: () =>
      isEventKind(kind)
        ? load(kindOfEventKind[kind], record.id)
        : Promise.reject(UnsupportedError.eventLoad(name, kind)),
  };
}
