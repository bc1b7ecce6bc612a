import type { Capabilities } from "../adapter/capabilities.js";
import type { RawClient, SearchHit, TrackerAdapter } from "../adapter/contract.js";
import { Collection } from "../collections/collection.js";
import type { RefInput } from "../collections/query.js";
import { resolveRef } from "../collections/resolve.js";
import { type FromEnvOptions, readTrackerConfig } from "../config/env.js";
import { loadAdapter } from "../config/registry.js";
import { readSessionOptions, type SessionOptions } from "../config/session-options.js";
import type { TrackerConfig } from "../config/tracker-config.js";
import { UnsupportedError } from "../errors.js";
import type { TrackerEvent } from "../events/tracker-event.js";
import type { EventName } from "../events/vocabulary.js";
import { getId, type IdLike } from "../ids.js";
import type { AnyEntity } from "../model/entity.js";
import type { Project } from "../model/project.js";
import type { EntityOf } from "../model/types.js";
import type { CreatableKind, Kind } from "../schema/kinds.js";
import { SessionContext } from "./context.js";

export type SearchKind = SearchHit["kind"];

export interface TrackerSearchOptions {
  /**
   * Search one project only: its name, id or the Project.
   *
   * @default every project
   * @example
   * project: "Bunny"
   */
  project?: RefInput<Project>;
  /**
   * Kinds to search.
   *
   * @default every kind the tracker searches
   * @example
   * kinds: ["shot", "asset"]
   */
  kinds?: readonly SearchKind[];
  /**
   * Most hits returned.
   *
   * @default 20
   * @example
   * limit: 5
   */
  limit?: number;
}

/**
 * A session with one tracker: studio-wide collections, search, events, and the adapter's own
 * client. Sessions share nothing: two trackers can be open side by side in one process. A TD gets
 * one from `Tracker.fromEnv()` (the `TRACKER_*` variables), `Tracker.connect(adapter)`, or
 * `project.tracker`.
 *
 * @example
 * const tracker = await Tracker.fromEnv();
 * const anim = await tracker.taskTypes.get({ name: "Animation" });
 */
export class Tracker {
  readonly adapter: TrackerAdapter;
  /** The validated config when the session came from `fromEnv`. */
  readonly config: TrackerConfig | undefined;
  readonly projects: Collection<"project">;
  readonly persons: Collection<"person">;
  readonly departments: Collection<"department">;
  readonly taskTypes: Collection<"taskType">;
  readonly taskStatuses: Collection<"taskStatus">;
  readonly assetTypes: Collection<"assetType">;
  private readonly context: SessionContext;

  private constructor(adapter: TrackerAdapter, config: TrackerConfig | undefined, options: SessionOptions) {
    this.adapter = adapter;
    this.config = config;
    this.context = new SessionContext(adapter, this, readSessionOptions(options));
    this.projects = this.studio("project");
    this.persons = this.studio("person");
    this.departments = this.studio("department");
    this.taskTypes = this.studio("taskType");
    this.taskStatuses = this.studio("taskStatus");
    this.assetTypes = this.studio("assetType");
  }

  /**
   * A session over an adapter you built yourself.
   *
   * @example
   * const tracker = Tracker.connect(new MockTracker({ seed: "demo" }));
   * @example
   * const tracker = Tracker.connect(adapter, { cacheTtl: 10 });
   */
  static connect(adapter: TrackerAdapter, options: SessionOptions & { config?: TrackerConfig } = {}): Tracker {
    return new Tracker(adapter, options.config, options);
  }

  /**
   * A session on the tracker the `TRACKER_*` variables (and `.env`) describe.
   *
   * @example
   * const tracker = await Tracker.fromEnv();
   */
  static async fromEnv(options: FromEnvOptions = {}): Promise<Tracker> {
    const config = readTrackerConfig(options);
    const session = readSessionOptions(options);
    const adapter = await loadAdapter(config, options.modules);
    return new Tracker(adapter, config, session);
  }

  /**
   * One record by kind and id, from the session's identity map when it is fresh.
   *
   * @example
   * const comment = await tracker.load("comment", error.written.ids.comment);
   */
  async load<K extends Kind>(kind: K, id: IdLike): Promise<EntityOf<K>> {
    return this.context.load(kind, getId(id, `tracker.load("${kind}")`));
  }

  /** What the tracker supports. */
  get capabilities(): Readonly<Capabilities> {
    return this.adapter.capabilities;
  }

  /** The adapter's own client (Kitsu: get/post/put/delete on API paths), for what the model lacks. */
  get raw(): RawClient {
    const raw = this.adapter.raw;
    if (!raw) throw UnsupportedError.capability(this.adapter.name, "a raw client");
    return raw;
  }

  /**
   * Finds shots, assets, sequences, episodes and persons by name.
   *
   * @example
   * const hits = await tracker.search("hero", { project, kinds: ["asset"] });
   */
  async search(text: string, options: TrackerSearchOptions = {}): Promise<AnyEntity[]> {
    this.context.require("search");
    const projectId =
      options.project === undefined ? undefined : await resolveRef(this.context, "project", options.project, "search");
    const hits = await this.adapter.search(text, {
      ...(projectId === undefined ? {} : { projectId }),
      ...(options.kinds ? { kinds: options.kinds } : {}),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
    });
    const out: AnyEntity[] = [];
    for (const hit of hits) out.push(await this.context.load(hit.kind, hit.id));
    return out;
  }

  /**
   * Listens to every event of the tracker (`"*"` for all). Returns the function that stops listening.
   *
   * @example
   * const stop = tracker.on("person:new", (e) => console.log(e.id));
   */
  on<N extends EventName>(name: N | "*", handler: (event: TrackerEvent<N, AnyEntity>) => void): () => void {
    return this.context.hub.on(name, handler);
  }

  /**
   * Forgets what the session remembers of the tracker: entities, names looked up, tasks preloaded by
   * `withTasks()`, and the adapter's own caches (Kitsu's task types, statuses, departments). The
   * next lookups ask the tracker; entities in hand keep their values until then, and a lookup of
   * the same record fills the same object. Records also expire on their own after `cacheTtl`.
   *
   * @example
   * tracker.clearCache(); // a new task status was added in Kitsu's web UI
   * const wfa = await tracker.taskStatuses.get({ shortName: "wfa" });
   */
  clearCache(): void {
    this.context.clearCache();
  }

  /** Ends the session: listeners removed, sockets closed, so that a script can exit. */
  async close(): Promise<void> {
    this.context.hub.close();
    await this.adapter.close();
  }

  private studio<K extends CreatableKind>(kind: K): Collection<K, EntityOf<K>> {
    return new Collection<K, EntityOf<K>>(this.context, kind, { scope: () => ({}), label: () => "the studio" });
  }
}
