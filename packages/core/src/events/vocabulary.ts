import type { Id } from "../schema/common.js";
import type { Kind } from "../schema/kinds.js";

/*
 * The event names Kitsu TDs already know (zou.md §6), with their payloads camelCased. Both adapters
 * emit exactly these for the same writes; the compliance suite checks it.
 */

/** Core kind → the kind name events use. */
export const eventKindOf = {
  project: "project",
  episode: "episode",
  sequence: "sequence",
  shot: "shot",
  assetType: "asset-type",
  asset: "asset",
  task: "task",
  taskType: "task-type",
  taskStatus: "task-status",
  comment: "comment",
  preview: "preview-file",
  attachment: "attachment-file",
  person: "person",
  department: "department",
  playlist: "playlist",
  timeSpent: "time-spent",
} as const satisfies Record<Kind, string>;

/** An event's kind as Kitsu names it: `shot`, `preview-file`, `task-type`, ... */
export type EventKind = (typeof eventKindOf)[Kind];

/** Event kind → core kind, for `load()`. */
export const kindOfEventKind: Readonly<Record<EventKind, Kind>> = Object.fromEntries(
  Object.entries(eventKindOf).map(([k, v]) => [v, k]),
) as Record<EventKind, Kind>;

type Crud<K extends EventKind> = `${K}:new` | `${K}:update` | `${K}:delete`;

/** Payloads of the events with a specific shape; every other `kind:action` carries `{ [kind]Id }`. */
export interface SpecificEventData {
  "task:status-changed": { taskId: Id; newTaskStatusId: Id; previousTaskStatusId: Id; personId: Id | null };
  "task:to-review": {
    taskId: Id;
    newTaskStatusId: Id;
    previousTaskStatusId: Id;
    personId: Id | null;
    commentId: Id;
  };
  "task:assign": { taskId: Id; personId: Id };
  "task:unassign": { taskId: Id; personId: Id };
  "task:delete": { taskId: Id; entityId: Id; taskTypeId: Id };
  "comment:new": { commentId: Id; taskId: Id; taskStatusId: Id };
  "comment:update": { commentId: Id; taskId?: Id };
  "preview-file:new": { previewFileId: Id; commentId: Id };
  "preview-file:add-file": {
    commentId: Id;
    taskId: Id;
    previewFileId: Id;
    revision: number;
    extension: string;
    status: string;
  };
  "preview-file:set-main": { entityId: Id; previewFileId: Id };
  "shot:casting-update": { shotId: Id; nbEntitiesOut: number; addedAssetIds: Id[]; removedAssetIds: Id[] };
  "asset:casting-update": { assetId: Id; nbEntitiesOut: number; addedAssetIds: Id[]; removedAssetIds: Id[] };
  "episode:casting-update": { episodeId: Id; nbEntitiesOut: number; addedAssetIds: Id[]; removedAssetIds: Id[] };
  "playlist:add_entity": { playlistId: Id; entityId: Id; previewFileId: Id | null };
  "project:update": { projectId: Id };
}

type CamelIdKey<K extends string> = K extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelIdKey<T>>}` : K;
type GenericName = Crud<EventKind>;
type GenericData<N extends string> = N extends `${infer K}:${string}` ? { [P in `${CamelIdKey<K>}Id`]: Id } : never;

/** Every event name the vocabulary knows. */
export type EventName = GenericName | keyof SpecificEventData;

/** The `data` of an event by name. */
export type EventData<N extends EventName> = N extends keyof SpecificEventData ? SpecificEventData[N] : GenericData<N>;

/** The names of the specific events, for listings and docs. */
export const specificEventNames = [
  "task:status-changed",
  "task:to-review",
  "task:assign",
  "task:unassign",
  "comment:new",
  "comment:update",
  "preview-file:new",
  "preview-file:add-file",
  "preview-file:set-main",
  "shot:casting-update",
  "asset:casting-update",
  "episode:casting-update",
  "playlist:add_entity",
  "project:update",
] as const satisfies readonly (keyof SpecificEventData)[];

/** Splits `kind:action`. */
export function splitEventName(name: string): { kind: string; action: string } {
  const at = name.indexOf(":");
  return at < 0 ? { kind: name, action: "" } : { kind: name.slice(0, at), action: name.slice(at + 1) };
}
