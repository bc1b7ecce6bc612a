import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Id,
  KitsuAdapter,
  type KitsuServer,
  kitsuModule,
  MockTracker,
  Project,
  startKitsuServer,
  Tracker,
} from "./deps.js";

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
   * Requests since `reset`: the server's count locally; on a real Kitsu, the session's own client
   * count (a session opened after `reset` counts from its start, login included).
   */
  counter: Counter;
  close(): Promise<void>;
}

export interface Counter {
  reset(session?: Tracker): void;
  total(session: Tracker): number | undefined;
}

export const shotCount = 30;
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

/** The Kitsu-compatible server over a MockTracker seeded directly (seeding costs no request). */
export async function localTarget(latencyMs: number): Promise<Target & { server: KitsuServer }> {
  const tracker = new MockTracker({ seed: 7 });
  const server = await startKitsuServer({ tracker, latencyMs });
  const projectName = "Gadget Bench";
  const project = await tracker.create("project", { name: projectName, productionType: "short" });
  const sequence = await tracker.create("sequence", { name: "sq010", projectId: project.id });
  const types = (await tracker.query("taskType", {})).items.filter((t) => t.forShots);
  const shotIds = tracker.insertMany(
    "shot",
    Array.from({ length: shotCount }, (_, i) => ({
      name: `sh${String((i + 1) * 10).padStart(4, "0")}`,
      projectId: project.id,
      sequenceId: sequence.id,
    })),
  );
  const wanted = types.filter((t) => ["Layout", "Animation", "Lighting"].includes(t.name));
  tracker.insertMany(
    "task",
    shotIds.flatMap((entityId: Id) => wanted.map((t) => ({ entityId, taskTypeId: t.id }))),
  );
  const env = {
    TRACKER_URL: server.url,
    TRACKER_LOGIN: "admin@example.com",
    TRACKER_PASSWORD: "mysecretpassword",
    TRACKER_PROJECT: projectName,
  };
  const preview = await previewFile();
  return {
    label: `Kitsu-compatible server, ${latencyMs} ms per request`,
    real: false,
    projectName,
    preview,
    server,
    open: () => Project.fromEnv(fromEnvOptions(env)),
    counter: { reset: () => server.stats.reset(), total: () => server.stats.total },
    close: () => server.close(),
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
