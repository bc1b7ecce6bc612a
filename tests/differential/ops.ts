/*
 * The operations a generated sequence is made of: plain JSON (printed in reports, replayed from a
 * seed), naming entities by the aliases the sequence gave them when it created them. The executor
 * turns each into calls on the public API of @gadget/core.
 */

/** How a relation is handed to the API: by the entity's name, the entity object, or its id. */
export type RefForm = "name" | "entity" | "id";

/** The alias of a record that exists nowhere: a missing parent, an unknown id. */
export const MISSING = "!missing";

/** An entity of the run (or of the reference data: `taskType:Animation`) handed over in one form. */
export interface Ref {
  alias: string;
  form: RefForm;
}

/** A value of a query; `{ $ref }` is resolved per backend to a name, an entity or an id. */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | { $ref: Ref }
  | (string | number | boolean | { $ref: Ref })[];

/** A collection: `owner` is an alias (absent: the tracker session), `rel` the property name. */
export interface CollectionPath {
  owner?: string;
  rel: string;
}

export type QueryVerb = "get" | "find" | "filter" | "all" | "iterate" | "withTasks";

export type CustomValue =
  | string
  | number
  | boolean
  | null
  | CustomValue[]
  | { [key: string]: CustomValue }
  /** A value JSON cannot carry (`Date`, `NaN`), marked so the executor builds it. */
  | { $special: "date" | "nan" };

export type CustomData = Record<string, CustomValue>;

export type Op =
  | {
      type: "project.new";
      alias: string;
      name: string;
      productionType: "short" | "featurefilm" | "tvshow";
      fps?: number;
      customData?: CustomData;
    }
  | { type: "episode.new"; project: string; alias: string; name: string }
  | { type: "sequence.new"; project: string; alias: string; name: string; episode?: Ref }
  | {
      type: "shot.new";
      /** `sequence`: `seq.shots.new`; `project`: `project.shots.new({ sequence })`. */
      via: "sequence" | "project";
      project: string;
      sequence: Ref;
      alias: string;
      name: string;
      frameIn?: number;
      frameOut?: number;
      customData?: CustomData;
    }
  | { type: "asset.new"; project: string; alias: string; name: string; assetType: Ref; customData?: CustomData }
  | { type: "task.new"; entity: string; alias: string; taskType: Ref; assignees?: Ref[] }
  | { type: "person.new"; alias: string; firstName: string; lastName: string; email: string }
  | { type: "playlist.new"; project: string; alias: string; name: string }
  | { type: "save"; target: string; fields: Record<string, QueryValue>; customData?: CustomData }
  | { type: "delete"; target: string; force: boolean }
  | { type: "refresh"; target: string }
  | { type: "load"; kind: string; id: string }
  | { type: "query"; collection: CollectionPath; verb: QueryVerb; where: Record<string, QueryValue> }
  | {
      type: "publish";
      task: string;
      alias: string;
      text: string;
      status?: Ref | { unknown: string };
      previews: { width: number; height: number; color: number }[];
      attachments: string[];
      checklist?: { text: string; checked?: boolean }[];
      setMainPreview: boolean;
    }
  | { type: "preview.setMain"; preview: string }
  | { type: "preview.download"; preview: string }
  | { type: "assign" | "unassign"; task: string; person: Ref }
  | { type: "timeSpent"; mode: "set" | "add"; task: string; person: Ref; date: string; seconds: number }
  | { type: "casting.set"; owner: string; entries: { asset: Ref; occurrences: number }[] }
  | { type: "casting.get"; owner: string }
  | { type: "castIn"; asset: string }
  | { type: "playlist.add"; playlist: string; entities: string[] }
  | { type: "playlist.remove"; playlist: string; entities: string[] }
  | { type: "team.add" | "team.remove"; project: string; person: Ref }
  | { type: "team.all"; project: string }
  | { type: "tasks.fetch"; entity: string; taskType: Ref }
  | { type: "search"; text: string; project: string }
  | { type: "raw.get"; path: string }
  /** Two identical `new()` calls at once; the extras are deleted afterwards so both stores agree again. */
  | { type: "concurrent.new"; sequence: string; name: string };

export type OpType = Op["type"];

/** Operations that only read: no event can follow them, so the runner does not wait for any. */
const reads = new Set<OpType>([
  "refresh",
  "load",
  "query",
  "preview.download",
  "casting.get",
  "castIn",
  "team.all",
  "tasks.fetch",
  "search",
  "raw.get",
]);

export const isRead = (op: Op): boolean => reads.has(op.type);

/** The aliases an operation creates, so a report can say where an entity came from. */
export function createdAlias(op: Op): string | undefined {
  return "alias" in op ? op.alias : undefined;
}
