import type { EventRecord, EventsPage, EventsSinceOptions, Id } from "@gadget/core/adapter";
import { splitEventName, ValidationError } from "@gadget/core/adapter";

export type EventHandler = (event: EventRecord) => void;

const copyEvent = (event: EventRecord): EventRecord => ({
  ...event,
  at: new Date(event.at),
  data: structuredClone(event.data),
});

/**
 * The studio's event history and live subscribers. Cursors are the event's rank, so replay
 * (`since`) is exact even when several events share a timestamp.
 */
export class EventHistory {
  private readonly entries: EventRecord[] = [];
  private readonly handlers = new Set<EventHandler>();
  private seq: number;

  constructor(
    startSeq = 0,
    private readonly onHandlerError: (error: unknown) => void = () => {},
  ) {
    this.seq = startSeq;
  }

  /** Rank of the last event written (0 before the first). */
  get lastSeq(): number {
    return this.seq;
  }

  get size(): number {
    return this.entries.length;
  }

  emit(name: string, id: Id, projectId: Id | null, data: Record<string, unknown>, at: Date): void {
    this.seq += 1;
    const { kind, action } = splitEventName(name);
    const event: EventRecord = { name, kind, action, id, projectId, at, data, cursor: String(this.seq) };
    this.entries.push(event);
    if (this.handlers.size === 0) return;
    // Delivered after the write returns, as a tracker's event stream would.
    queueMicrotask(() => {
      for (const handler of this.handlers) {
        try {
          handler(copyEvent(event));
        } catch (error) {
          this.onHandlerError(error);
        }
      }
    });
  }

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  clearSubscribers(): void {
    this.handlers.clear();
  }

  /** Events after `since`: a cursor (an event's rank), a Date, or an ISO timestamp, as the Kitsu adapter reads it. */
  since(since: Date | string, options: EventsSinceOptions = {}): EventsPage {
    const limit = options.limit ?? 100;
    const after = startOf(since);
    const events: EventRecord[] = [];
    for (const event of this.entries) {
      if (events.length >= limit) break;
      if ("seq" in after ? Number(event.cursor) <= after.seq : event.at.getTime() <= after.time) continue;
      if (options.projectId && event.projectId !== options.projectId) continue;
      events.push(copyEvent(event));
    }
    const last = events.at(-1);
    return { events, cursor: last ? last.cursor : typeof since === "string" ? since : null };
  }
}

const timestampPattern = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A cursor is a rank; a timestamp without a zone is UTC, as the tracker writes them. */
function startOf(since: Date | string): { seq: number } | { time: number } {
  if (since instanceof Date) {
    if (Number.isNaN(since.getTime())) throw ValidationError.eventCursor(String(since));
    return { time: since.getTime() };
  }
  if (/^\d+$/.test(since)) return { seq: Number(since) };
  const timestamp = timestampPattern.exec(since);
  if (timestamp) {
    const iso = since.length === 10 ? `${since}T00:00:00Z` : `${since.replace(" ", "T")}${timestamp[1] ? "" : "Z"}`;
    const time = Date.parse(iso);
    if (!Number.isNaN(time)) return { time };
  }
  throw ValidationError.eventCursor(since);
}
