import type { CastIn, CastingLink } from "../schema/casting.js";
import type { Id, IsoDate } from "../schema/common.js";
import type { CreatableKind, CreateData, Kind, RecordOf, UpdatableKind, UpdateData, Where } from "../schema/kinds.js";
import type { PersonRecord } from "../schema/people.js";
import type { ProjectRecord } from "../schema/production.js";
import type {
  AttachmentRecord,
  CommentRecord,
  PlaylistEntry,
  PlaylistRecord,
  PreviewRecord,
} from "../schema/reviews.js";
import type { RuleOverrides } from "../schema/rules.js";
import type { TaskRecord, TimeSpentRecord } from "../schema/tasks.js";
import type { CloseOptions } from "../session/close-options.js";
import type { Capabilities } from "./capabilities.js";
import type { CustomActionOps } from "./custom-action-ops.js";
import type { EventRecord } from "./event-record.js";
import type { Download, TransferOptions, UploadFile } from "./files.js";
import type { PreviewDownloadOptions } from "./preview-variants.js";
import type { FetchAllOptions, RawParams, RawStreamOptions } from "./raw-fetch.js";

/*
 * The adapter contract: what a tracker implements for core. Adapters speak plain records (the
 * zod schemas of ../schema), never entity classes, and ids, never names: core resolves names,
 * validates inputs and files before it calls an adapter. Adapters throw the errors of
 * ../errors.ts (NotFoundError, ConflictError, ValidationError, ...) for the same situations,
 * which the compliance suite (@gadget/core/testing) checks.
 *
 * Core keeps a record an adapter returns as the entity's values for as long as the entity lives,
 * without copying it (it copies before changing anything), and freezes its `raw` when a caller first
 * reads it: an adapter never changes a record, or its `raw`, once returned.
 */

/** Which page of a query an adapter should answer. */
export interface PageRequest {
  /**
   * Records per page.
   *
   * @default 100
   * @example
   * limit: 500
   */
  limit?: number;
  /**
   * Opaque cursor from the previous page's `next`.
   *
   * @default undefined (the first page)
   * @example
   * cursor: page.next ?? undefined
   */
  cursor?: string;
}

/** One page of a query's records. */
export interface Page<R> {
  items: R[];
  /** Cursor of the next page, or null on the last page. */
  next: string | null;
}

/** How `remove()` (and `entity.delete()`) treats a record with dependents. */
export interface RemoveOptions {
  /**
   * Delete even when the record has dependents. Without it, a shot or asset that has tasks is
   * canceled instead of deleted, as Kitsu does.
   *
   * @default false
   * @example
   * await shot.delete({ force: true })
   */
  force?: boolean;
}

/** What `remove()` did. */
export interface RemoveResult {
  /** `deleted`: gone; `canceled`: kept with `canceled: true` (a shot or asset with tasks, without `force`). */
  outcome: "deleted" | "canceled";
}

/** A checklist item of a new comment. */
export interface ChecklistInput {
  /** What to check. */
  text: string;
  /** @default false */
  checked?: boolean;
  /**
   * Frame of the preview the item is about.
   *
   * @default null
   */
  frame?: number | null;
  /**
   * Preview revision the item is about.
   *
   * @default null
   */
  revision?: number | null;
}

/** A comment as core hands it to an adapter: ids resolved, files checked. */
export interface CommentData {
  /** Every comment carries a status; pass the task's current one to comment without a change. */
  statusId: Id;
  text: string;
  checklist?: ChecklistInput[];
  /** Files to attach (checked by core). */
  attachments?: UploadFile[];
  /**
   * Author, when the session may comment on someone's behalf (an admin, or a manager of the
   * project: `checkCommentAs`). Absent: the session's person.
   */
  authorId?: Id;
  /** The comment's date, whole seconds (`commentDate`), for an importer keeping history; absent: now. */
  createdAt?: Date;
}

/** A comment with its preview files, for an adapter's one-call `publish`. */
export interface PublishData extends CommentData {
  previews: UploadFile[];
  /** Make the first preview the entity's main preview. */
  setMainPreview: boolean;
}

/** What an adapter's `publish` created. */
export interface PublishResult {
  comment: CommentRecord;
  previews: PreviewRecord[];
  /**
   * The task after the comment, when the tracker's answer carried it. Absent: core sets the new
   * status on its task object and marks it stale, rather than spending a request to read it back.
   */
  task?: TaskRecord;
}

