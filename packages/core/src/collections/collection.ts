import { inspect } from "node:util";
import type { Capability } from "../adapter/capabilities.js";
import type { CreateManyOptions } from "../adapter/contract.js";
import { AmbiguousError, NotFoundError } from "../errors.js";
import { eachItem, parseOptions, requireList } from "../input-shape.js";
import type { EntityOf, Identified } from "../model/types.js";
import type { Id } from "../schema/common.js";
import type { CreatableKind, CreateData, Kind, RecordOf, Where } from "../schema/kinds.js";
import { createManyOptionsSchema } from "../schema/options.js";
import { rulesOf } from "../schema/rules.js";
import { taskEntityKindSchema } from "../schema/tasks.js";
import type { SessionContext } from "../session/session-context.js";
import { createBatch } from "./bulk-create.js";
import { fetchAll, fetchByName, fetchPages, queryThenTasks } from "./fetch.js";
import { type NewInput, toCreateData } from "./new-input.js";
import { checkQuery, mergeWhere, type Query } from "./query.js";
import { resolveRef } from "./resolve.js";

export interface CollectionOptions {
  /** The adapter-level filter that defines the collection, read at each call (its owner may change). */
  scope: () => Record<string, unknown>;
  /** Where the collection lives, for messages: `project "Bunny"`, `the studio`. */
  label: () => string;
  /** Project the collection belongs to: relation names in queries are looked up in it. */
  projectId?: () => Id | undefined;
  /** Capability the tracker needs for this collection (episodes, playlists, ...). */
  capability?: Capability;
}

export interface WritableCollectionOptions<E> extends CollectionOptions {
  /** What `new()` fills in from the scope: `{ projectId }`, `{ sequenceId, projectId }`. */
  defaults?: () => Record<string, unknown>;
  /** Runs after a create (enabling a new task type on the project). */
  afterCreate?: (entity: E) => Promise<void>;
}

/**
 * A relation that holds many records, with the same verbs everywhere: get, find, filter, all,
 * iterate. The read-only ones hold what domain operations write: `task.previews`,
 * `task.timeSpents`, `comment.previews`, `comment.attachments`.
 *
 * @example
 * const previews = await task.previews.filter({ revision: 3 });
 */
export class ReadCollection<K extends Kind, E extends Identified = EntityOf<K>> {
  /** @internal */
  constructor(
    protected readonly context: SessionContext,
    readonly kind: K,
    protected readonly options: CollectionOptions,
  ) {}

  /**
   * The one record matching `query`: NotFoundError when none does, AmbiguousError when several do.
   * A repeated lookup by `{ name }` is answered by the session's identity map.
   *
   * @example
   * const shot = await project.shots.get({ name: "sq170_sh0224" });
   */
  async get(query: Query<K, E>): Promise<E> {
    const found = await this.match(query);
    const [only] = found;
    if (found.length === 1 && only) return only;
    if (found.length === 0) throw NotFoundError.query(this.kind, query, this.options.label());
    throw AmbiguousError.query(
      this.kind,
      query,
      this.options.label(),
      found.map((e) => e.id),
    );
  }

  /** Like get(), with `undefined` when nothing matches. */
  async find(query: Query<K, E>): Promise<E | undefined> {
    const found = await this.match(query);
    if (found.length > 1) {
      throw AmbiguousError.query(
        this.kind,
        query,
        this.options.label(),
        found.map((e) => e.id),
      );
    }
    return found[0];
  }

  /** Every record matching `query`. */
  async filter(query: Query<K, E>): Promise<E[]> {
    return this.match(query);
  }

  /** Every record of the collection. */
  async all(): Promise<E[]> {
    return this.match({} as Query<K, E>);
  }

  /**
   * The records page by page as the tracker serves them, for collections too large to hold.
   *
   * @example
   * for await (const shot of project.shots.iterate({ sequence: "sq170" })) console.log(shot.name);
   */
  async *iterate(query?: Query<K, E>): AsyncGenerator<E> {
    const where = await this.toWhere(query === undefined ? ({} as Query<K, E>) : query);
    if (where === null) return;
    const pages = fetchPages(this.context, this.kind, where, { streamed: true });
    for await (const page of pages) yield* page as unknown as E[];
  }

  /**
   * The shots (or assets) matching `query` with all their tasks, in one round trip where the
   * tracker allows it (Kitsu: one request whatever the number of shots). Their `tasks.all()` and
   * `tasks.fetch()` then cost no request until a task is created or deleted.
   *
   * @example
   * for (const shot of await project.shots.withTasks()) console.log(shot.name, (await shot.tasks.all()).length);
   */
  async withTasks<W extends K & ("shot" | "asset")>(this: ReadCollection<W, E>, query?: Query<W, E>): Promise<E[]> {
    const where = await this.toWhere(query === undefined ? ({} as Query<W, E>) : query);
    if (where === null) return [];
    const { adapter } = this.context;
    const changesBefore = this.context.tasksChanges;
    const { records, tasks } = adapter.queryWithTasks
      ? await adapter.queryWithTasks(this.kind, where as Where<W>)
      : await queryThenTasks(this.context, this.kind, where);
    const entities = records.map((record) => this.context.materialize(this.kind, record as RecordOf<W>));
    const byEntity = new Map<Id, EntityOf<"task">[]>(entities.map((e) => [e.id, []]));
    for (const record of tasks) {
      const task = this.context.materialize("task", record);
      byEntity.get(task.entityId)?.push(task);
    }
    // A task created or deleted while the answer was on its way makes these lists incomplete.
    this.context.preloadTasks(byEntity, changesBefore);
    return entities as unknown as E[];
  }

