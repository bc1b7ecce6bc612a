import { inspect } from "node:util";
import {
  AuthError,
  ConfigError,
  type EventRecord,
  isTrackerError,
  NetworkError,
  PermissionError,
  type RequestLog,
  requestLog,
  type StreamLine,
} from "@gadget/core/adapter";
import type { Socket } from "socket.io-client";
import { EventDeduper } from "./dedupe.js";
import { fromSocketEvent } from "./payload.js";
import type { KitsuEventStreamOptions } from "./stream-options.js";

/*
 * Zou's event stream (zou.md §6): socket.io at `<origin>/socket.io`, namespace `/events`, JWT read
 * from the handshake's `Authorization` header only, checked once at connect. socket.io's own
 * reconnection replays the handshake with the headers of the first connect, so after a token
 * expiry plus a server restart it is refused forever (gazu's bug, gazu.md §2.11). This stream owns
 * its reconnection instead: every attempt sets a token it just asked for, and a refusal refreshes it.
 */

type State = "idle" | "connecting" | "open" | "waiting" | "closed";

const namespace = "gadget:kitsu:events";

/** A refusal by the server (bad or expired token), as opposed to a server that cannot be reached. */
function isRefusal(error: Error): boolean {
  const { type, description } = error as Error & { type?: unknown; description?: unknown };
  if (type === "TransportError") return description === 401 || description === 403;
  // socket.io-client sets `data` only on the namespace's CONNECT_ERROR packet, which is how Zou refuses.
  return Object.hasOwn(error, "data");
}

/**
 * Kitsu's event stream over socket.io: connects with the session's token, reconnects with a fresh one
 * after expiry or a server restart, and replays the gap so that no event is lost or doubled (but for a
 * change signal whose live copy arrives after its replay: see EventDeduper).
 */
export class KitsuEventStream {
  /** Made at the first connection: socket.io is loaded only by sessions that listen to events. */
  private socket: Socket | undefined;
  private readonly url: string;
  private readonly deduper: EventDeduper;
  private state: State = "idle";
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The token of the last handshake, private: util.inspect and JSON never reach it. */
  #token: string | undefined;
  private refreshNext = false;
  private tokenIsFresh = false;
  private gapSince: number | undefined;
  /** Events stamped before this (ms, whole second) predate the first listener: the first replay skips them. */
  private listenFrom: number | undefined;
  private replaying = false;
  /** The account may not read the event history: gaps are not replayed. */
  private replayRefused = false;
  private buffered: EventRecord[] = [];
  private started: Promise<void> | undefined;
  private settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  private readonly log: RequestLog | undefined;
  /** For the log: attempts ever made (the first is `connecting`, the others `reconnecting`), and since the last connection. */
  private attempts = 0;
  private tries = 0;
  private attemptStart = 0;

  constructor(private readonly options: KitsuEventStreamOptions) {
    let origin: string;
    try {
      origin = new URL(options.origin).origin;
    } catch {
      throw ConfigError.invalidVariable(
        "TRACKER_EVENTS_URL",
        `"${options.origin}" is not a URL`,
        "Set it to the origin of Kitsu's event stream, e.g. https://kitsu.example.com.",
      );
    }
    this.url = `${origin}${options.namespace ?? "/events"}`;
    this.deduper = new EventDeduper(options.recoverOverlapMs ?? 10_000);
    this.log = requestLog(options.logger);
  }

  /** The socket, made once; socket.io-client is imported here, not when the adapter loads. */
  private async socketFor(): Promise<Socket> {
    if (this.socket) return this.socket;
    const { io } = await import("socket.io-client");
    if (this.socket) return this.socket;
    const socket = io(this.url, {
      path: this.options.path ?? "/socket.io",
      autoConnect: false,
      reconnection: false,
      forceNew: true,
      // Zou's server expects the polling handshake first; headers ride on both transports in Node.
      transports: ["polling", "websocket"],
    });
    socket.on("connect", () => this.onConnect());
    socket.on("connect_error", (error) => this.onConnectError(error));
    socket.on("disconnect", (reason) => this.onDisconnect(reason));
    socket.onAny((name: string, payload: unknown) => this.onSocketEvent(name, payload));
    this.socket = socket;
    return socket;
  }

  /** What a log shows of the stream: where it listens and its state; its socket carries the token. */
  toJSON(): Record<string, unknown> {
    return { url: this.url, state: this.state };
  }

  [inspect.custom](): string {
    return `KitsuEventStream ${inspect(this.toJSON())}`;
  }

  /** Read through a getter: awaits in between may have closed the stream, which narrowing cannot see. */
  private get closed(): boolean {
    return this.state === "closed";
  }

  /** True while the socket is connected to the namespace. */
  get connected(): boolean {
    return this.state === "open";
  }

  /**
   * Connects; resolves at the first successful connection (or when closed first). Rejects only when
   * the session cannot authenticate (AuthError); unreachable servers are retried, reported to onError.
   */
  start(): Promise<void> {
    if (this.started) return this.started;
    this.started = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    if (this.closed) this.settleStart();
    else {
      // A write made between subscribing and the socket's connection would be lost: the first
      // connection replays from the moment of subscribing (Zou stamps whole seconds, hence the floor).
      if (this.options.recover) {
        this.listenFrom = Math.floor(Date.now() / 1000) * 1000;
        this.gapSince = this.deduper.markStart(this.listenFrom - 1000);
      }
      void this.connect();
    }
    return this.started;
  }

