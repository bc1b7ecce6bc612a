import { ValidationError } from "../errors.js";
import type { EventFilter, EventHub } from "./hub.js";
import { passesFilter } from "./hub.js";
import { openLive } from "./live.js";
import type { TrackerEvent } from "./tracker-event.js";
import type { EventName } from "./vocabulary.js";

/*
 * History replay for `events.since()`, and the switch from history to live events with `follow`:
 * listen first, drain the history, then drop the live events the history already gave.
 */

type AnyEvent<E> = TrackerEvent<EventName, E>;

/** Options of `events.since()`. */
export interface SinceOptions {
  /**
   * Ends the iteration (cleanly) when aborted.
   *
   * @default undefined
   * @example
   * signal: controller.signal
   */
  signal?: AbortSignal;
  /**
   * After the history, go on with live events (none lost, none repeated at the switch).
   *
   * @default false
   * @example
   * for await (const e of project.events.since(lastCursor, { follow: true })) handle(e);
   */
  follow?: boolean;
  /**
   * Events per history request.
   *
   * @default 100
   * @example
   * limit: 500
   */
  limit?: number;
  /**
   * For trackers whose live events carry no cursor (Kitsu): how much earlier than the first live event
   * a history event may be stamped and still be taken for the same event (clock skew, delivery delay).
   *
   * @default 60000
   * @example
   * clockSkewMs: 5_000
   */
  clockSkewMs?: number;
}

/** Where an accessor's iterations got to, shared by all of them. */
export interface Progress {
  lastCursor: string | null;
  lastAt: Date | null;
}

const ABORTED = Symbol("aborted");
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Adapters take a Date or a cursor; an ISO timestamp (never a cursor: Kitsu's are UUIDs) becomes a Date. */
export function toSincePoint(since: Date | string): Date | string {
  if (since instanceof Date) {
    if (Number.isNaN(since.getTime())) throw ValidationError.eventCursor(since);
    return since;
  }
  if (typeof since !== "string" || since.trim() === "") throw ValidationError.eventCursor(since);
  if (!ISO_TIMESTAMP.test(since)) return since;
  // Trackers write naive UTC timestamps (Kitsu's "2026-11-29T16:04:11"): without a zone, read UTC, never local time.
  const date = new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(since) ? since : `${since}Z`);
  if (Number.isNaN(date.getTime())) throw ValidationError.eventCursor(since);
  return date;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | typeof ABORTED> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

const contentKey = (event: AnyEvent<unknown>): string => `${event.name}|${event.id}|${JSON.stringify(event.data)}`;

/**
 * Remembers what the history gave, to drop the live events that repeat it at the switch. With
 * cursors on both sides the match is exact. Without live cursors (Kitsu's socket events), a live event
 * repeats a history event with the same name, id and payload stamped no earlier than `skewMs` before
 * the first live event; a count per payload keeps two identical updates apart.
 */
class SwitchDedup {
  private readonly cursors = new Set<string>();
  private history: { key: string; at: number }[] = [];
  private contents: Map<string, number> | null = null;
  private active = true;

  constructor(private readonly skewMs: number) {}

  remember(event: AnyEvent<unknown>): void {
    if (event.cursor !== null) this.cursors.add(event.cursor);
    this.history.push({ key: contentKey(event), at: event.at.getTime() });
  }

  /** True for a live event the history already gave. Live events come in order, so after the first new one, none repeats. */
  repeats(event: AnyEvent<unknown>): boolean {
    if (!this.active) return false;
    if (event.cursor !== null && this.cursors.size > 0) {
      return this.cursors.has(event.cursor) || this.settle();
    }
    const contents = this.contents ?? this.window(event.at.getTime() - this.skewMs);
    const key = contentKey(event);
    const count = contents.get(key) ?? 0;
    if (count === 0) return this.settle();
    contents.set(key, count - 1);
    return true;
  }

  /** Counts of the history events recent enough to be the ones live listening also received. */
  private window(from: number): Map<string, number> {
    const contents = new Map<string, number>();
    for (const { key, at } of this.history) if (at >= from) contents.set(key, (contents.get(key) ?? 0) + 1);
    this.history = [];
    this.contents = contents;
    return contents;
  }

  private settle(): false {
    this.active = false;
    this.cursors.clear();
    this.history = [];
    this.contents = null;
    return false;
  }
}

export async function* replay<E>(
  hub: EventHub<E>,
  filter: EventFilter,
  since: Date | string,
  options: SinceOptions,
  progress: Progress,
): AsyncGenerator<AnyEvent<E>, void, undefined> {
  const { signal } = options;
  if (signal?.aborted) return;
  const limit = options.limit ?? 100;
  const handled = (event: AnyEvent<E>) => {
    if (event.cursor !== null) progress.lastCursor = event.cursor;
    progress.lastAt = event.at;
  };
  // Listening starts before the first history request so nothing falls between the two.
  const live = options.follow ? openLive(hub, (event) => passesFilter(event, filter, false), signal) : undefined;
  const dedup = new SwitchDedup(options.clockSkewMs ?? 60_000);
  try {
    let position: Date | string = since;
    for (;;) {
      const query = { limit, ...(filter.projectId === undefined ? {} : { projectId: filter.projectId }) };
      const page = await abortable(hub.adapter.eventsSince(position, query), signal);
      if (page === ABORTED) return;
      for (const record of page.events) {
        const event = hub.toEvent(record);
        if (live) dedup.remember(event);
        handled(event);
        yield event;
        if (signal?.aborted) return;
      }
      if (page.events.length === 0 || page.cursor === null || page.cursor === position) break;
      position = page.cursor;
    }
    if (!live) return;
    for await (const event of live) {
      if (dedup.repeats(event)) continue;
      handled(event);
      yield event;
    }
  } finally {
    live?.end(true);
  }
}
