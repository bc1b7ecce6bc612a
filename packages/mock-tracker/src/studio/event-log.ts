import type { EventRecord, EventsPage, EventsSinceOptions, Id } from "@gadget/core";
import { splitEventName, ValidationError } from "@gadget/core";

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
export class EventLog {
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

  since(since: Date | string, options: EventsSinceOptions = {}): EventsPage {
    const limit = options.limit ?? 100;
    const after = typeof since === "string" ? parseCursor(since) : null;
    const events: EventRecord[] = [];
    for (const event of this.entries) {
      if (events.length >= limit) break;
      if (after !== null ? Number(event.cursor) <= after : event.at.getTime() <= (since as Date).getTime()) continue;
      if (options.projectId && event.projectId !== options.projectId) continue;
      events.push(copyEvent(event));
    }
    const last = events.at(-1);
    return { events, cursor: last ? last.cursor : typeof since === "string" ? since : null };
  }
}

function parseCursor(cursor: string): number {
  const n = Number(cursor);
  if (!Number.isInteger(n) || n < 0) {
    throw new ValidationError(
      `"${cursor}" is not an event cursor of the mock tracker. Pass the cursor of an event or page, or a Date.`,
      [{ path: ["since"], message: "not an event cursor" }],
    );
  }
  return n;
}
