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
  Download,
  EventRecord,
  EventsPage,
  EventsSinceOptions,
  Id,
  IsoDate,
  Kind,
  Page,
  PageRequest,
  PlaylistEntry,
  PlaylistRecord,
  PreviewRecord,
  ProjectRecord,
  RecordOf,
  RemoveOptions,
  RemoveResult,
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
} from "@gadget/core";
import { fullCapabilities, NotFoundError, ValidationError } from "@gadget/core";
import { type FaultOperation, Faults } from "./faults.js";
import { castIn, getCasting, setCasting } from "./ops/casting.js";
import { createRow, removeRow, updateRow } from "./ops/crud.js";
import { downloadOf, readUpload, readUploads } from "./ops/files.js";
import { addTeamMember, addToProject, removeTeamMember, search } from "./ops/project.js";
import { queryRows } from "./ops/query.js";
import { addPreviewFile, attachFiles, postComment, setMainPreview } from "./ops/reviews.js";
import { addPlaylistEntries, assign, removePlaylistEntries, unassign, writeTimeSpent } from "./ops/work.js";
import type { MockTrackerOptions } from "./options.js";
import { loadSnapshot, readSnapshot, type StudioSnapshot, writeSnapshot } from "./snapshot.js";
import { randomIds, seededIds } from "./studio/ids.js";
import { Studio } from "./studio/studio.js";

const warnHandlerError = (error: unknown) =>
  process.emitWarning(`A mock tracker event handler threw: ${error instanceof Error ? error.message : String(error)}`);

/**
 * An in-memory tracker that follows Kitsu's rules: the adapter tests and demos run against, and
 * the store behind the Kitsu-compatible test server. Every method returns copies.
 *
 * @example
 * const tracker = MockTracker.demo();
 * const [shot] = (await tracker.query("shot", { name: "sh010" })).items;
 */
export class MockTracker implements TrackerAdapter {
  readonly name = "mock";
  readonly capabilities: Readonly<Capabilities> = fullCapabilities;
  /** Fault and latency injection for tests. */
  readonly faults = new Faults();
  /** The store; for seeds, snapshots and the bulk helpers. */
  readonly studio: Studio;

  private readonly idSeed: number | undefined;

  /** `resume` is for `fromSnapshot`: where the event cursor and a seeded id sequence stood. */
  constructor(options: MockTrackerOptions = {}, resume?: { eventSeq: number; idState: number }) {
    this.idSeed = options.seed;
    this.studio = new Studio({
      ids: options.seed === undefined ? randomIds() : seededIds(options.seed, resume?.idState ?? 0),
      now: options.now ?? (() => new Date()),
      eventSeq: resume?.eventSeq ?? 0,
      onHandlerError: options.onHandlerError ?? warnHandlerError,
    });
    if (options.latencyMs) this.faults.latency("*", options.latencyMs);
  }

  /**
   * A studio restored from `tracker.snapshot()` output (an object or its JSON text). Throws
   * ValidationError naming the first problem. A seeded snapshot resumes its id sequence unless
   * `options.seed` is given.
   */
  static fromSnapshot(json: StudioSnapshot | string, options: MockTrackerOptions = {}): MockTracker {
    let value: unknown = json;
    if (typeof json === "string") {
      try {
        value = JSON.parse(json);
      } catch (error) {
        throw new ValidationError(`Invalid studio snapshot: not JSON (${(error as Error).message}).`, [
          { path: [], message: "not JSON" },
        ]);
      }
    }
    const content = readSnapshot(value);
    const { ids, eventCursor } = content.snapshot;
    const seed = options.seed ?? ids?.seed;
    const tracker = new MockTracker(
      { ...options, ...(seed === undefined ? {} : { seed }) },
      { eventSeq: eventCursor, idState: options.seed === undefined ? (ids?.state ?? 0) : 0 },
    );
    loadSnapshot(tracker.studio, content);
    return tracker;
  }

