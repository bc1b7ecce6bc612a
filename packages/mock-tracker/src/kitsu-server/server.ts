import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TrackerAdapter } from "@gadget/core/adapter";
import { freshKitsuAdmin } from "../seeds/fresh-kitsu.js";
import { dispatch } from "./dispatch.js";
import { FaultInjector } from "./faults.js";
import { Router } from "./router.js";
import { allRoutes } from "./routes/index.js";
import type { ServerContext } from "./server-context.js";
import { attachEvents, type EventServer } from "./socket.js";
import { KitsuState } from "./state.js";
import { RequestStats } from "./stats.js";
import { type TokenControls, TokenService } from "./tokens.js";
import { type TwoFactorControls, twoFactorControls } from "./two-factor.js";
import { type UserControls, userControls } from "./users.js";
import { ZouEventTable } from "./zou-events.js";
import { zouRules } from "./zou-rules.js";
import { seedZou } from "./zou-seed.js";

/** Options of `startKitsuServer()`. */
export interface KitsuServerOptions {
  /**
   * The tracker whose store the server serves. The server answers as Zou does, but the rules the
   * store enforces are the tracker's: give it `zouRules` to accept what Zou accepts and Gadget
   * refuses (duplicate asset names).
   *
   * @default a new MockTracker({ seed: 1, rules: zouRules })
   */
  tracker?: TrackerAdapter;
  /**
   * The studio manager login created at start (Zou's default credentials).
   *
   * @default { email: "admin@example.com", password: "mysecretpassword" }
   */
  admin?: { email: string; password: string; firstName?: string; lastName?: string };
  /**
   * Delay added to every request, to simulate a network.
   *
   * @default 0
   * @example 20
   */
  latencyMs?: number;
  /**
   * Lifetime of access tokens.
   *
   * @default 604800 (7 days, as Zou)
   */
  accessTtlSeconds?: number;
  /**
   * Create Zou's `init-data` reference rows (task types, statuses, departments, asset types) that
   * the tracker lacks: a default MockTracker has them already, a `{ bare: true }` one gets them.
   *
   * @default true
   */
  seedReferenceData?: boolean;
}

/** A running Kitsu-compatible server, with its controls (tokens, users, faults, request counts). */
export interface KitsuServer {
  /** API base, `http://127.0.0.1:<port>/api`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`: the socket.io origin (path `/socket.io`, namespace `/events`). */
  readonly origin: string;
  readonly port: number;
  readonly tracker: TrackerAdapter;
  /** The admin person's id. */
  readonly adminId: string;
  readonly stats: RequestStats;
  readonly tokens: TokenControls;
  readonly faults: FaultInjector;
  readonly users: UserControls;
  /** Two-factor login: the email codes the server "sent", and 2FA switched on without the HTTP dance. */
  readonly twoFactor: TwoFactorControls;
  /** Closes HTTP and socket.io; the tracker is left open. */
  close(): Promise<void>;
  /** Closes and listens again on the same port, keeping the store and the tokens. */
  restart(): Promise<void>;
}

async function defaultTracker(): Promise<TrackerAdapter> {
  const { MockTracker } = await import("../index.js");
  return new MockTracker({ seed: 1, rules: zouRules });
}

/**
 * Starts a Kitsu-compatible HTTP + socket.io server on 127.0.0.1 (a free port) over a mock tracker's
 * store: Zou's REST API as the Kitsu adapter calls it, for tests and the bench.
 *
 * @example
 * const server = await startKitsuServer({ tracker: demoTracker() });
 * const tracker = Tracker.connect(
 *   await createAdapter({ type: "kitsu", url: server.url, login: "admin@example.com", password: "mysecretpassword" }),
 * );
 */
export async function startKitsuServer(options: KitsuServerOptions = {}): Promise<KitsuServer> {
  const tracker = options.tracker ?? (await defaultTracker());
  const state = new KitsuState();
  const ctx: ServerContext = {
    tracker,
    state,
    tokens: new TokenService(options.accessTtlSeconds ?? 7 * 24 * 3600),
    events: new ZouEventTable(state),
  };
  const { email, password } = freshKitsuAdmin;
  const admin = await seedZou(ctx, options.admin ?? { email, password }, {
    reference: options.seedReferenceData ?? true,
  });
  const unsubscribe = tracker.subscribe((event) => ctx.events.fromTracker(event));
  const router = new Router();
  router.add(allRoutes);
  const stats = new RequestStats();
  const faults = new FaultInjector(options.latencyMs ?? 0);
  const d = { router, ctx, stats, faults };

  let http: Server;
  let events: EventServer;
  const listen = async (port: number) => {
    http = createServer((req, res) => {
      dispatch(d, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: true, message: "Internal server error." }));
      });
    });
    events = attachEvents(http, ctx);
    await new Promise<void>((resolve, reject) => {
      http.once("error", reject);
      http.listen(port, "127.0.0.1", () => resolve());
    });
    return (http.address() as AddressInfo).port;
  };
  const stop = async () => {
    await events.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    // A short grace lets in-process clients (undici's keep-alive pool) read the FIN of their
    // closed sockets, so that their next request opens a new connection instead of failing with
    // "other side closed" right after restart(); one I/O turn is not always enough.
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
  };
  const port = await listen(0);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/api`,
    origin,
    port,
    tracker,
    adminId: admin.id,
    stats,
    tokens: ctx.tokens,
    faults,
    users: userControls(ctx),
    twoFactor: twoFactorControls(ctx),
    async close() {
      unsubscribe();
      await stop();
    },
    async restart() {
      await stop();
      await listen(port);
    },
  };
}
