import type { EventKind } from "@gadget/core";
import type { CastingLink, Id, Kind, RecordOf, TaskEntityKind, TrackerRules } from "@gadget/core/adapter";
import { checkUuid, eventKindOf, kindNames, NotFoundError, taskEntityKindSchema } from "@gadget/core/adapter";
import { EventHistory } from "./event-history.js";
import type { IdGenerator } from "./ids.js";
import { outputRow } from "./row-copy.js";
import { type BaseRow, fieldOf, Table } from "./table.js";

/** A record as the studio stores it: everything but `raw`, which is made when a copy goes out. */
export type Stored<K extends Kind> = Omit<RecordOf<K>, "raw">;

export type Tables = { [K in Kind]: Table<Stored<K>> };

/** Bytes of an uploaded preview or attachment, keyed by the record's id. */
export interface StoredFile {
  fileName: string;
  contentType: string | undefined;
  bytes: Buffer;
}

/** The kinds a task, a casting or a main preview can hang on. */
export type EntityKind = TaskEntityKind;
const entityKinds: readonly EntityKind[] = taskEntityKindSchema.options;

/**
 * Fields indexed per kind: names where lookups by name are common, and the foreign keys queries
 * and rules follow. Fields shared by most rows (a task's status, its name "main") stay unindexed:
 * an index there costs more to keep than the scan it saves.
 */
const indexFields: Record<Kind, readonly string[]> = {
  project: ["name"],
  episode: ["name", "projectId"],
  sequence: ["name", "projectId", "episodeId"],
  shot: ["name", "projectId", "sequenceId"],
  assetType: ["name"],
  asset: ["name", "projectId", "assetTypeId", "episodeId"],
  task: ["projectId", "entityId"],
  taskType: ["name"],
  taskStatus: ["name"],
  comment: ["taskId"],
  preview: ["taskId", "commentId"],
  attachment: ["commentId"],
  person: ["name"],
  department: ["name"],
  playlist: ["name", "projectId", "episodeId"],
  timeSpent: ["taskId", "personId"],
  edit: ["name", "projectId", "episodeId"],
  concept: ["name", "projectId"],
  scene: ["name", "projectId", "sequenceId"],
};

const camelIdKey = (eventKind: string): string =>
  `${eventKind.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}Id`;

export interface StudioOptions {
  /** The rules the store enforces (unique keys are kept as indexes). */
  rules: TrackerRules;
  ids: IdGenerator;
  now: () => Date;
  eventSeq?: number;
  onHandlerError?: (error: unknown) => void;
}

/** Everything a mock tracker holds: rows per kind, file bytes, casting, and the event log. */
export class Studio {
  readonly tables: Tables;
  readonly files = new Map<Id, StoredFile>();
  /** Entity id → its casting, in the order it was set. */
  readonly casting = new Map<Id, CastingLink[]>();
  /** Asset id → entities it is cast in. */
  readonly castIn = new Map<Id, Set<Id>>();
  readonly events: EventHistory;
  readonly ids: IdGenerator;
  /** The clock that stamps rows and events. */
  readonly now: () => Date;
  readonly rules: TrackerRules;
  /** While true (bulk seeding), writes record no events. */
  silent = false;
  /**
   * The person the session acts as, as a Kitsu session is its login's: the author of a comment
   * posted without one. Null in a bare studio.
   */
  sessionPersonId: Id | null = null;

  constructor(options: StudioOptions) {
    this.ids = options.ids;
    this.now = options.now;
    this.rules = options.rules;
    this.events = new EventHistory(options.eventSeq ?? 0, options.onHandlerError);
    const tables: Partial<Record<Kind, Table<BaseRow>>> = {};
    for (const kind of kindNames) tables[kind] = new Table(indexFields[kind], options.rules[kind].unique);
    this.tables = tables as unknown as Tables;
  }

  /** The table of a kind's rows. */
  table<K extends Kind>(kind: K): Tables[K] {
    return this.tables[kind];
  }

  /** Inserts a row already checked against its kind's schema (snapshots). */
  insertChecked(kind: Kind, row: BaseRow): void {
    (this.tables[kind] as unknown as Table<BaseRow>).insert(row);
  }

  /** A fresh id no record holds (a generator seeded like the one that made a snapshot would repeat its ids). */
  newId(): Id {
    for (;;) {
      const id = this.ids.next();
      if (!this.checkIds || !this.holds(id)) return id;
    }
  }

  /** Set once records came from elsewhere (a snapshot): new ids are then checked against them. */
  checkIds = false;

  /** The stored row of a kind with that id, if any (the store's own object: do not change it). */
  find<K extends Kind>(kind: K, id: Id): Stored<K> | undefined {
    return this.tables[kind].get(id) as Stored<K> | undefined;
  }

  /** Whether a record of any kind has this id. */
  holds(id: string): boolean {
    return kindNames.some((kind) => this.tables[kind].has(id as Id));
  }

  /** The stored row of a kind with that id; NotFoundError when there is none. */
  require<K extends Kind>(kind: K, id: Id): Stored<K> {
    const row = this.find(kind, id);
    if (row) return row;
    // Kitsu refuses an id that is not a UUID as bad input; a snapshot's id of another shape is found above.
    checkUuid(id, kind);
    throw NotFoundError.entity(kind, String(id));
  }

  /** The session's person while it still exists. */
  sessionPerson(): Id | null {
    return this.sessionPersonId && this.tables.person.has(this.sessionPersonId) ? this.sessionPersonId : null;
  }

  /** Which entity kind an id belongs to, if any. */
  entityKindOf(id: Id): EntityKind | undefined {
    return entityKinds.find((kind) => this.tables[kind].has(id));
  }

  /** The shot, asset, sequence or episode with that id, and its kind; NotFoundError when none has it. */
  requireEntity(id: Id): { kind: EntityKind; row: Stored<EntityKind> } {
    const kind = this.entityKindOf(id);
    if (!kind) {
      checkUuid(id, "entity");
      throw NotFoundError.entity("shot, asset, sequence, episode, edit, concept or scene", String(id));
    }
    return { kind, row: this.tables[kind].get(id) as Stored<EntityKind> };
  }

  /** A copy of a stored row as the contract returns it: never shared with the store. */
  output<K extends Kind>(_kind: K, row: Stored<K>): RecordOf<K> {
    return outputRow(row) as RecordOf<K>;
  }

  /** The project a row belongs to (a project is its own). */
  projectOf(kind: Kind, row: object): Id | null {
    if (kind === "project") return fieldOf(row, "id") as Id;
    const projectId = fieldOf(row, "projectId");
    return typeof projectId === "string" ? (projectId as Id) : null;
  }

  /** Emits an event (unless the studio is `silent`, as while seeding). */
  emit(name: string, id: Id, projectId: Id | null, data: Record<string, unknown>): void {
    if (!this.silent) this.events.emit(name, id, projectId, data, this.now());
  }

  /** `<kind>:<action>` with Kitsu's generic payload `{ <kind>Id }` plus `extra`. */
  emitCrud(kind: Kind, action: string, row: BaseRow, extra: Record<string, unknown> = {}): void {
    if (this.silent) return;
    const eventKind: EventKind = eventKindOf[kind];
    this.emit(`${eventKind}:${action}`, row.id, this.projectOf(kind, row), {
      [camelIdKey(eventKind)]: row.id,
      ...extra,
    });
  }
}
