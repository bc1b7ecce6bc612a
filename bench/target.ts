import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { KitsuAdapter, kitsuModule, Project, Tracker } from "./deps.js";
import type { ServerReady } from "./server-process.js";

/** Where the Kitsu workloads run: the Kitsu-compatible server (20 ms per request) or a real Kitsu. */
export interface Target {
  label: string;
  real: boolean;
  projectName: string;
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
const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

async function previewFile(): Promise<string> {
  const file = join(tmpdir(), `gadget-bench-${process.pid}.png`);
  await writeFile(file, png);
  return file;
}

const fromEnvOptions = (env: Record<string, string | undefined>) => ({
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

/** Forks bench/server-process.ts (tsx, source conditions) and waits for its URL. */
function forkServer(latencyMs: number): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(new URL("./server-process.ts", import.meta.url)), [String(latencyMs)], {
    execArgv: ["--import", import.meta.resolve("tsx"), "--conditions=@gadget/source"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (ready: ServerReady) => resolve({ child, url: ready.url }));
    child.once("error", reject);
    child.once("exit", (code) =>
      reject(new Error(`bench/server-process.ts exited (code ${code}) before sending its URL: see its error above.`)),
    );
  });
}

/** Stops the server process and waits until it is gone. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = once(child, "exit");
  child.kill();
  await gone;
}

/**
 * The Kitsu-compatible server in a child process (see server-process.ts), so that client and
 * server do not share a core; requests are counted by the session's client, as on a real Kitsu.
 */
export async function localTarget(latencyMs: number): Promise<Target> {
  const { child, url } = await forkServer(latencyMs);
  // Whatever way the bench leaves (a throw, process.exit), the server goes with it.
  const killOnExit = () => child.kill();
  process.once("exit", killOnExit);
  const env = {
    TRACKER_URL: url,
    TRACKER_LOGIN: "admin@example.com",
    TRACKER_PASSWORD: "mysecretpassword",
    TRACKER_PROJECT: benchProjectName,
  };
  return {
    label: `Kitsu-compatible server, ${latencyMs} ms per request`,
    real: false,
    projectName: benchProjectName,
    preview: await previewFile(),
    open: () => Project.fromEnv(fromEnvOptions(env)),
    counter: clientCounter(),
    async close() {
      process.off("exit", killOnExit);
      await stop(child);
    },
  };
}

/**
 * A real Kitsu from TRACKER_URL and credentials: a bench project is made there (a sequence, 30
 * shots with Layout/Animation/Lighting tasks) and deleted at the end.
 */
export async function realTarget(env: NodeJS.ProcessEnv): Promise<Target> {
  const projectName = `Gadget Bench ${new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-")}`;
  const tracker = await Tracker.fromEnv(fromEnvOptions({ ...env, TRACKER_PROJECT: undefined }));
  const project = await tracker.projects.new({ name: projectName, productionType: "short" });
  const sequence = await project.sequences.new({ name: "sq010" });
  const shots = await sequence.shots.newMany(
    Array.from({ length: shotCount }, (_, i) => ({ name: `sh${String((i + 1) * 10).padStart(4, "0")}` })),
  );
  const types = (await tracker.taskTypes.all()).filter((t) => t.forShots);
  for (const type of types.filter((t) => ["Layout", "Animation", "Lighting"].includes(t.name))) {
    await project.enable(type);
    for (const shot of shots) await shot.tasks.new({ taskType: type });
  }
  const preview = await previewFile();
  return {
    label: `real Kitsu at ${env.TRACKER_URL}`,
    real: true,
    projectName,
    preview,
    open: () => Project.fromEnv(fromEnvOptions({ ...env, TRACKER_PROJECT: projectName })),
    counter: clientCounter(),
    async close() {
      // Kitsu deletes only closed projects.
      project.status = "closed";
      await project.save();
      await project.delete({ force: true });
      await tracker.close();
    },
  };
}