/** How far a batch (`newMany`) has got. */
export interface BatchProgress {
  /** Records of the batch created so far. */
  created: number;
  /** Records in the batch. */
  total: number;
}

/** Options of `newMany()` and of an adapter's `createMany`. */
export interface CreateManyOptions {
  /**
   * Creates in flight at once, for trackers that create one record per request.
   *
   * @default 8
   * @example
   * concurrency: 4
   */
  concurrency?: number;
  /**
   * Called after each record of the batch is created, so that a long batch can show a progress
   * bar. Every adapter's `createMany` (and core's one-by-one fallback) reports it.
   *
   * @default undefined (no progress reports)
   * @example
   * onProgress: ({ created, total }) => console.log(`${created}/${total} shots`)
   */
  onProgress?: (progress: BatchProgress) => void;
}

/** A record whose tracker answer lacked some fields: they are left out, never invented. */
export type PartialRecord<R extends { id: Id }> = Partial<R> & Pick<R, "id">;

/**
 * Shots or assets with their tasks, as one answer. Fields the answer does not carry (Kitsu's
 * `with-tasks` rows have no timestamps, and their tasks no name) are left out; core marks them
 * not loaded until a full read.
 */
export interface WithTasks<R extends { id: Id }> {
  records: PartialRecord<R>[];
  tasks: PartialRecord<TaskRecord>[];
}

/** What an adapter's `search` is limited to. */
export interface SearchOptions {
  /**
   * Search one project only.
   *
   * @default undefined (every project)
   */
  projectId?: Id;
  /**
   * Kinds to search. Kitsu (and the mock, which follows it) searches shots, assets and persons
   * only: asking for sequences or episodes finds nothing there.
   *
   * @default undefined (every kind the tracker searches)
   * @example
   * kinds: ["shot", "asset"]
   */
  kinds?: readonly ("shot" | "asset" | "sequence" | "episode" | "person")[];
  /**
   * Most hits returned of each kind (Kitsu limits each of its search indexes).
   *
   * @default 20
   */
  limit?: number;
}

/** One record a search found: enough for core to load it. */
export interface SearchHit {
  kind: "shot" | "asset" | "sequence" | "episode" | "person";
  id: Id;
  name: string;
  projectId: Id | null;
}

/** What a page of past events (`eventsSince`) is limited to. */
export interface EventsSinceOptions {
  /**
   * Most events in the page.
   *
   * @default 100
   */
  limit?: number;
  /**
   * Only this project's events.
   *
   * @default undefined (every project)
   */
  projectId?: Id;
}

/** A page of past events, oldest first. */
export interface EventsPage {
  events: EventRecord[];
  /** Pass back as `since` to continue after the last event returned. */
  cursor: string | null;
}

/** What an adapter implements of its raw client; core's `rawClient()` adds the fetch helpers. */
export interface RawTransport {
  /** GET an API path (Kitsu: relative to `/api`, e.g. `data/projects`), with query parameters. */
  get<T = unknown>(path: string, options?: { searchParams?: RawParams }): Promise<T>;
  /** POST a JSON body to an API path. */
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  /** PUT a JSON body to an API path. */
  put<T = unknown>(path: string, body?: unknown): Promise<T>;
  /**
   * DELETE an API path; with a body, that body as JSON (a few Kitsu routes read one: `DELETE auth/totp`
   * takes the code that turns TOTP off). Without one, no body is sent.
   */
  delete<T = unknown>(path: string, body?: unknown): Promise<T>;
  /**
   * GET an API path whose answer is a file (a picture, a movie, an export), as a stream: the
   * session's auth, retries and errors, byte progress and cancellation, never read whole into memory.
   */
  stream(path: string, options?: RawStreamOptions): Promise<Download>;
}

/** The adapter's own client, for what the model lacks (gazu users know it as `gazu.client`). */
export interface RawClient extends RawTransport {
  /**
   * Every record of a list route under `data/` (gazu's `client.fetch_all(path, params,
   * paginated=True)`): asks page after page (`page`, `limit`) until the last, and gives the records of
   * all of them; a route that does not page gives its whole list at once.
   */
  fetchAll<T = Record<string, unknown>>(path: string, params?: RawParams, options?: FetchAllOptions): Promise<T[]>;
  /** One record, `data/<model>/<id>` (gazu's `fetch_one`); NotFoundError when there is none. */
  fetchOne<T = Record<string, unknown>>(model: string, id: string, params?: RawParams): Promise<T>;
  /** The first record of a list route under `data/` (gazu's `fetch_first`), or null when it is empty. */
  fetchFirst<T = Record<string, unknown>>(path: string, params?: RawParams): Promise<T | null>;
}

