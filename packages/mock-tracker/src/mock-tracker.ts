import type {
  AttachmentRecord,
  Capabilities,
  CastIn,
  CastingLink,
  CommentData,
  CommentRecord,
  CreatableKind,
  CreateData,
  CreateInput,
  CreateManyOptions,
  CustomActionOps,
  Download,
  EventRecord,
  EventsPage,
  EventsSinceOptions,
  Id,
  IsoDate,
  Kind,
  Page,
  PageRequest,
  PersonRecord,
  PlaylistEntry,
  PlaylistRecord,
  PreviewDownloadOptions,
  PreviewRecord,
  ProjectRecord,
  RawClient,
  RecordOf,
  RemoveOptions,
  RemoveResult,
  RuleOverrides,
  SearchHit,
  SearchOptions,
  TaskRecord,
  TimeSpentRecord,
  TrackerAdapter,
  TransferOptions,
  UpdatableKind,
  UpdateData,
  UploadFile,
  Where,
  WithTasks,
} from "@gadget/core/adapter";
import { AuthError, fullCapabilities, rulesOf } from "@gadget/core/adapter";
import { logCalls } from "./call-log.js";
import { Faults } from "./faults.js";
import { createRows, rowsWithTasks } from "./ops/bulk.js";
import { castIn, getCasting, setCasting } from "./ops/casting.js";
import { checkMockCommentAs } from "./ops/comment-as.js";
import { createRow, insertRows, removeRow, updateRow } from "./ops/crud.js";
import { MockCustomActions } from "./ops/custom-actions.js";
import { downloadRecordFile } from "./ops/files.js";
import { editPersonDepartments } from "./ops/person-departments.js";
import { downloadPreviewVariant } from "./ops/preview-variants.js";
import { addTeamMember, addToProject, removeTeamMember } from "./ops/project.js";
import { queryRows } from "./ops/query.js";
import { addPreviewUpload, attachUploads, commentWithUploads, setMainPreview } from "./ops/reviews.js";
import { search } from "./ops/search.js";
import { addPlaylistEntries, assign, removePlaylistEntries, unassign, writeTimeSpent } from "./ops/work.js";
import type { MockTrackerOptions } from "./options.js";
import { mockRaw, noSessionPerson } from "./raw.js";
import { seedFreshKitsu } from "./seeds/fresh-kitsu.js";
import { loadSnapshot, parseSnapshot, restoreOptions, type StudioSnapshot, writeSnapshot } from "./snapshot.js";
import { type Resume, studioFromOptions } from "./studio/from-options.js";
import type { Studio } from "./studio/studio.js";

/**
 * An in-memory tracker that follows Kitsu's rules: the adapter tests and demos run against, and
 * the store behind the Kitsu-compatible test server. Every method returns copies.
 *
 * @example
 * const tracker = demoTracker();
 * const [shot] = (await tracker.query("shot", { name: "sh010" })).items;
 */
export class MockTracker implements TrackerAdapter {
  readonly name = "mock";
  readonly capabilities: Readonly<Capabilities> = fullCapabilities;
  /** Fault and latency injection for tests. */
  readonly faults = new Faults();
  /** The store; for seeds, snapshots and the bulk helpers. */
  readonly studio: Studio;
  /** Where this tracker's rules differ from the defaults (`options.rules`). */
  readonly rules: RuleOverrides | undefined;

  /**
   * Kitsu's REST API over this store, in process (no socket, no token): the same
   * `get/post/put/delete` on API paths, answers and typed errors as the Kitsu adapter's `raw`, served
   * by the Kitsu-compatible server's routes as the session's person, so that a tool using the escape
   * hatch runs in tests. In a bare studio, set `studio.sessionPersonId` first.
   *
   * @example
   * const statuses = await tracker.raw.get<{ short_name: string }[]>("data/task-status");
   */
  readonly raw: RawClient;
  /** Kitsu's custom actions, in memory (not part of `snapshot()`: they are settings, not studio records). */
  readonly customActions: CustomActionOps;

  /** `resume` is for `fromSnapshot`: where the event cursor and a seeded id sequence stood. */
  constructor(options: MockTrackerOptions = {}, resume?: Resume) {
    this.rules = options.rules;
    this.studio = studioFromOptions(options, rulesOf(this), resume);
    if (!options.bare && !resume) seedFreshKitsu(this.studio);
    this.raw = mockRaw(this, this.studio);
    this.customActions = new MockCustomActions(this.studio);
    if (options.latencyMs) this.faults.latency("*", options.latencyMs);
    if (options.logger) logCalls(this, options.logger);
  }

