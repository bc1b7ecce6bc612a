import { inspect } from "node:util";
import type { Capabilities } from "../adapter/capabilities.js";
import type { RawClient, SearchHit, TrackerAdapter } from "../adapter/contract.js";
import { Collection } from "../collections/collection.js";
import type { RefInput } from "../collections/query.js";
import { resolveRef } from "../collections/resolve.js";
import { type FromEnvOptions, readEnvSettings } from "../config/env.js";
import { loadAdapter } from "../config/registry.js";
import { hideSecrets } from "../config/secrets.js";
import { readSessionOptions, type SessionOptions } from "../config/session-options.js";
import type { TrackerConfig } from "../config/tracker-config.js";
import { UnsupportedError, ValidationError } from "../errors.js";
import type { TrackerEvent } from "../events/tracker-event.js";
import type { EventName } from "../events/vocabulary.js";
import { type IdLike, ref } from "../ids.js";
import { parseOptions } from "../input-shape.js";
import type { AnyEntity } from "../model/entity.js";
import type { Person } from "../model/person.js";
import type { Project } from "../model/project.js";
import type { EntityOf } from "../model/types.js";
import { type CreatableKind, type Kind, kindNames } from "../schema/kinds.js";
import { searchOptionsSchema } from "../schema/options.js";
import type { CloseOptions } from "./close-options.js";
import { CustomActions } from "./custom-actions.js";
import { SessionContext } from "./session-context.js";

/** The kinds `tracker.search()` finds. */
export type SearchKind = SearchHit["kind"];

/** Longest search text: a search is a few words typed by someone, not a document. */
const maxSearchLength = 200;

/** Options of `tracker.search()`. */
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
   * Most hits returned of each kind (Kitsu limits each of its search indexes).
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
  /** Kitsu's custom actions: buttons of the web UI that POST a selection to a studio URL. */
  readonly customActions: CustomActions;
  private readonly context: SessionContext;

  private constructor(adapter: TrackerAdapter, config: TrackerConfig | undefined, options: SessionOptions) {
    this.adapter = adapter;
    this.config = config === undefined ? undefined : hideSecrets(config);
    this.context = new SessionContext(adapter, this, readSessionOptions(options));
    this.projects = this.studio("project");
    this.persons = this.studio("person");
    this.departments = this.studio("department");
    this.taskTypes = this.studio("taskType");
    this.taskStatuses = this.studio("taskStatus");
    this.assetTypes = this.studio("assetType");
    this.customActions = new CustomActions(adapter);
  }

  /**
   * A session over an adapter you built yourself.
   *
   * @example
   * const tracker = Tracker.connect(demoTracker()); // the in-memory demo studio
   * @example
   * const tracker = Tracker.connect(adapter, { cacheTtl: 10 });
   */
  static connect(adapter: TrackerAdapter, options: SessionOptions & { config?: TrackerConfig } = {}): Tracker {
    return new Tracker(adapter, options.config, options);
  }

  /**
   * A session on the tracker the `TRACKER_*` variables (and `.env`) describe. `GADGET_DEBUG=1` (or
   * `DEBUG=gadget*`) logs every request on stderr; `options.logger` takes the lines instead.
   *
   * @example
   * const tracker = await Tracker.fromEnv();
   * @example
   * const tracker = await Tracker.fromEnv({ logger: { debug: (line) => process.stderr.write(`${line}\n`) } });
   */
  static async fromEnv(options: FromEnvOptions = {}): Promise<Tracker> {
    const { config, logger, cacheTtl } = readEnvSettings(options);
    const session = readSessionOptions({ cacheTtl });
    const adapter = await loadAdapter(config, options.modules, {
      logger,
      ...(options.onOtp ? { onOtp: options.onOtp } : {}),
      ...(options.onTokens ? { onTokens: options.onTokens } : {}),
    });
    return new Tracker(adapter, config, session);
  }

  /**
   * One record by kind and id, from the session's identity map when it is fresh.
   *
   * @example
   * // resuming after a PartialWriteError: the comment it says exists
   * const comment = await tracker.load("comment", error.written.ids.comment);
   */
  async load<K extends Kind>(kind: K, id: IdLike): Promise<EntityOf<K>> {
    if (!(kindNames as readonly unknown[]).includes(kind)) throw ValidationError.unknownKind(kind, kindNames);
    return this.context.load(kind, ref(id, kind, `tracker.load("${kind}")`));
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
   * Finds shots, assets and persons by the words of their name (Kitsu searches no sequences or
   * episodes, nothing under 3 characters, and only open projects; the mock tracker does the same).
   *
   * @example
   * const hits = await tracker.search("hero", { project, kinds: ["asset"] });
   */
  async search(text: string, options: TrackerSearchOptions = {}): Promise<AnyEntity[]> {
    this.context.require("search");
    const what = "tracker.search() text";
    if (typeof text !== "string")
      throw ValidationError.wrongType(what, text, "a string", 'Pass the text to find, e.g. "fox"');
    if (text.trim() === "") throw ValidationError.emptyText(what);
    if (text.length > maxSearchLength)
      throw ValidationError.tooLong("tracker.search()", "text", text.length, maxSearchLength);
    parseOptions(searchOptionsSchema, options, "tracker.search() options", '{ kinds: ["asset"], limit: 5 }');
    const projectId =
      options.project === undefined
        ? undefined
        : await resolveRef(this.context, "project", options.project, "tracker.search() project");
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

  /**
   * The person this session acts as: the user who logged in, or the bot whose token it holds (on
   * the mock tracker, its session person). Asks the tracker once per call; the Person is the
   * session's object for that record.
   *
   * @example
   * const me = await tracker.whoami();
   * console.log(`logged in as ${me.name} (${me.role})`);
   */
  async whoami(): Promise<Person> {
    if (!this.adapter.whoami) throw UnsupportedError.capability(this.adapter.name, "whoami()");
    return this.context.materialize("person", await this.adapter.whoami());
  }

  /**
   * Ends the session: listeners removed, sockets closed, so that a script can exit. A password
   * session is logged out first (its tokens stop working; `{ logout: false }` keeps them for a
   * later `tokens` resume); a bot token stays valid. Calling it twice is safe; a logout the tracker
   * refuses or cannot be reached for is logged, not thrown.
   *
   * @example
   * try {
   *   console.log((await tracker.projects.all()).length);
   * } finally {
   *   await tracker.close();
   * }
   */
  async close(options: CloseOptions = {}): Promise<void> {
    this.context.hub.close();
    await this.adapter.close(options);
  }

  /** What a log shows of a session: the tracker and who is logged in, never a password or token. */
  toJSON(): Record<string, unknown> {
    const { type, url, login, project } = (this.config ?? {}) as Partial<Record<string, unknown>>;
    return { tracker: this.adapter.name, type, url, login, project };
  }

  /** What `console.log` and `util.inspect` print: the tracker type and URL, never credentials or tokens. */
  [inspect.custom](): string {
    return `Tracker ${inspect(this.toJSON(), { breakLength: 120 })}`;
  }

  private studio<K extends CreatableKind>(kind: K): Collection<K, EntityOf<K>> {
    return new Collection<K, EntityOf<K>>(this.context, kind, { scope: () => ({}), label: () => "the studio" });
  }
}