/**
 * What a tracker implements for core (see "Writing an adapter"): records in, records out, ids
 * everywhere, core's typed errors for the same situations. `runAdapterCompliance` checks an implementation.
 */
export interface TrackerAdapter {
  /** Short name used in messages: "mock", "kitsu". */
  readonly name: string;
  readonly capabilities: Readonly<Capabilities>;
  /** The adapter's own client, when it has one. */
  readonly raw?: RawClient;
  /**
   * Where the tracker's rules differ from core's defaults (`defaultRules`: Kitsu's uniqueness
   * keys, required parents, filter keys, create defaults and remove preconditions), and only
   * there: each rule given replaces the default one whole. Core reads the merged table through
   * `rulesOf(adapter)`, checks what it can before calling the adapter, and the compliance suite
   * expects the adapter to enforce exactly these rules (the shared checks `checkUnique`,
   * `checkFilterKeys`, `checkUploads`, `checkParents`, `planRemove` do it the one way).
   *
   * @default undefined (the tracker follows the defaults)
   * @example
   * rules: { asset: { unique: [] } } // this tracker allows duplicate asset names
   */
  readonly rules?: RuleOverrides;
  /**
   * The tracker's custom actions (Kitsu's buttons that POST a selection to a studio URL), when it
   * has them; `tracker.customActions` is an UnsupportedError without.
   *
   * @default undefined (the tracker has no custom actions)
   */
  readonly customActions?: CustomActionOps;

  /** One page of the records of a kind matching `where` (every key equal, arrays as IN). */
  query<K extends Kind>(kind: K, where: Where<K>, page?: PageRequest): Promise<Page<RecordOf<K>>>;
  /** Throws NotFoundError when there is no such record. */
  get<K extends Kind>(kind: K, id: Id): Promise<RecordOf<K>>;
  /** Several ids in one call where the tracker allows it; missing ids are left out. */
  getMany<K extends Kind>(kind: K, ids: readonly Id[]): Promise<RecordOf<K>[]>;
  /**
   * Throws ConflictError when the record would clash with another on a unique key, NotFoundError
   * when a parent is missing (or in another project), ValidationError on another broken rule.
   */
  create<K extends CreatableKind>(kind: K, data: CreateData<K>): Promise<RecordOf<K>>;
  /**
   * Creates several records of one kind in as few round trips as the tracker allows. Every input is
   * checked (duplicate names included, against the tracker and within the batch) before the first
   * write; a failure after some records were created is a PartialWriteError listing them.
   * Optional: core falls back to `create` one record at a time.
   */
  createMany?<K extends CreatableKind>(
    kind: K,
    data: readonly CreateData<K>[],
    options?: CreateManyOptions,
  ): Promise<RecordOf<K>[]>;
  /**
   * Shots (or assets) with all their tasks in one round trip (Kitsu: `data/shots/with-tasks`).
   * Optional: core falls back to a query of the records and one of their tasks.
   */
  queryWithTasks?<K extends "shot" | "asset">(kind: K, where: Where<K>): Promise<WithTasks<RecordOf<K>>>;
  /** Sends only the keys given; `customData` is merged key by key. */
  update<K extends UpdatableKind>(kind: K, id: Id, patch: UpdateData<K>): Promise<RecordOf<K>>;
  /**
   * Removes a record as its kind's `remove` rule says: a project must be closed first (Kitsu); a
   * sequence or episode that still has children is refused unless forced, an asset type with
   * assets always; a shot or asset with tasks is canceled unless forced.
   */
  remove(kind: Kind, id: Id, options?: RemoveOptions): Promise<RemoveResult>;