  /** The whole studio as JSON-ready data (records, file bytes as base64, casting, event cursor). */
  snapshot(): StudioSnapshot {
    const state = this.studio.ids.state;
    const ids = this.idSeed === undefined || state === null ? null : { seed: this.idSeed, state };
    return writeSnapshot(this.studio, ids);
  }

  /**
   * Creates many records at once with the same rules as `create`, without events, latency or
   * copies: the fast way to seed big studios in tests and benchmarks. Returns the new ids in
   * input order.
   *
   * @example
   * const shotIds = tracker.insertMany("shot", names.map((name) => ({ name, projectId, sequenceId })));
   */
  insertMany<K extends CreatableKind>(kind: K, inputs: readonly CreateInput<K>[]): Id[] {
    const wasSilent = this.studio.silent;
    this.studio.silent = true;
    try {
      return inputs.map((input) => createRow(this.studio, kind, input).id);
    } finally {
      this.studio.silent = wasSilent;
    }
  }

  private async enter(operation: FaultOperation): Promise<void> {
    await this.faults.before(operation);
  }

  async query<K extends Kind>(kind: K, where: Where<K>, page?: PageRequest): Promise<Page<RecordOf<K>>> {
    await this.enter("query");
    const { items, next } = queryRows(this.studio, kind, where, page);
    return { items: items.map((row) => this.studio.output(kind, row)), next };
  }

  async get<K extends Kind>(kind: K, id: Id): Promise<RecordOf<K>> {
    await this.enter("get");
    return this.studio.output(kind, this.studio.require(kind, id));
  }

  async getMany<K extends Kind>(kind: K, ids: readonly Id[]): Promise<RecordOf<K>[]> {
    await this.enter("getMany");
    const out: RecordOf<K>[] = [];
    for (const id of ids) {
      const row = this.studio.find(kind, id);
      if (row) out.push(this.studio.output(kind, row));
    }
    return out;
  }

  async create<K extends CreatableKind>(kind: K, data: CreateData<K>): Promise<RecordOf<K>> {
    await this.enter("create");
    return this.studio.output(kind, createRow(this.studio, kind, data));
  }

  async update<K extends UpdatableKind>(kind: K, id: Id, patch: UpdateData<K>): Promise<RecordOf<K>> {
    await this.enter("update");
    return this.studio.output(kind, updateRow(this.studio, kind, id, patch));
  }

  async remove(kind: Kind, id: Id, options: RemoveOptions = {}): Promise<RemoveResult> {
    await this.enter("remove");
    return removeRow(this.studio, kind, id, options.force ?? false);
  }

  async comment(taskId: Id, data: CommentData, options?: TransferOptions): Promise<CommentRecord> {
    await this.enter("comment");
    this.studio.require("task", taskId);
    const files = await readUploads(data.attachments ?? [], options);
    const { attachments: _files, ...rest } = data;
    return this.studio.output("comment", postComment(this.studio, taskId, rest, files));
  }

  async addPreview(taskId: Id, commentId: Id, file: UploadFile, options?: TransferOptions): Promise<PreviewRecord> {
    await this.enter("addPreview");
    this.studio.require("task", taskId);
    this.studio.require("comment", commentId);
    const bytes = await readUpload(file, options);
    return this.studio.output("preview", addPreviewFile(this.studio, taskId, commentId, bytes));
  }

  async setMainPreview(previewId: Id): Promise<void> {
    await this.enter("setMainPreview");
    setMainPreview(this.studio, previewId);
  }

  async addAttachments(
    commentId: Id,
    files: readonly UploadFile[],
    options?: TransferOptions,
  ): Promise<AttachmentRecord[]> {
    await this.enter("addAttachments");
    this.studio.require("comment", commentId);
    const read = await readUploads(files, options);
    return attachFiles(this.studio, commentId, read).map((row) => this.studio.output("attachment", row));
  }