  /**
   * A studio restored from `tracker.snapshot()` output (an object or its JSON text). Throws
   * ValidationError naming the first problem. A seeded snapshot resumes its id sequence unless
   * `options.seed` is given.
   */
  static fromSnapshot(json: StudioSnapshot | string, options: MockTrackerOptions = {}): MockTracker {
    const content = parseSnapshot(json);
    const restored = restoreOptions(content, options);
    const tracker = new MockTracker(restored.options, restored.resume);
    loadSnapshot(tracker.studio, content);
    return tracker;
  }

  /** The whole studio as JSON-ready data (records, file bytes as base64, casting, event cursor). */
  snapshot(): StudioSnapshot {
    return writeSnapshot(this.studio);
  }

  /**
   * Creates many records at once with the same rules as `create`, without events, latency or
   * copies: the fast way to seed big studios in tests and benchmarks. Returns the new ids in
   * input order.
   *
   * @example
   * const shotIds = mock.insertMany("shot", names.map((name) => ({ name, projectId: seq.projectId, sequenceId: seq.id })));
   */
  insertMany<K extends CreatableKind>(kind: K, inputs: readonly CreateInput<K>[]): Id[] {
    return insertRows(this.studio, kind, inputs);
  }

  async query<K extends Kind>(kind: K, where: Where<K>, page?: PageRequest): Promise<Page<RecordOf<K>>> {
    await this.faults.before("query");
    const { items, next } = queryRows(this.studio, kind, where, page);
    return { items: items.map((row) => this.studio.output(kind, row)), next };
  }

  async get<K extends Kind>(kind: K, id: Id): Promise<RecordOf<K>> {
    await this.faults.before("get");
    return this.studio.output(kind, this.studio.require(kind, id));
  }

  async getMany<K extends Kind>(kind: K, ids: readonly Id[]): Promise<RecordOf<K>[]> {
    await this.faults.before("getMany");
    const out: RecordOf<K>[] = [];
    for (const id of ids) {
      const row = this.studio.find(kind, id);
      if (row) out.push(this.studio.output(kind, row));
    }
    return out;
  }

  async create<K extends CreatableKind>(kind: K, data: CreateData<K>): Promise<RecordOf<K>> {
    await this.faults.before("create");
    return this.studio.output(kind, createRow(this.studio, kind, data));
  }

  /** Faults and latency of `createMany` apply to each record: a tracker writes them one request each. */
  async createMany<K extends CreatableKind>(
    kind: K,
    data: readonly CreateData<K>[],
    options: CreateManyOptions = {},
  ): Promise<RecordOf<K>[]> {
    const rows = await createRows(this.studio, this.faults, kind, data, options);
    return rows.map((row) => this.studio.output(kind, row));
  }

  async queryWithTasks<K extends "shot" | "asset">(kind: K, where: Where<K>): Promise<WithTasks<RecordOf<K>>> {
    await this.faults.before("queryWithTasks");
    const { records, tasks } = rowsWithTasks(this.studio, kind, where);
    return {
      records: records.map((row) => this.studio.output(kind, row)),
      tasks: tasks.map((row) => this.studio.output("task", row)),
    };
  }

  async update<K extends UpdatableKind>(kind: K, id: Id, patch: UpdateData<K>): Promise<RecordOf<K>> {
    await this.faults.before("update");
    return this.studio.output(kind, updateRow(this.studio, kind, id, patch));
  }

  async remove(kind: Kind, id: Id, options: RemoveOptions = {}): Promise<RemoveResult> {
    await this.faults.before("remove");
    return removeRow(this.studio, kind, id, options.force ?? false);
  }

  async comment(taskId: Id, data: CommentData, options?: TransferOptions): Promise<CommentRecord> {
    await this.faults.before("comment");
    const checked = checkMockCommentAs(this.studio, taskId, data);
    return this.studio.output("comment", await commentWithUploads(this.studio, taskId, checked, options));
  }

  async addPreview(taskId: Id, commentId: Id, file: UploadFile, options?: TransferOptions): Promise<PreviewRecord> {
    await this.faults.before("addPreview");
    return this.studio.output("preview", await addPreviewUpload(this.studio, taskId, commentId, file, options));
  }

  async setMainPreview(previewId: Id): Promise<void> {
    await this.faults.before("setMainPreview");
    setMainPreview(this.studio, previewId);
  }

  async addAttachments(
    commentId: Id,
    files: readonly UploadFile[],
    options?: TransferOptions,
  ): Promise<AttachmentRecord[]> {
    await this.faults.before("addAttachments");
    const rows = await attachUploads(this.studio, commentId, files, options);
    return rows.map((row) => this.studio.output("attachment", row));
  }

