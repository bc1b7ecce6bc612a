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
  edit: "edit",
  concept: "concept",
  scene: "scene",
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

/** Every name of the vocabulary: the generic `kind:new|update|delete` of each kind, then the specific ones. */
export const eventNames: readonly EventName[] = [
  ...Object.values(eventKindOf).flatMap((kind) => [`${kind}:new`, `${kind}:update`, `${kind}:delete`] as EventName[]),
  ...specificEventNames.filter(
    (name) => !name.endsWith(":new") && !name.endsWith(":update") && !name.endsWith(":delete"),
  ),
];

/** Edit distance of two short strings (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

const actionAliases: Readonly<Record<string, string>> = {
  created: "new",
  create: "new",
  add: "new",
  added: "new",
  updated: "update",
  changed: "update",
  deleted: "delete",
  removed: "delete",
  remove: "delete",
};

/**
 * The vocabulary name a mistyped one most likely meant: `Shot:New` → `shot:new`, `shots:created`
 * → `shot:new`, `task:status-change` → `task:status-changed`; undefined when none is close.
 */
export function closestEventName(name: string): EventName | undefined {
  const lower = name.trim().toLowerCase();
  const { kind, action } = splitEventName(lower);
  const singular = kind.endsWith("s") && !(eventNames as readonly string[]).some((n) => n.startsWith(`${kind}:`));
  const guess = `${singular ? kind.slice(0, -1) : kind}:${actionAliases[action] ?? (action || "new")}`;
  if ((eventNames as readonly string[]).includes(guess)) return guess as EventName;
  let best: { name: EventName; score: number } | undefined;
  for (const candidate of eventNames) {
    const score = distance(lower, candidate);
    if (score <= 3 && (!best || score < best.score)) best = { name: candidate, score };
  }
  return best?.name;
}