  /** Stops listening: socket closed, timers cleared, so that a script can exit. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.state = "closed";
    this.logState("closed");
    clearTimeout(this.timer);
    this.timer = undefined;
    this.buffered = [];
    this.socket?.offAny();
    this.socket?.disconnect();
    this.socket?.removeAllListeners();
    this.settleStart();
  }

  private settleStart(error?: unknown): void {
    const settle = this.settle;
    this.settle = undefined;
    if (error === undefined) settle?.resolve();
    else settle?.reject(error);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    this.state = "connecting";
    let token: string;
    try {
      const refresh = this.refreshNext;
      token = refresh ? await this.options.auth.refresh(this.#token) : await this.options.auth.accessToken();
      this.refreshNext = false;
      this.tokenIsFresh = refresh;
    } catch (error) {
      if (this.closed) return;
      if (isTrackerError(error) && error.code === "AUTH") {
        this.fail(error);
        return;
      }
      this.report(error);
      this.schedule(isTrackerError(error) ? error.code : "token");
      return;
    }
    let socket: Socket;
    try {
      socket = await this.socketFor();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.closed) return;
    this.#token = token;
    this.attempts++;
    this.tries++;
    this.attemptStart = performance.now();
    this.logState(this.attempts === 1 ? "connecting" : "reconnecting", { attempt: this.tries });
    // The Manager builds each new engine from these options, so the next handshake carries this token.
    socket.io.opts.extraHeaders = { Authorization: `Bearer ${token}` };
    socket.connect();
  }

  /** Waits before the next attempt; `reason` is why the last one failed or the connection dropped (for the log). */
  private schedule(reason: string, delay?: number): void {
    if (this.closed) return;
    const { initialDelayMs = 250, maxDelayMs = 15_000 } = this.options.reconnect ?? {};
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** this.failures++);
    const wait = delay ?? ceiling / 2 + (Math.random() * ceiling) / 2;
    this.state = "waiting";
    this.logState("disconnected", { reason, waitMs: wait });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, wait);
  }

  private logState(action: StreamLine["action"], more: Partial<StreamLine> = {}): void {
    this.log?.({ type: "stream", namespace, action, url: this.url, ...more });
  }

  private fail(error: unknown): void {
    this.report(error);
    this.settleStart(error);
    void this.close();
  }

  private report(error: unknown): void {
    if (!this.options.onError) return;
    try {
      this.options.onError(error);
    } catch {
      // An error handler that throws must not take the stream down with it.
    }
  }

  private onConnect(): void {
    if (this.closed) return;
    this.state = "open";
    this.logState("connected", { attempt: this.tries, ms: performance.now() - this.attemptStart });
    this.tries = 0;
    this.failures = 0;
    this.tokenIsFresh = false;
    this.settleStart();
    if (this.gapSince !== undefined) void this.replay();
  }

  private onConnectError(error: Error): void {
    if (this.closed) return;
    if (!isRefusal(error)) {
      this.report(NetworkError.unreachable(this.url, error));
      this.schedule("unreachable");
      return;
    }
    if (this.tokenIsFresh) {
      this.report(AuthError.rejected(`the event stream refused a freshly refreshed token (${error.message})`));
    }
    this.refreshNext = true;
    // A first refusal is an expired token: refresh and retry at once. A refusal of a fresh token waits.
    this.schedule("refused", this.tokenIsFresh ? undefined : 0);
  }

  private onDisconnect(reason: string): void {
    if (this.closed || reason === "io client disconnect") return;
    if (this.options.recover && this.gapSince === undefined) this.gapSince = this.deduper.markDrop(Date.now());
    this.schedule(reason);
  }

  private onSocketEvent(name: string, payload: unknown): void {
    if (this.closed) return;
    const event = fromSocketEvent(name, payload);
    if (!this.deduper.acceptLive(event)) return;
    if (this.replaying) this.buffered.push(event);
    else this.deliver(event);
  }

  /** Replays every gap since the last replay, then what arrived live meanwhile, each event once. */
  private async replay(): Promise<void> {
    const recover = this.options.recover;
    if (!recover || this.replaying || this.replayRefused) return;
    this.replaying = true;
    try {
      while (this.gapSince !== undefined && !this.closed) {
        const since = this.gapSince;
        this.gapSince = undefined;
        const events = await recover(new Date(since));
        for (const event of events) {
          if (this.closed) return;
          if (this.listenFrom !== undefined && event.at.getTime() < this.listenFrom) continue;
          if (this.deduper.acceptReplayed(event, since)) this.deliver(event);
        }
      }
    } catch (error) {
      // Zou serves `events/last` to managers only: an artist's session says so once, then keeps to
      // live events instead of failing again at every reconnection.
      if (error instanceof PermissionError) this.replayRefused = true;
      this.report(error);
    } finally {
      this.replaying = false;
      if (this.gapSince === undefined) this.deduper.replayDone();
      const buffered = this.buffered;
      this.buffered = [];
      for (const event of buffered) this.deliver(event);
    }
  }

  private deliver(event: EventRecord): void {
    if (this.closed) return;
    try {
      this.options.onEvent(event);
    } catch (error) {
      this.report(error);
    }
  }
}
