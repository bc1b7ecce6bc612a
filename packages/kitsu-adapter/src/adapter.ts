import { inspect } from "node:util";
import {
  type Capabilities,
  type CastIn,
  type CastingLink,
  type CloseOptions,
  type CommentData,
  type CreatableKind,
  type CreateData,
  type CreateManyOptions,
  type CustomActionOps,
  type EventRecord,
  type EventsPage,
  type EventsSinceOptions,
  fullCapabilities,
  type Id,
  type IsoDate,
  type Kind,
  type PageRequest,
  type PersonRecord,
  type PlaylistEntry,
  type PreviewDownloadOptions,
  type PublishData,
  type RecordOf,
  type RemoveOptions,
  type RuleOverrides,
  rulesOf,
  type SearchOptions,
  type TrackerAdapter,
  type TransferOptions,
  type UpdatableKind,
  type UpdateData,
  type UploadFile,
  type Where,
  type WithTasks,
} from "@gadget/core/adapter";
import { fetchEventsSince, historyRecovery } from "./events/index.js";
import { logStreamError } from "./events/report.js";
import { Subscribers } from "./events/subscribers.js";
import { create } from "./ops/create.js";
import { createMany } from "./ops/create-many.js";
import { kitsuCustomActions } from "./ops/custom-actions.js";
import { downloadAttachment, downloadPreview } from "./ops/downloads.js";
import type { OpsContext } from "./ops/ops-context.js";
import { editPersonDepartments } from "./ops/person-departments.js";
import { addAttachments, addPreview, comment, setMainPreview } from "./ops/publish.js";
import { publish } from "./ops/publish-batch.js";
import { getMany, getOne, query } from "./ops/query.js";
import { type CachedKind, isCachedKind, ReferenceCache } from "./ops/reference.js";
import { Relations } from "./ops/relations.js";
import { remove } from "./ops/remove.js";
import { logLogoutError, logout, resume, whoami } from "./ops/session.js";
import { StatusGuard } from "./ops/statuses.js";
import { update } from "./ops/update.js";
import { queryWithTasks } from "./ops/with-tasks.js";
import type { KitsuAdapterOptions } from "./options.js";
import { KitsuClient } from "./transport/client.js";

/** Event kinds (Kitsu's names) whose writes, by anyone, make the session's reference lists stale. */
const referenceEventKinds: Partial<Record<string, CachedKind>> = {
  "task-type": "taskType",
  "task-status": "taskStatus",
  "asset-type": "assetType",
  "entity-type": "assetType",
  department: "department",
};

/** The Kitsu (Zou) adapter: core's contract over Zou's REST API and its socket.io event stream. */
export class KitsuAdapter implements TrackerAdapter {
  readonly name = "kitsu";
  readonly capabilities: Readonly<Capabilities> = fullCapabilities;
  /** Kitsu's rules are core's defaults: nothing to state, and the adapter enforces them all. */
  readonly rules: RuleOverrides | undefined = undefined;
  readonly client: KitsuClient;
  /** Kitsu's custom actions (`data/custom-actions`). */
  readonly customActions: CustomActionOps;
  private readonly ctx: OpsContext;
  private readonly guard: StatusGuard;
  private readonly relations: Relations;
  private readonly subscribers: Subscribers;
  private readonly report: (error: unknown) => void;

  constructor(options: KitsuAdapterOptions) {
    const { config, onError, onOtp, onTokens, ...transport } = options;
    this.client = new KitsuClient({
      ...transport,
      url: config.url,
      credentials: {
        login: config.login,
        password: config.password,
        token: config.token,
        otp: config.otp,
        tokens: config.tokens,
        onOtp,
        onTokens,
      },
    });
    this.report = onError ?? ((error) => logLogoutError(error));
    this.ctx = { client: this.client, ref: new ReferenceCache(this.client), rules: rulesOf(this) };
    this.customActions = kitsuCustomActions(this.ctx);
    this.guard = new StatusGuard(this.ctx);
    this.relations = new Relations(this.ctx, this.guard);
    this.subscribers = new Subscribers({
      stream: {
        origin: config.eventsUrl ?? this.client.origin,
        auth: this.client.auth,
        recover: historyRecovery(this.client.raw),
        logger: transport.logger,
      },
      onError: onError ?? ((error) => logStreamError(error)),
      observe: (event) => {
        const kind = referenceEventKinds[event.kind];
        if (kind) this.ctx.ref.invalidate(kind);
        // Its settings (enabled statuses) may have changed: learnt again from the next row read.
        if (event.kind === "project") this.ctx.ref.forgetProject(event.id);
      },
    });
  }

