import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KitsuAdapter, kitsuModule, Project, type Tracker } from "./deps.js";
import { forkHelper } from "./fork.js";

/** Where the local Kitsu workloads run: the Kitsu-compatible server, in a process of its own. */
export interface Target {
  label: string;
  /** A 1x1 PNG to publish. */
  preview: string;
  /** A new session (login included), on the bench project. */
  open(): Promise<Project>;
  /**
   * Requests since `reset`, as the session's own client counts them (a session opened after
   * `reset` counts from its start, login included).
   */
  counter: Counter;
  close(): Promise<void>;
}

export interface Counter {
  reset(session?: Tracker): void;
  total(session: Tracker): number | undefined;
}

export const shotCount = 30;
export const benchProjectName = "Gadget Bench";
/** A whole 1x1 PNG: a real Zou decodes what it is sent (a truncated one is a 500 there). */
const png = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63606060000000040001f61738550000000049454e44ae426082",
  "hex",
);

/** Writes the bench's preview picture at `file` (in the temp dir unless told). */
export async function previewFile(file = join(tmpdir(), `gadget-bench-${process.pid}.png`)): Promise<string> {
  await writeFile(file, png);
  return file;
}

export const fromEnvOptions = (env: Record<string, string | undefined>) => ({
  env,
  envFile: false as const,
  modules: { kitsu: kitsuModule },
});

const clientOf = (session: Tracker) => (session.adapter instanceof KitsuAdapter ? session.adapter.client : undefined);

function clientCounter(): Counter {
  let base = 0;
  return {
    reset: (session) => {
      base = session ? (clientOf(session)?.stats.requests ?? 0) : 0;
    },
    total: (session) => {
      const client = clientOf(session);
      return client ? client.stats.requests - base : undefined;
    },
  };
}

/**
 * The Kitsu-compatible server in a child process (see server-process.ts), so that client and
 * server do not share a core; requests are counted by the session's client, as on a real Kitsu.
 */
export async function localTarget(latencyMs: number): Promise<Target> {
  const server = await forkHelper("./server-process.ts", [String(latencyMs)]);
  const env = {
    TRACKER_URL: server.url,
    TRACKER_LOGIN: "admin@example.com",
    TRACKER_PASSWORD: "mysecretpassword",
    TRACKER_PROJECT: benchProjectName,
  };
  return {
    label: `Kitsu-compatible server, ${latencyMs} ms per request`,
    preview: await previewFile(),
    open: () => Project.fromEnv(fromEnvOptions(env)),
    counter: clientCounter(),
    close: () => server.stop(),
  };
}