  async downloadPreview(previewId: Id, options?: PreviewDownloadOptions): Promise<Download> {
    await this.faults.before("downloadPreview");
    return downloadPreviewVariant(this.studio, previewId, options);
  }

  async downloadAttachment(attachmentId: Id, options?: TransferOptions): Promise<Download> {
    await this.faults.before("downloadAttachment");
    return downloadRecordFile(this.studio, "attachment", attachmentId, options);
  }

  async getCasting(entityId: Id): Promise<CastingLink[]> {
    await this.faults.before("getCasting");
    return getCasting(this.studio, entityId);
  }

  async setCasting(entityId: Id, links: readonly CastingLink[]): Promise<CastingLink[]> {
    await this.faults.before("setCasting");
    return setCasting(this.studio, entityId, links);
  }

  async castIn(assetId: Id): Promise<CastIn[]> {
    await this.faults.before("castIn");
    return castIn(this.studio, assetId);
  }

  async assign(taskId: Id, personIds: readonly Id[]): Promise<TaskRecord> {
    await this.faults.before("assign");
    return this.studio.output("task", assign(this.studio, taskId, personIds));
  }

  async unassign(taskId: Id, personIds: readonly Id[]): Promise<TaskRecord> {
    await this.faults.before("unassign");
    return this.studio.output("task", unassign(this.studio, taskId, personIds));
  }

  async setTimeSpent(taskId: Id, personId: Id, date: IsoDate, seconds: number): Promise<TimeSpentRecord> {
    await this.faults.before("setTimeSpent");
    return this.studio.output("timeSpent", writeTimeSpent(this.studio, "set", taskId, personId, date, seconds));
  }

  async addTimeSpent(taskId: Id, personId: Id, date: IsoDate, seconds: number): Promise<TimeSpentRecord> {
    await this.faults.before("addTimeSpent");
    return this.studio.output("timeSpent", writeTimeSpent(this.studio, "add", taskId, personId, date, seconds));
  }

  async addPlaylistEntries(playlistId: Id, entries: readonly PlaylistEntry[]): Promise<PlaylistRecord> {
    await this.faults.before("addPlaylistEntries");
    return this.studio.output("playlist", addPlaylistEntries(this.studio, playlistId, entries));
  }

  async removePlaylistEntries(playlistId: Id, entityIds: readonly Id[]): Promise<PlaylistRecord> {
    await this.faults.before("removePlaylistEntries");
    return this.studio.output("playlist", removePlaylistEntries(this.studio, playlistId, entityIds));
  }

  async addTeamMember(projectId: Id, personId: Id): Promise<ProjectRecord> {
    await this.faults.before("addTeamMember");
    return this.studio.output("project", addTeamMember(this.studio, projectId, personId));
  }

  async addPersonDepartment(personId: Id, departmentId: Id): Promise<PersonRecord> {
    await this.faults.before("addPersonDepartment");
    return this.studio.output("person", editPersonDepartments(this.studio, personId, departmentId, true));
  }

  async removePersonDepartment(personId: Id, departmentId: Id): Promise<PersonRecord> {
    await this.faults.before("removePersonDepartment");
    return this.studio.output("person", editPersonDepartments(this.studio, personId, departmentId, false));
  }

  async removeTeamMember(projectId: Id, personId: Id): Promise<ProjectRecord> {
    await this.faults.before("removeTeamMember");
    return this.studio.output("project", removeTeamMember(this.studio, projectId, personId));
  }

  async addToProject(projectId: Id, kind: "taskType" | "taskStatus" | "assetType", id: Id): Promise<ProjectRecord> {
    await this.faults.before("addToProject");
    return this.studio.output("project", addToProject(this.studio, projectId, kind, id));
  }

  async search(text: string, options?: SearchOptions): Promise<SearchHit[]> {
    await this.faults.before("search");
    return search(this.studio, text, options);
  }

  subscribe(handler: (event: EventRecord) => void): () => void {
    return this.studio.events.subscribe(handler);
  }

  async eventsSince(since: Date | string, options?: EventsSinceOptions): Promise<EventsPage> {
    await this.faults.before("eventsSince");
    return this.studio.events.since(since, options);
  }

  /**
   * The session's person (`studio.sessionPersonId`; the seeded admin unless the mock is bare), as
   * Kitsu answers for the logged-in user. A bare mock without one is an AuthError, as its `raw` is.
   */
  async whoami(): Promise<PersonRecord> {
    await this.faults.before("get");
    const personId = this.studio.sessionPerson();
    if (!personId) throw AuthError.rejected(noSessionPerson);
    return this.studio.output("person", this.studio.require("person", personId));
  }

  async close(): Promise<void> {
    this.studio.events.clearSubscribers();
  }
}