  /** A collection prints as what it holds and where: its session (and credentials) stay out. */
  toJSON(): Record<string, unknown> {
    return { collection: this.kind, of: this.options.label() };
  }

  /** What `console.log` and `util.inspect` print: the collection's kind and owner, never credentials or tokens. */
  [inspect.custom](): string {
    return `${this.constructor.name} ${inspect(this.toJSON())}`;
  }

  protected async match(query: Query<K, E>): Promise<E[]> {
    const where = await this.toWhere(query);
    if (where === null) return [];
    const keys = Object.keys(query as object).filter((k) => (query as Record<string, unknown>)[k] !== undefined);
    const byName = keys.length === 1 && keys[0] === "name" && typeof where.name === "string";
    const found = byName
      ? await fetchByName(this.context, this.kind, where)
      : await fetchAll(this.context, this.kind, where);
    return found as unknown as E[];
  }

  /** Validates the query (before any request), resolves relation values, adds the scope. */
  protected async toWhere(query: Query<K, E>): Promise<Record<string, unknown> | null> {
    if (this.options.capability) this.context.require(this.options.capability);
    const metas = this.context.relationsOf(this.kind);
    const checked = checkQuery(rulesOf(this.context.adapter), this.kind, metas, query as Record<string, unknown>);
    const fields = { ...checked.fields };
    const projectId = this.options.projectId?.();
    for (const { meta, value } of checked.relations) {
      const target = typeof meta.target === "string" ? meta.target : taskEntityKindSchema.options;
      fields[meta.idField] = await resolveRef(
        this.context,
        target as Kind | Kind[],
        value,
        `${this.kind} query (${meta.key})`,
        projectId,
      );
    }
    return mergeWhere(this.options.scope(), fields);
  }
}

/**
 * A collection that can also create records (`new`, `newMany`). The tracker's studio-wide lists
 * (`tracker.projects`, `tracker.persons`, `tracker.taskTypes`, ...) and an entity's children
 * (`project.shots`, `sequence.shots`, `project.assets`, ...) are collections.
 *
 * @example
 * const sh = await project.shots.new({ name: "sh0010", sequence: "sq170", frameIn: 101, frameOut: 200 });
 */
export class Collection<K extends CreatableKind, E extends Identified = EntityOf<K>> extends ReadCollection<K, E> {
  /** @internal */
  constructor(
    context: SessionContext,
    kind: K,
    protected override readonly options: WritableCollectionOptions<E>,
  ) {
    super(context, kind, options);
  }

  /**
   * Creates a record in this collection. Relations take names, ids or entities; the collection
   * fills in its own (a sequence's shots get its sequence and project). A duplicate name is a
   * ConflictError from the tracker.
   *
   * @example
   * const hero = await film.assets.new({ name: "Hero", assetType: "Character" });
   */
  async new(input: NewInput<K>): Promise<E> {
    if (this.options.capability) this.context.require(this.options.capability);
    const data = await toCreateData(
      this.context,
      this.kind,
      input,
      this.options.defaults?.() ?? {},
      this.options.projectId?.(),
    );
    const entity = (await this.context.create(this.kind, data as CreateData<K>)) as unknown as E;
    await this.options.afterCreate?.(entity);
    return entity;
  }

  /**
   * Creates several records at once. Every input is checked before the first write (its fields,
   * and its name against the tracker and the rest of the batch: ConflictError), then the tracker
   * creates them in as few round trips as it allows. A failure after some were created is a
   * PartialWriteError whose `written.ids.created` lists them.
   *
   * @example
   * const shots = await seq.shots.newMany(names.map((name) => ({ name, frameIn: 101, frameOut: 200 })));
   */
  async newMany(inputs: readonly NewInput<K>[], options: CreateManyOptions = {}): Promise<E[]> {
    if (this.options.capability) this.context.require(this.options.capability);
    requireList(inputs, "newMany()", '[{ name: "sh0010" }, { name: "sh0020" }]');
    const checked = parseOptions(createManyOptionsSchema, options, "newMany() options", "{ concurrency: 4 }");
    const defaults = this.options.defaults?.() ?? {};
    const projectId = this.options.projectId?.();
    const data = await eachItem(inputs, "newMany() inputs", (input) =>
      toCreateData(this.context, this.kind, input, defaults, projectId),
    );
    const records = await createBatch(this.context.adapter, this.kind, data as CreateData<K>[], checked);
    const entities = records.map((record) => this.context.absorbCreated(this.kind, record) as unknown as E);
    for (const entity of entities) await this.options.afterCreate?.(entity);
    return entities;
  }
}
