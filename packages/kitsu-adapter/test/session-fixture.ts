import { Tracker } from "@gadget/core";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, afterEach, beforeAll } from "vitest";
import * as kitsu from "../src/index.js";

/*
 * One Kitsu-compatible server per test file, and sessions on it through `Tracker.fromEnv` as a
 * tool opens them; every session a test opened is closed after it.
 */

export type FromEnvOptions = NonNullable<Parameters<typeof Tracker.fromEnv>[0]>;

export interface SessionFixture {
  /** The file's server (started before the first test). */
  readonly server: KitsuServer;
  /** A session with these `TRACKER_*` variables (TRACKER_URL is the server's) and options. */
  connect(env: Record<string, string | undefined>, options?: FromEnvOptions): Promise<Tracker>;
}

export function sessionFixture(): SessionFixture {
  let server: KitsuServer | undefined;
  const open: Tracker[] = [];
  beforeAll(async () => {
    server = await startKitsuServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    for (const tracker of open.splice(0)) await tracker.close();
  });
  return {
    get server() {
      if (!server) throw new Error("the Kitsu-compatible server is not started yet");
      return server;
    },
    async connect(env, options = {}) {
      const tracker = await Tracker.fromEnv({
        env: { TRACKER_URL: this.server.url, ...env },
        envFile: false,
        modules: { kitsu },
        ...options,
      });
      open.push(tracker);
      return tracker;
    },
  };
}
