import { inspect } from "node:util";
import type { Capability } from "../adapter/capabilities.js";
import type { PartialRecord, RemoveOptions, RemoveResult, TrackerAdapter } from "../adapter/contract.js";
import { checkUpdate } from "../collections/new-input.js";
import { readSessionOptions, type SessionOptions } from "../config/session-options.js";
import { UnsupportedError, ValidationError } from "../errors.js";
import { EventHub } from "../events/hub.js";
import type { TrackerEvent } from "../events/tracker-event.js";
import { kindOfEventKind } from "../events/vocabulary.js";
import { IdentityMap } from "../identity/identity-map.js";
import type { AnyEntity } from "../model/entity.js";
import {
  applyRecord,
  builtWhole,
  isComplete,
  patchFields,
  releaseEntity,
  type StatefulEntity,
} from "../model/meta/entity-state.js";
import { type RelationMeta, relationsOf } from "../model/meta/metadata.js";
import { createEntity, entityClassOf } from "../model/meta/registry.js";
import type { EntityOf } from "../model/types.js";
import type { Id } from "../schema/common.js";
import {
  type CreatableKind,
  type CreateData,
  type Kind,
  kinds,
  type RecordOf,
  type UpdatableKind,
  type UpdateData,
} from "../schema/kinds.js";
import { rulesOf } from "../schema/rules.js";
import { taskEntityKindSchema } from "../schema/tasks.js";
import { staleDependents } from "./stale-dependents.js";
import type { Tracker } from "./tracker.js";

/** Kinds a main preview can belong to; `preview-file:set-main` names the entity without its kind. */
const previewOwnerKinds: readonly Kind[] = taskEntityKindSchema.options;

/** Entities used last, held strongly whatever the caller keeps (see IdentityMap). */
const recentEntities = 1_000;

/** The tasks of a shot or asset loaded with its tasks, and when they were read. */
interface PreloadedTasks {
  tasks: EntityOf<"task">[];
  at: number;
}

/** Kinds whose tasks `withTasks()` preloads. */
const taskOwnerKinds: ReadonlySet<Kind> = new Set(["shot", "asset"]);

/**
 * What entities and collections share within one session: the adapter, the identity map and the
 * event hub. Internal: TDs see the Tracker and its entities.
 */
export class SessionContext {
  readonly identity: IdentityMap<AnyEntity>;
  /**
   * Tasks of shots and assets loaded with their tasks (`withTasks()`), so that their task
   * collections answer without a request until a task is created or deleted, or cacheTtl passes.
   * The tasks are held here (the identity map holds them weakly) and leave with their shot or asset
   * (collected once the caller let it go, or evicted).
   */
  private readonly tasksByEntity = new Map<Id, PreloadedTasks>();
  /**
   * Counts the task creations and deletions seen, so that a `withTasks()` answer read before one of
   * them is not kept as the entity's whole task list.
   */
  get tasksChanges(): number {
    return this.taskChangeCount;
  }
  private taskChangeCount = 0;
  readonly hub: EventHub<AnyEntity>;
  private readonly ttlMs: number;
  /** When the adapter's own caches were last dropped (see `adapter`). */
  private adapterCacheAt = Date.now();

  constructor(
    private readonly trackerAdapter: TrackerAdapter,
    readonly tracker: Tracker,
    options: Required<SessionOptions> = readSessionOptions({}),
  ) {
    this.ttlMs = options.cacheTtl * 1000;
    this.identity = new IdentityMap<AnyEntity>({
      ttlMs: this.ttlMs,
      recent: recentEntities,
      onForget: (kind, id) => {
        if (taskOwnerKinds.has(kind)) this.tasksByEntity.delete(id);
      },
      onRelease: releaseEntity,
    });
    this.hub = new EventHub<AnyEntity>({
      adapter: trackerAdapter,
      load: (kind, id) => this.load(kind, id),
      onEvent: (event) => this.onEvent(event),
    });
  }

  /** A session prints as its tracker's name: its adapter holds the credentials. */
  toJSON(): Record<string, unknown> {
    return { session: this.adapter.name, entities: this.identity.size };
  }

