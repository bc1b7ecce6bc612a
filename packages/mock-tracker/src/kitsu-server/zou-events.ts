import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { EventRecord } from "@gadget/core/adapter";
import { naive, snakeKeys } from "./codec/common.js";

/*
 * Zou's `api_event` table and socket fan-out: every tracker event, renamed as Zou names it with a
 * snake_case payload plus `project_id` (zou.md §6), is persisted for `GET /data/events/last` and
 * broadcast to `/events`. The request's person is found through AsyncLocalStorage, since the
 * tracker reports events after the write, in the request's async context.
 */

export interface ZouEvent {
  id: string;
  created_at: string;
  name: string;
  user_id: string | null;
  project_id: string | null;
  data: Record<string, unknown>;
  at: Date;
}

export type Broadcast = (name: string, data: Record<string, unknown>) => void;

/** How previews are known to clients: Kitsu announces a preview's id before its file exists. */
export interface PreviewIds {
  publicPreviewId(trackerId: string): string;
  aliasPreview(publicId: string, trackerId: string): void;
}

export class ZouEventTable {
  readonly actor = new AsyncLocalStorage<string>();
  /** Tracker event names a route answers for itself (e.g. add-preview already announced the preview). */
  private readonly muted = new AsyncLocalStorage<ReadonlySet<string>>();
  /** The public id of the preview an upload in progress creates. */
  private readonly upload = new AsyncLocalStorage<string>();
  private readonly rows: ZouEvent[] = [];
  /** Event id → its position in `rows`, for `cursor_event_id`. */
  private readonly indexById = new Map<string, number>();
  private broadcast: Broadcast = () => {};

  constructor(private readonly previews: PreviewIds) {}

  onBroadcast(broadcast: Broadcast): void {
    this.broadcast = broadcast;
  }

  /** Runs `fn` dropping the tracker events named `names` that it causes. */
  without<T>(names: readonly string[], fn: () => Promise<T>): Promise<T> {
    return this.muted.run(new Set(names), fn);
  }

  /**
   * Runs `fn`, the upload of the preview announced as `publicId`: the preview the tracker creates
   * meanwhile takes that id at its first event, so that every payload already carries the public id.
   */
  uploading<T>(publicId: string, fn: () => Promise<T>): Promise<T> {
    return this.upload.run(publicId, fn);
  }

  fromTracker(event: EventRecord): void {
    const publicId = this.upload.getStore();
    const created = event.data.previewFileId;
    if (publicId && event.name.startsWith("preview-file:") && typeof created === "string") {
      this.previews.aliasPreview(publicId, created);
    }
    if (this.muted.getStore()?.has(event.name)) return;
    const data = Object.fromEntries(
      Object.entries(snakeKeys(event.data)).map(([k, v]) => [
        k,
        typeof v === "string" && k.endsWith("_id") ? this.previews.publicPreviewId(v) : v,
      ]),
    );
    this.emit(event.name, data, event.projectId, event.at);
  }

  emit(name: string, payload: Record<string, unknown>, projectId: string | null, at = new Date()): void {
    const data = projectId ? { ...payload, project_id: projectId } : payload;
    const id = randomUUID();
    this.indexById.set(id, this.rows.length);
    this.rows.push({
      id,
      created_at: naive(at) ?? "",
      name,
      user_id: this.actor.getStore() ?? null,
      project_id: projectId,
      data,
      at,
    });
    this.broadcast(name, data);
  }

  /**
   * Newest first, as Zou answers, read from the newest row back and only as far as `limit`, so that
   * a page costs the same however long the log is. `projectIds` scopes a non-admin to their projects.
   */
  last(filter: {
    after?: Date;
    before?: Date;
    projectId?: string;
    projectIds?: ReadonlySet<string>;
    name?: string;
    cursorId?: string;
    limit: number;
  }): Omit<ZouEvent, "at">[] {
    const cursor = filter.cursorId ? this.indexById.get(filter.cursorId) : undefined;
    const out: Omit<ZouEvent, "at">[] = [];
    for (let i = (cursor ?? this.rows.length) - 1; i >= 0 && out.length < filter.limit; i--) {
      const { at, ...row } = this.rows[i] as ZouEvent;
      if (filter.after && at <= filter.after) continue;
      if (filter.before && at >= filter.before) continue;
      if (filter.projectId && row.project_id !== filter.projectId) continue;
      if (filter.projectIds && !(row.project_id && filter.projectIds.has(row.project_id))) continue;
      if (filter.name && row.name !== filter.name) continue;
      out.push(row);
    }
    return out;
  }

  names(): string[] {
    return [...new Set(this.rows.map((r) => r.name))].sort();
  }
}
