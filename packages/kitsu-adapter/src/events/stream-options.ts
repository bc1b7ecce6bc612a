import type { EventRecord, RequestLogger } from "@gadget/core/adapter";

/** The session's tokens; the Kitsu adapter's auth fits (refresh is single-flight there). */
export interface StreamAuth {
  accessToken(): Promise<string>;
  /** A fresh access token; `stale` is the one the server refused. Throws AuthError when the session cannot get one. */
  refresh(stale?: string): Promise<string>;
}

export interface ReconnectOptions {
  /**
   * Wait before the first reconnection attempt after a drop, in milliseconds; it doubles after each
   * failed attempt (with jitter), up to `maxDelayMs`.
   *
   * @default 250
   * @example { initialDelayMs: 1_000 }
   */
  initialDelayMs?: number;
  /**
   * Longest wait between two attempts, in milliseconds.
   *
   * @default 15000
   * @example { maxDelayMs: 60_000 }
   */
  maxDelayMs?: number;
}

export interface KitsuEventStreamOptions {
  /** Origin of the event server (any path is ignored: socket.io reads it as a namespace). @example "https://kitsu.example.com" */
  origin: string;
  /**
   * socket.io path on that origin.
   *
   * @default "/socket.io"
   */
  path?: string;
  /**
   * Zou's event namespace.
   *
   * @default "/events"
   */
  namespace?: "/events";
  auth: StreamAuth;
  /** Every event, live or replayed after a reconnection, exactly once. */
  onEvent: (event: EventRecord) => void;
  /** Problems the stream survives (a failed attempt, a failed replay) and the one that ends it (an AuthError). */
  onError?: (error: unknown) => void;
  reconnect?: ReconnectOptions;
  /**
   * Receives a line (`gadget:kitsu:events`) for each connection attempt, connection, drop (with its
   * reason and the wait before the next attempt) and the close.
   *
   * @default undefined (nothing is logged)
   * @example logger: { debug: (line) => process.stderr.write(`${line}\n`) }
   */
  logger?: RequestLogger;
  /**
   * Replays what was missed while disconnected; called after each reconnection with a time a little
   * before the drop. Without it, events emitted during a drop are lost (as in gazu).
   *
   * @default undefined
   * @example { recover: async (since) => (await adapter.eventsSince(since)).events }
   */
  recover?: (since: Date) => Promise<EventRecord[]>;
  /**
   * How far before the drop the replay starts, in milliseconds: covers clock skew between this
   * machine and the server, and Zou's whole-second timestamps.
   *
   * @default 10000
   */
  recoverOverlapMs?: number;
}