  async downloadPreview(previewId: Id, options?: TransferOptions): Promise<Download> {
    await this.enter("downloadPreview");
    this.studio.require("preview", previewId);
    return downloadOf(this.fileOf("preview", previewId), options);
  }

  async downloadAttachment(attachmentId: Id, options?: TransferOptions): Promise<Download> {
    await this.enter("downloadAttachment");
    this.studio.require("attachment", attachmentId);
    return downloadOf(this.fileOf("attachment", attachmentId), options);
  }

  private fileOf(kind: "preview" | "attachment", id: Id) {
    const file = this.studio.files.get(id);
    if (!file) throw NotFoundError.entity(`${kind} file`, id);
    return file;
  }

  async getCasting(entityId: Id): Promise<CastingLink[]> {
    await this.enter("getCasting");
    return getCasting(this.studio, entityId);
  }

  async setCasting(entityId: Id, links: readonly CastingLink[]): Promise<CastingLink[]> {
    await this.enter("setCasting");
    return setCasting(this.studio, entityId, links);
  }

  async castIn(assetId: Id): Promise<CastIn[]> {
    await this.enter("castIn");
    return castIn(this.studio, assetId);
  }

  async assign(taskId: Id, personIds: readonly Id[]): Promise<TaskRecord> {
    await this.enter("assign");
    return this.studio.output("task", assign(this.studio, taskId, personIds));
  }

  async unassign(taskId: Id, personIds: readonly Id[]): Promise<TaskRecord> {
    await this.enter("unassign");
    return this.studio.output("task", unassign(this.studio, taskId, personIds));
  }

  async setTimeSpent(taskId: Id, personId: Id, date: IsoDate, seconds: number): Promise<TimeSpentRecord> {
    await this.enter("setTimeSpent");
    return this.studio.output("timeSpent", writeTimeSpent(this.studio, "set", taskId, personId, date, seconds));
  }

  async addTimeSpent(taskId: Id, personId: Id, date: IsoDate, seconds: number): Promise<TimeSpentRecord> {
    await this.enter("addTimeSpent");
    return this.studio.output("timeSpent", writeTimeSpent(this.studio, "add", taskId, personId, date, seconds));
  }

  async addPlaylistEntries(playlistId: Id, entries: readonly PlaylistEntry[]): Promise<PlaylistRecord> {
    await this.enter("addPlaylistEntries");
    return this.studio.output("playlist", addPlaylistEntries(this.studio, playlistId, entries));
  }

  async removePlaylistEntries(playlistId: Id, entityIds: readonly Id[]): Promise<PlaylistRecord> {
    await this.enter("removePlaylistEntries");
    return this.studio.output("playlist", removePlaylistEntries(this.studio, playlistId, entityIds));
  }

  async addTeamMember(projectId: Id, personId: Id): Promise<ProjectRecord> {
    await this.enter("addTeamMember");
    return this.studio.output("project", addTeamMember(this.studio, projectId, personId));
  }

  async removeTeamMember(projectId: Id, personId: Id): Promise<ProjectRecord> {
    await this.enter("removeTeamMember");
    return this.studio.output("project", removeTeamMember(this.studio, projectId, personId));
  }

  async addToProject(projectId: Id, kind: "taskType" | "taskStatus" | "assetType", id: Id): Promise<ProjectRecord> {
    await this.enter("addToProject");
    return this.studio.output("project", addToProject(this.studio, projectId, kind, id));
  }

  async search(text: string, options?: SearchOptions): Promise<SearchHit[]> {
    await this.enter("search");
    return search(this.studio, text, options);
  }

  subscribe(handler: (event: EventRecord) => void): () => void {
    return this.studio.events.subscribe(handler);
  }

  async eventsSince(since: Date | string, options?: EventsSinceOptions): Promise<EventsPage> {
    await this.enter("eventsSince");
    return this.studio.events.since(since, options);
  }

  async close(): Promise<void> {
    this.studio.events.clearSubscribers();
  }
}