  /** Posts a comment, which sets the task's status. */
  comment(taskId: Id, data: CommentData, options?: TransferOptions): Promise<CommentRecord>;
  /** Adds a preview revision to a comment and uploads its file. */
  addPreview(taskId: Id, commentId: Id, file: UploadFile, options?: TransferOptions): Promise<PreviewRecord>;
  /** Makes the preview the main preview (thumbnail) of its task's entity. */
  setMainPreview(previewId: Id): Promise<void>;
  /** Attaches files to a comment, uploading each. */
  addAttachments(commentId: Id, files: readonly UploadFile[], options?: TransferOptions): Promise<AttachmentRecord[]>;
  /**
   * Comment + previews + main preview in as few round trips as the tracker allows. Optional: core
   * falls back to comment/addPreview/setMainPreview. Must throw PartialWriteError (with what was
   * written) when it fails after the first write.
   */
  publish?(taskId: Id, data: PublishData, options?: TransferOptions): Promise<PublishResult>;
  /**
   * Streams a file of a preview from the tracker: `options.variant` (default `original`) as
   * `variantsOf(extension)` lists them; a variant the preview lacks is `NotFoundError.previewVariant`.
   */
  downloadPreview(previewId: Id, options?: PreviewDownloadOptions): Promise<Download>;
  /** Streams an attachment's file from the tracker. */
  downloadAttachment(attachmentId: Id, options?: TransferOptions): Promise<Download>;

  /** The assets cast in a shot (or asset, episode). */
  getCasting(entityId: Id): Promise<CastingLink[]>;
  /** Replaces the whole casting of the entity. */
  setCasting(entityId: Id, links: readonly CastingLink[]): Promise<CastingLink[]>;
  /** Where an asset is cast. */
  castIn(assetId: Id): Promise<CastIn[]>;

  /** Adds persons to a task's assignees. */
  assign(taskId: Id, personIds: readonly Id[]): Promise<TaskRecord>;
  /** Removes persons from a task's assignees. */
  unassign(taskId: Id, personIds: readonly Id[]): Promise<TaskRecord>;

  /**
   * Sets the time a person spent on a task on a day, replacing what was there. `seconds` > 0. The person
   * must be assigned to the task (Kitsu refuses time from others with 403).
   */
  setTimeSpent(taskId: Id, personId: Id, date: IsoDate, seconds: number): Promise<TimeSpentRecord>;
  /** Adds to the time a person spent on a task on a day. */
  addTimeSpent(taskId: Id, personId: Id, date: IsoDate, seconds: number): Promise<TimeSpentRecord>;

  /** Adds shots or assets (with a preview each) to a playlist. */
  addPlaylistEntries(playlistId: Id, entries: readonly PlaylistEntry[]): Promise<PlaylistRecord>;
  /** Removes entities from a playlist. */
  removePlaylistEntries(playlistId: Id, entityIds: readonly Id[]): Promise<PlaylistRecord>;

  /**
   * Adds a person to a department; returns the person. Optional: core falls back to
   * `update("person", id, { departmentIds })` with the whole list.
   */
  addPersonDepartment?(personId: Id, departmentId: Id): Promise<PersonRecord>;
  /** Takes a person out of a department; returns the person. Optional, with the same fallback. */
  removePersonDepartment?(personId: Id, departmentId: Id): Promise<PersonRecord>;

  /** Adds a person to a project's team. */
  addTeamMember(projectId: Id, personId: Id): Promise<ProjectRecord>;
  /** Removes a person from a project's team. */
  removeTeamMember(projectId: Id, personId: Id): Promise<ProjectRecord>;
  /** Enables a task type, task status or asset type on a project. */
  addToProject(projectId: Id, kind: "taskType" | "taskStatus" | "assetType", id: Id): Promise<ProjectRecord>;

  /** Finds nothing for a text under 3 characters, as Kitsu; `limit` applies to each kind. */
  search(text: string, options?: SearchOptions): Promise<SearchHit[]>;

  /** Live events; returns the unsubscribe function. */
  subscribe(handler: (event: EventRecord) => void): () => void;
  /** Past events after `since` (a Date or a cursor from a previous page or event), oldest first. */
  eventsSince(since: Date | string, options?: EventsSinceOptions): Promise<EventsPage>;

  /**
   * Drops what the adapter remembers of the tracker's data (Kitsu: the studio lists it reads once).
   * Core calls it from `tracker.clearCache()` and whenever the session's cacheTtl has passed since
   * the last call. Optional: an adapter that caches nothing has none.
   */
  clearCache?(): void;

  /**
   * The person the session acts as (Kitsu: the logged-in user or the bot; the mock: its session
   * person). Optional: core answers UnsupportedError without it.
   */
  whoami?(): Promise<PersonRecord>;

  /**
   * Ends the session: sockets closed, timers cleared, so a script can exit; a password session is
   * logged out unless `options.logout` is false. Safe to call twice; never throws for a failed logout.
   */
  close(options?: CloseOptions): Promise<void>;
}
