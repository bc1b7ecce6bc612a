import { type KitsuConfig, Tracker } from "@gadget/core";
import { kitsuConfigSchema, type TrackerAdapter } from "@gadget/core/adapter";
import { createAdapter } from "@gadget/kitsu-adapter";
import { MockTracker } from "@gadget/mock-tracker";
import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import type { Recorder } from "./recorder.js";
import { Side } from "./side.js";

/*
 * The two backends of a run: the mock tracker in process, and Kitsu through the Kitsu adapter,
 * either the Kitsu-compatible test server (port 0) or a real Zou named by TRACKER_* variables.
 */

/** How long the runner waits for Kitsu's events after a write (they come over socket.io). */
export interface Settle {
  /** Longest wait for as many events as the mock emitted. */
  maxMs: number;
  /** Quiet time after that, to catch events the mock did not emit. */
  quietMs: number;
}

export interface Backends {
  mock: Side;
  kitsu: Side;
  /** What the Kitsu side is: `test server` or the real server's URL. */
  target: string;
  settle: Settle;
  close(): Promise<void>;
}

function listen(side: Side): () => void {
  return side.tracker.on("*", (e) => {
    side.events.push({ name: e.name, id: e.id, projectId: e.projectId, data: e.data });
  });
}

function pair(mock: Tracker, kitsu: Tracker, target: string, settle: Settle, cleanup: () => Promise<void>): Backends {
  const sides = { mock: new Side("mock", mock), kitsu: new Side("kitsu", kitsu) };
  const stops = [listen(sides.mock), listen(sides.kitsu)];
  return {
    ...sides,
    target,
    settle,
    async close() {
      for (const stop of stops) stop();
      await mock.close();
      await kitsu.close();
      await cleanup();
    },
  };
}

/** The real Kitsu the TRACKER_* variables name, or undefined when they name none. */
export function kitsuFromEnv(env: NodeJS.ProcessEnv = process.env): KitsuConfig | undefined {
  if (!env.TRACKER_URL || !(env.TRACKER_TOKEN || (env.TRACKER_LOGIN && env.TRACKER_PASSWORD))) return undefined;
  return kitsuConfigSchema.parse({
    type: "kitsu",
    url: env.TRACKER_URL,
    login: env.TRACKER_LOGIN,
    password: env.TRACKER_PASSWORD,
    token: env.TRACKER_TOKEN,
    eventsUrl: env.TRACKER_EVENTS_URL,
  });
}

/** The mock against the Kitsu-compatible test server (each with a store of its own). */
export async function againstTestServer(): Promise<Backends> {
  const server = await startKitsuServer();
  const adapter = await createAdapter({
    type: "kitsu",
    url: server.url,
    login: "admin@example.com",
    password: "mysecretpassword",
  });
  return pair(
    Tracker.connect(new MockTracker()),
    Tracker.connect(adapter),
    "test server",
    { maxMs: 2_000, quietMs: 10 },
    () => server.close(),
  );
}

/**
 * The mock against a real Kitsu. With a recorder, the adapter's HTTP goes through it (a proxy on
 * loopback) and its events straight to the server.
 */
export async function againstRealKitsu(config: KitsuConfig, recorder?: Recorder): Promise<Backends> {
  let adapter: TrackerAdapter;
  if (recorder) {
    const proxied = await recorder.start(config);
    adapter = await createAdapter({
      ...config,
      url: proxied,
      eventsUrl: config.eventsUrl ?? new URL(config.url).origin,
    });
  } else {
    adapter = await createAdapter(config);
  }
  return pair(
    Tracker.connect(new MockTracker()),
    Tracker.connect(adapter),
    config.url,
    { maxMs: 3_000, quietMs: 300 },
    async () => {
      await recorder?.stop();
    },
  );
}