  [inspect.custom](): string {
    return `SessionContext ${inspect(this.toJSON())}`;
  }

  /**
   * The adapter. Every call into it passes here, so this is where the adapter's own caches (Kitsu's
   * studio lists) are dropped once cacheTtl has passed since they last were: the bound holds for
   * what the adapter remembers as for the identity map.
   */
  get adapter(): TrackerAdapter {
    const now = Date.now();
    if (now - this.adapterCacheAt >= this.ttlMs) {
      this.adapterCacheAt = now;
      this.trackerAdapter.clearCache?.();
    }
    return this.trackerAdapter;
  }

  /** Forgets every entity, name and preloaded task list, and the adapter's caches. */
  clearCache(): void {
    this.identity.clear();
    this.tasksByEntity.clear();
    this.adapterCacheAt = Date.now();
    this.trackerAdapter.clearCache?.();
  }

  /** The tasks `withTasks()` read for a shot or asset, while within cacheTtl. */
  preloadedTasks(entityId: Id): EntityOf<"task">[] | undefined {
    const preloaded = this.tasksByEntity.get(entityId);
    return preloaded && Date.now() - preloaded.at < this.ttlMs ? preloaded.tasks : undefined;
  }

  /** Remembers the whole task list of shots or assets, unless a task was created or deleted since `changes`. */
  preloadTasks(byEntity: ReadonlyMap<Id, EntityOf<"task">[]>, changes: number): void {
    if (this.taskChangeCount !== changes) return;
    const at = Date.now();
    for (const [entityId, tasks] of byEntity) this.tasksByEntity.set(entityId, { tasks, at });
  }

  /** Throws UnsupportedError when the tracker lacks `capability`. */
  require(capability: Capability): void {
    if (!this.adapter.capabilities[capability]) throw UnsupportedError.capability(this.adapter.name, capability);
  }

  /** The relations an entity class declares (its decorators' metadata). */
  relationsOf(kind: Kind): readonly RelationMeta[] {
    return relationsOf(entityClassOf(kind).prototype);
  }

  /**
   * The entity for a record: the session's existing object (updated) or a new one. A partial record
   * (fields the tracker's answer lacked) updates what it carries; an entity built from one stays
   * stale, so that the next lookup by id reads it whole. A `streamed` entity (iterate()) is held
   * only while its page is current (see IdentityMap).
   */
  materialize<K extends Kind>(
    kind: K,
    record: RecordOf<K> | PartialRecord<RecordOf<K>>,
    streamed = false,
  ): EntityOf<K> {
    const id = record.id as Id;
    const existing = this.identity.peek(kind, id);
    if (existing) {
      applyRecord(existing, record);
      if (isComplete(kind, record)) this.identity.markFresh(kind, id);
      if (!streamed) this.identity.keep(kind, id);
      return existing as EntityOf<K>;
    }
    const entity = createEntity(this, kind, record as RecordOf<K>);
    if (streamed) this.identity.setStreamed(kind, id, entity);
    else this.identity.set(kind, id, entity);
    if (!builtWhole(entity)) this.identity.markStale(kind, id);
    return entity;
  }

  /** A streamed entity let go and used again (see IdentityMap.adopt). */
  adopt(kind: Kind, id: Id, entity: StatefulEntity): void {
    this.identity.adopt(kind, id, entity as AnyEntity);
  }

  /** One record by id: from the identity map when fresh, else from the tracker. */
  async load<K extends Kind>(kind: K, id: Id): Promise<EntityOf<K>> {
    const known = this.identity.get(kind, id);
    if (known) return known as EntityOf<K>;
    return this.materialize(kind, await this.adapter.get(kind, id));
  }

