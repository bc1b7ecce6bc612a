import type {
  Capabilities,
  CastIn,
  CastingLink,
  CommentData,
  CreatableKind,
  CreateData,
  EventRecord,
  EventsPage,
  EventsSinceOptions,
  Id,
  IsoDate,
  Kind,
  PageRequest,
  PlaylistEntry,
  PublishData,
  RecordOf,
  RemoveOptions,
  SearchOptions,
  TrackerAdapter,
  TransferOptions,
  UpdatableKind,
  UpdateData,
  UploadFile,
  Where,
} from "@gadget/core";
import { fetchEventsSince, historyRecovery, KitsuEventStream } from "./events/index.js";
import type { OpsContext } from "./ops/context.js";
import { create } from "./ops/create.js";
import { downloadAttachment, downloadPreview } from "./ops/downloads.js";
import { addAttachments, addPreview, comment, setMainPreview } from "./ops/publish.js";
import { publish } from "./ops/publish-batch.js";
import { getMany, getOne, query } from "./ops/query.js";
import { ReferenceCache } from "./ops/reference.js";
import { Relations } from "./ops/relations.js";
import { remove } from "./ops/remove.js";
import { StatusGuard } from "./ops/statuses.js";
import { update } from "./ops/update.js";
import type { KitsuAdapterOptions } from "./options.js";
import { KitsuClient } from "./transport/client.js";

/** The Kitsu (Zou) adapter: core's contract over Zou's REST API and its socket.io event stream. */
export class KitsuAdapter implements TrackerAdapter {
  readonly name = "kitsu";
  readonly capabilities: Readonly<Capabilities> = Object.freeze({
    episodes: true,
    casting: true,
    events: true,
    eventHistory: true,
    timeTracking: true,
    playlists: true,
    previews: true,
    attachments: true,
    search: true,
  });
  readonly client: KitsuClient;
  private readonly ctx: OpsContext;
  private readonly guard: StatusGuard;
  private readonly relations: Relations;
  private readonly handlers = new Set<(event: EventRecord) => void>();
  private stream: KitsuEventStream | undefined;
  private readonly eventsOrigin: string;

  constructor(options: KitsuAdapterOptions) {
    const { config, ...transport } = options;
    this.client = new KitsuClient({
      ...transport,
      url: config.url,
      credentials: { login: config.login, password: config.password, token: config.token },
    });
    this.eventsOrigin = config.eventsUrl ?? this.client.origin;
    this.ctx = { client: this.client, ref: new ReferenceCache(this.client) };
    this.guard = new StatusGuard(this.ctx);
    this.relations = new Relations(this.ctx, this.guard);
  }

  get raw() {
    return this.client.raw;
  }

  /** Checks the credentials now (login, or validates a bot token) so a bad one fails at connect time. */
  async connect(): Promise<this> {
    if (this.client.auth.isBot) await this.client.auth.refresh();
    else await this.client.auth.accessToken();
    return this;
  }

  query<K extends Kind>(kind: K, where: Where<K>, page?: PageRequest) {
    return query(this.ctx, kind, where, page);
  }
  get<K extends Kind>(kind: K, id: Id): Promise<RecordOf<K>> {
    return getOne(this.ctx, kind, id);
  }
  getMany<K extends Kind>(kind: K, ids: readonly Id[]): Promise<RecordOf<K>[]> {
    return getMany(this.ctx, kind, ids);
  }
  create<K extends CreatableKind>(kind: K, data: CreateData<K>): Promise<RecordOf<K>> {
    return create(this.ctx, kind, data);
  }
  update<K extends UpdatableKind>(kind: K, id: Id, patch: UpdateData<K>): Promise<RecordOf<K>> {
    return update(this.ctx, kind, id, patch);
  }
  remove(kind: Kind, id: Id, options?: RemoveOptions) {
    return remove(this.ctx, kind, id, options);
  }

  comment(taskId: Id, data: CommentData, options?: TransferOptions) {
    return comment(this.ctx, this.guard, taskId, data, options);
  }
  addPreview(taskId: Id, commentId: Id, file: UploadFile, options?: TransferOptions) {
    return addPreview(this.ctx, taskId, commentId, file, options);
  }
  setMainPreview(previewId: Id) {
    return setMainPreview(this.ctx, previewId);
  }
  addAttachments(commentId: Id, files: readonly UploadFile[], options?: TransferOptions) {
    return addAttachments(this.ctx, commentId, files, options);
  }
  /** One batch-comment request plus set-main-preview; see ops/publish-batch.ts for resuming after a PartialWriteError. */
  publish(taskId: Id, data: PublishData, options?: TransferOptions) {
    return publish(this.ctx, this.guard, taskId, data, options);
  }
  downloadPreview(previewId: Id, options?: TransferOptions) {
    return downloadPreview(this.ctx, previewId, options);
  }
  downloadAttachment(attachmentId: Id, options?: TransferOptions) {
    return downloadAttachment(this.ctx, attachmentId, options);
  }

  getCasting(entityId: Id): Promise<CastingLink[]> {
    return this.relations.getCasting(entityId);
  }
  setCasting(entityId: Id, links: readonly CastingLink[]): Promise<CastingLink[]> {
    return this.relations.setCasting(entityId, links);
  }
  castIn(assetId: Id): Promise<CastIn[]> {
    return this.relations.castIn(assetId);
  }
  assign(taskId: Id, personIds: readonly Id[]) {
    return this.relations.assign(taskId, personIds);
  }
  unassign(taskId: Id, personIds: readonly Id[]) {
    return this.relations.unassign(taskId, personIds);
  }
  setTimeSpent(taskId: Id, personId: Id, date: IsoDate, seconds: number) {
    return this.relations.timeSpent("set", taskId, personId, date, seconds);
  }
  addTimeSpent(taskId: Id, personId: Id, date: IsoDate, seconds: number) {
    return this.relations.timeSpent("add", taskId, personId, date, seconds);
  }
  addPlaylistEntries(playlistId: Id, entries: readonly PlaylistEntry[]) {
    return this.relations.addPlaylistEntries(playlistId, entries);
  }
  removePlaylistEntries(playlistId: Id, entityIds: readonly Id[]) {
    return this.relations.removePlaylistEntries(playlistId, entityIds);
  }
  addTeamMember(projectId: Id, personId: Id) {
    return this.relations.team("add", projectId, personId);
  }
  removeTeamMember(projectId: Id, personId: Id) {
    return this.relations.team("remove", projectId, personId);
  }
  addToProject(projectId: Id, kind: "taskType" | "taskStatus" | "assetType", id: Id) {
    return this.relations.addToProject(projectId, kind, id);
  }
  search(text: string, options?: SearchOptions) {
    return this.relations.search(text, options);
  }

  /** One socket per session, opened by the first subscriber; missed events are replayed after a drop. */
  subscribe(handler: (event: EventRecord) => void): () => void {
    this.handlers.add(handler);
    if (!this.stream) {
      this.stream = new KitsuEventStream({
        origin: this.eventsOrigin,
        auth: this.client.auth,
        onEvent: (event) => {
          for (const h of [...this.handlers]) h(event);
        },
        recover: historyRecovery(this.client.raw),
      });
      // Connection problems surface through onError/reconnects; a rejected start must not go unhandled.
      this.stream.start().catch(() => undefined);
    }
    return () => {
      this.handlers.delete(handler);
    };
  }

  eventsSince(since: Date | string, options: EventsSinceOptions = {}): Promise<EventsPage> {
    return fetchEventsSince(this.client.raw, since, options);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    const stream = this.stream;
    this.stream = undefined;
    await stream?.close();
  }
}
