import { type EventRecord, isTrackerError } from "@gadget/core/adapter";
import { KitsuEventStream } from "./stream.js";
import type { KitsuEventStreamOptions } from "./stream-options.js";

/** What the subscribers need of a stream (a KitsuEventStream; a fake in tests). */
export interface EventStreamHandle {
  start(): Promise<void>;
  close(): Promise<void>;
}

export type StreamFactory = (options: KitsuEventStreamOptions) => EventStreamHandle;

export interface SubscribersOptions {
  /** Everything the stream needs but its callbacks. */
  stream: Omit<KitsuEventStreamOptions, "onEvent" | "onError">;
  /** Where stream problems and throwing handlers are reported. */
  onError: (error: unknown) => void;
  /** Sees every event before the handlers (the adapter drops reference data others changed). */
  observe?: (event: EventRecord) => void;
  /** Seam for tests. @default a KitsuEventStream */
  factory?: StreamFactory;
}

/**
 * The session's event listeners and the ONE socket they share: opened by the first subscriber,
 * closed when the last one leaves or when the session cannot authenticate any more (the next
 * subscriber opens a new one). A handler that throws is reported and the others still run.
 */
export class Subscribers {
  private readonly handlers = new Set<(event: EventRecord) => void>();
  private stream: EventStreamHandle | undefined;

  constructor(private readonly options: SubscribersOptions) {}

  /** True while a socket is open or opening. */
  get streaming(): boolean {
    return this.stream !== undefined;
  }

  add(handler: (event: EventRecord) => void): () => void {
    // A wrapper per call, so that the same function subscribed twice is two subscriptions.
    const entry = (event: EventRecord) => handler(event);
    this.handlers.add(entry);
    if (!this.stream) this.open();
    return () => {
      if (!this.handlers.delete(entry)) return;
      if (this.handlers.size === 0) void this.closeStream();
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await this.closeStream();
  }

  private open(): void {
    const factory = this.options.factory ?? ((o: KitsuEventStreamOptions) => new KitsuEventStream(o));
    const stream = factory({
      ...this.options.stream,
      onEvent: (event) => this.dispatch(event),
      onError: (error) => {
        // An AuthError means this stream cannot authenticate. It may still be retrying (a refused fresh
        // token is retried with backoff), so close it as well as forget it: a forgotten stream left
        // running would never be closed and would double every event once a later subscriber reconnects.
        if (isTrackerError(error) && error.code === "AUTH" && this.stream === stream) void this.closeStream();
        this.options.onError(error);
      },
    });
    this.stream = stream;
    // Failures surface through onError; a rejected start must not go unhandled.
    stream.start().catch(() => undefined);
  }

  private dispatch(event: EventRecord): void {
    this.options.observe?.(event);
    for (const handler of [...this.handlers]) {
      try {
        handler(event);
      } catch (error) {
        this.options.onError(error);
      }
    }
  }

  private async closeStream(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    await stream?.close();
  }
}