  /** Several records by id, in the order asked; unknown ids are left out. */
  async loadMany<K extends Kind>(kind: K, ids: readonly Id[]): Promise<EntityOf<K>[]> {
    // Held here until returned: the identity map alone may let them go.
    const found = new Map<Id, EntityOf<K>>();
    const missing: Id[] = [];
    for (const id of ids) {
      const known = this.identity.get(kind, id);
      if (known) found.set(id, known as EntityOf<K>);
      else missing.push(id);
    }
    if (missing.length > 0) {
      for (const record of await this.adapter.getMany(kind, missing))
        found.set(record.id, this.materialize(kind, record));
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async create<K extends CreatableKind>(kind: K, data: CreateData<K>): Promise<EntityOf<K>> {
    return this.absorbCreated(kind, await this.adapter.create(kind, data));
  }

  /** Puts a record just created into the session: names that matched one record may now match two. */
  absorbCreated<K extends CreatableKind>(kind: K, record: RecordOf<K>): EntityOf<K> {
    this.identity.forgetNames(kind);
    if (kind === "task") this.tasksChanged((record as RecordOf<"task">).entityId);
    return this.materialize(kind, record);
  }

  /** Validates a patch with the kind's update schema, sends it, and puts the result into `entity`. */
  async update<K extends UpdatableKind>(entity: AnyEntity, kind: K, patch: Record<string, unknown>): Promise<void> {
    const parsed = kinds[kind].update.safeParse(patch);
    if (!parsed.success) throw ValidationError.fromZod(`${kind} update`, parsed.error);
    await checkUpdate(this, entity, kind as K & CreatableKind, parsed.data as Record<string, unknown>);
    const record = await this.adapter.update(kind, entity.id, parsed.data as UpdateData<K>);
    this.identity.forgetNamesOf(kind, entity.id);
    applyRecord(entity, record, true);
    this.identity.markFresh(kind, entity.id);
  }

  /** Puts a record an operation returned (assign, publish, ...) into the session. */
  absorb<K extends Kind>(kind: K, record: RecordOf<K>): EntityOf<K> {
    this.identity.forgetNamesOf(kind, record.id);
    return this.materialize(kind, record);
  }

  async remove(entity: AnyEntity, options: RemoveOptions): Promise<RemoveResult> {
    const result = await this.adapter.remove(entity.kind, entity.id, options);
    if (entity.kind === "task") this.tasksChanged((entity as EntityOf<"task">).entityId);
    if (result.outcome === "deleted") {
      this.identity.evict(entity.kind, entity.id);
      staleDependents(this.identity, rulesOf(this.adapter), entity.kind, entity.id);
    } else this.identity.markStale(entity.kind, entity.id);
    return result;
  }

  /** A task was created or deleted (on `entityId`, or anywhere when unknown): preloaded task lists go. */
  private tasksChanged(entityId?: Id): void {
    this.taskChangeCount += 1;
    if (entityId === undefined) this.tasksByEntity.clear();
    else this.tasksByEntity.delete(entityId);
  }

  /**
   * A preview became the main preview of its task's shot or asset: the cached entity takes the new
   * `previewId` without a refetch. Both our own writes and `preview-file:set-main` events come here,
   * so an entity in hand reads the same `previewId` whoever set it; the other fields the tracker
   * touched (`updatedAt`) are refetched after the entity's own `:update` event, which Kitsu sends
   * alongside (recorded 194).
   */
  mainPreviewSet(entityId: Id, previewId: Id): void {
    for (const kind of previewOwnerKinds) {
      const entity = this.identity.peek(kind, entityId);
      if (entity) patchFields(entity, { previewId });
    }
  }

  /** Keeps the identity map current with what happens on the tracker. */
  private onEvent(event: TrackerEvent<string & TrackerEvent["name"], AnyEntity>): void {
    const kind = (kindOfEventKind as Record<string, Kind | undefined>)[event.kind];
    if (kind === undefined) return;
    if (kind === "task" && (event.action === "new" || event.action === "delete")) this.tasksChanged();
    if (event.action === "new") this.identity.forgetNames(kind);
    else if (event.action === "delete") this.identity.evict(kind, event.id);
    else this.identity.markStale(kind, event.id);
    const data = event.data as Record<string, unknown>;
    if (typeof data.taskId === "string" && kind !== "task") this.identity.markStale("task", data.taskId as Id);
    if (
      event.name === "preview-file:set-main" &&
      typeof data.entityId === "string" &&
      typeof data.previewFileId === "string"
    ) {
      this.mainPreviewSet(data.entityId as Id, data.previewFileId as Id);
    }
  }
}