  get raw() {
    return this.client.raw;
  }

  /** What a log shows of the adapter: the server and the login, never a password or token. */
  toJSON(): Record<string, unknown> {
    return { adapter: this.name, ...this.client.toJSON() };
  }

  /** What `console.log` and `util.inspect` print: the server URL and login, never credentials or tokens. */
  [inspect.custom](): string {
    return `KitsuAdapter ${inspect(this.toJSON(), { depth: 3 })}`;
  }

  /**
   * Checks the credentials now (login, or validates a bot token) so a bad one fails at connect time,
   * then starts reading the reference lists every script needs (see ReferenceCache.warm), which
   * arrive while the script looks its project up.
   */
  async connect(): Promise<this> {
    if (this.client.auth.isBot) await this.client.auth.refresh();
    else if (this.client.auth.resumed) await resume(this.client);
    else await this.client.auth.accessToken();
    this.ctx.ref.warm();
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
    return this.written(kind, undefined, create(this.ctx, kind, data));
  }
  createMany<K extends CreatableKind>(kind: K, data: readonly CreateData<K>[], options?: CreateManyOptions) {
    return this.written(kind, undefined, createMany(this.ctx, kind, data, options));
  }
  queryWithTasks<K extends "shot" | "asset">(kind: K, where: Where<K>): Promise<WithTasks<RecordOf<K>>> {
    return queryWithTasks(this.ctx, kind, where);
  }
  update<K extends UpdatableKind>(kind: K, id: Id, patch: UpdateData<K>): Promise<RecordOf<K>> {
    return this.written(kind, undefined, update(this.ctx, kind, id, patch));
  }
  remove(kind: Kind, id: Id, options?: RemoveOptions) {
    return this.written(kind, id, remove(this.ctx, kind, id, options));
  }

  /** Drops the reference data a write may have changed, once it is done (or failed half-way). */
  private async written<T>(kind: Kind, removedId: Id | undefined, operation: Promise<T>): Promise<T> {
    try {
      return await operation;
    } finally {
      if (isCachedKind(kind)) this.ctx.ref.invalidate(kind);
      if (kind === "project" && removedId) this.ctx.ref.forgetProject(removedId);
    }
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
  downloadPreview(previewId: Id, options?: PreviewDownloadOptions) {
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
    return this.written("project", undefined, this.relations.team("add", projectId, personId));
  }
  removeTeamMember(projectId: Id, personId: Id) {
    return this.written("project", undefined, this.relations.team("remove", projectId, personId));
  }
  addPersonDepartment(personId: Id, departmentId: Id) {
    return editPersonDepartments(this.ctx, personId, departmentId, true);
  }
  removePersonDepartment(personId: Id, departmentId: Id) {
    return editPersonDepartments(this.ctx, personId, departmentId, false);
  }
  addToProject(projectId: Id, kind: "taskType" | "taskStatus" | "assetType", id: Id) {
    return this.written("project", undefined, this.relations.addToProject(projectId, kind, id));
  }
  search(text: string, options?: SearchOptions) {
    return this.relations.search(text, options);
  }

  /** One socket per session, opened by the first subscriber and closed when the last one leaves. */
  subscribe(handler: (event: EventRecord) => void): () => void {
    return this.subscribers.add(handler);
  }

  eventsSince(since: Date | string, options: EventsSinceOptions = {}): Promise<EventsPage> {
    return fetchEventsSince(this.client.raw, since, options);
  }

  /** The studio lists (task types, statuses, departments, ...) are read again when next needed. */
  clearCache(): void {
    this.ctx.ref.invalidate("all");
  }

  /** The person of the session's token: the user who logged in, or the bot. */
  whoami(): Promise<PersonRecord> {
    return whoami(this.client);
  }

  /**
   * Closes the event stream, then logs a user session out (unless `logout: false`): in that order,
   * so that the stream does not reconnect with a new login after the logout.
   */
  async close(options: CloseOptions = {}): Promise<void> {
    await this.subscribers.close();
    // Either way the session lets its tokens go: a second close has nothing to send.
    if (options.logout === false) this.client.auth.clear();
    else await logout(this.client, this.report);
  }
}
