import { rm } from "node:fs/promises";
import type { ProxyCounts, ProxyLogEntry } from "./counting-proxy.js";
import { Project, type RawClient, Tracker, table } from "./deps.js";
import { forkHelper } from "./fork.js";
import { findGazuLab, type GazuLab, type GazuWorkload } from "./gazu.js";
import { median, ms, timed } from "./measure.js";
import { fromEnvOptions, previewFile, shotCount } from "./target.js";
import { newShots, publish, publishByNames, shotsWithTasks } from "./td-scripts.js";

/*
 * `pnpm bench` with TRACKER_URL (and credentials) set: W1-W4 on that Kitsu with Gadget and, when
 * the Zou lab is on this machine, with gazu 1.1.12 in the same run, both through one counting
 * proxy (counting-proxy.ts) that also adds latency: the same yardstick for both clients.
 */

const latencies = [0, 80];
const w1Runs = 5;
const warmRuns = 3;
const shotsToCreate = 100;

interface Measure {
  requests: number;
  roundTrips: number;
  ms: number;
}

interface Proxy {
  /** The tracker's API URL through the proxy. */
  api: string;
  mark(): Promise<void>;
  counts(): Promise<ProxyCounts>;
  log(): Promise<ProxyLogEntry[]>;
  latency(ms: number): Promise<void>;
  stop(): Promise<void>;
}

async function startProxy(trackerUrl: string): Promise<Proxy> {
  const upstream = new URL(trackerUrl);
  const helper = await forkHelper("./proxy-process.ts", [upstream.origin]);
  const call = async (method: string, path: string) => {
    const answer = await fetch(`${helper.url}/__bench/${path}`, { method });
    if (!answer.ok) throw new Error(`bench proxy: ${method} ${path} answered ${answer.status}`);
    return answer.json();
  };
  return {
    api: `${helper.url}${upstream.pathname.replace(/\/$/, "")}`,
    mark: async () => void (await call("POST", "mark")),
    counts: () => call("GET", "counts") as Promise<ProxyCounts>,
    log: () => call("GET", "log") as Promise<ProxyLogEntry[]>,
    latency: async (value) => void (await call("PUT", `latency/${value}`)),
    stop: () => helper.stop(),
  };
}

// BENCH_PREFIX keeps several developers' runs on one shared Kitsu apart (e.g. `perf11-`).
const runName = `${process.env.BENCH_PREFIX ?? ""}Gadget Bench ${new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-")}`;
const automatedName = `${runName} auto`;

/**
 * A project for the run: sequence sq010, 30 shots, each with a Layout, Animation and Lighting task;
 * `mainPreviewAutomated` gives it Kitsu's "set main preview automatically".
 */
async function createBenchProject(tracker: Tracker, name = runName, mainPreviewAutomated = false): Promise<Project> {
  const project = await tracker.projects.new({ name, productionType: "short", mainPreviewAutomated });
  const sequence = await project.sequences.new({ name: "sq010" });
  const shots = await sequence.shots.newMany(
    Array.from({ length: shotCount }, (_, i) => ({ name: `sh${String((i + 1) * 10).padStart(4, "0")}` })),
  );
  const types = (await tracker.taskTypes.all()).filter(
    (t) => t.forShots && ["Layout", "Animation", "Lighting"].includes(t.name),
  );
  for (const type of types) {
    await project.enable(type);
    // Zou's own bulk route: one request per task type instead of one per task.
    await tracker.raw.post(
      `actions/projects/${project.id}/task-types/${type.id}/shots/create-tasks`,
      shots.map((s) => s.id),
    );
  }
  return project;
}

/** How big and slow `GET data/user/context` is on this studio (what a session used to boot with). */
async function contextCost(raw: RawClient): Promise<string> {
  const runs: { ms: number; value: Record<string, unknown> }[] = [];
  for (let i = 0; i < 3; i++) runs.push(await timed(() => raw.get<Record<string, unknown>>("data/user/context")));
  const last = runs.at(-1)?.value ?? {};
  const size = Buffer.byteLength(JSON.stringify(last));
  const length = (key: string) => (Array.isArray(last[key]) ? (last[key] as unknown[]).length : 0);
  return (
    `studio: ${length("projects")} open projects, ${length("persons")} persons, ${length("task_types")} task types, ` +
    `${length("task_status")} task statuses; GET data/user/context: ${(size / 1024).toFixed(0)} KiB, ` +
    `${ms(median(runs.map((r) => r.ms)))} (median of ${runs.length})`
  );
}

export async function realMode(env: NodeJS.ProcessEnv): Promise<void> {
  const trackerUrl = env.TRACKER_URL as string;
  const admin = await Tracker.fromEnv(fromEnvOptions({ ...env, TRACKER_PROJECT: undefined }));
  const proxy = await startProxy(trackerUrl);
  const { lab, why } = await findGazuLab();
  const projects: Project[] = [];
  let preview: string | undefined;
  try {
    console.log(`\nKitsu workloads on the real Kitsu at ${trackerUrl}`);
    console.log(await contextCost(admin.raw));
    projects.push(await createBenchProject(admin));
    // W1 and W2 again where Zou sets the main preview itself: Gadget saves its set-main-preview there.
    projects.push(await createBenchProject(admin, automatedName, true));
    // W4's shots go to a project of their own: W3 keeps its 30 shots.
    projects.push(await admin.projects.new({ name: `${runName} W4`, productionType: "short" }));
    const shared = lab?.shared(`preview-${process.pid}.png`);
    preview = await previewFile(shared?.host);
    const bench = new RealBench(proxy, runName, automatedName, preview, lab, shared?.inside);
    if (!lab) console.log(`(gazu columns empty: ${why})`);
    for (const latency of latencies) {
      await proxy.latency(latency);
      console.log(
        `\n+${latency} ms per request (counting proxy; requests and sequential round trips as it saw them)\n`,
      );
      console.log(await bench.table(latency));
    }
  } finally {
    await proxy.stop();
    if (preview) await rm(preview, { force: true });
    // A failed clean-up must not hide why the run failed.
    for (const project of projects) {
      await removeProject(project).catch((error: unknown) => console.error("bench clean-up:", error));
    }
    await admin.close();
  }
}

async function removeProject(project: Project): Promise<void> {
  // Kitsu deletes only closed projects.
  project.status = "closed";
  await project.save();
  await project.delete({ force: true });
}

/** W1-W4 for both clients at one latency, runs interleaved so that both see the same machine. */
class RealBench {
  constructor(
    private readonly proxy: Proxy,
    private readonly projectName: string,
    /** The same project, with Kitsu's "set main preview automatically". */
    private readonly automatedName: string,
    private readonly preview: string,
    private readonly lab: GazuLab | undefined,
    private readonly previewInLab: string | undefined,
  ) {}

  private readonly env = (projectName = this.projectName) => ({
    ...process.env,
    TRACKER_URL: this.proxy.api,
    TRACKER_PROJECT: projectName,
  });

  private readonly open = (projectName = this.projectName) => Project.fromEnv(fromEnvOptions(this.env(projectName)));

  /** Counts and time of `work`, from the proxy's mark. */
  private async measured(work: () => Promise<unknown>): Promise<Measure> {
    await this.proxy.mark();
    const run = await timed(work);
    const counts = await this.proxy.counts();
    return { requests: counts.requests, roundTrips: counts.roundTrips, ms: run.ms };
  }

  private async gazu(
    workload: GazuWorkload,
    run: string,
    projectName = this.projectName,
  ): Promise<Measure | undefined> {
    if (!this.lab || !this.previewInLab) return undefined;
    const time = await this.lab.run(workload, {
      api: this.proxy.api,
      project: workload === "w4" ? `${projectName} W4` : projectName,
      preview: this.previewInLab,
      run,
    });
    const counts = await this.proxy.counts();
    return { requests: counts.requests, roundTrips: counts.roundTrips, ms: time };
  }

  /** W1 runs of both clients on one project, interleaved; `logs` gets the last run's requests. */
  private async w1(
    latency: number,
    projectName: string,
    logs: { gadget: ProxyLogEntry[]; gazu: ProxyLogEntry[] } = { gadget: [], gazu: [] },
  ): Promise<{ gadget: Measure[]; gazu: (Measure | undefined)[] }> {
    const gadget: Measure[] = [];
    const gazu: (Measure | undefined)[] = [];
    const gadgetW1 = async () => {
      let session: Project | undefined;
      gadget.push(
        await this.measured(async () => {
          session = (await publishByNames(() => this.open(projectName), this.preview)).project;
        }),
      );
      logs.gadget = await this.proxy.log();
      await session?.tracker.close();
    };
    const gazuW1 = async (i: number) => {
      gazu.push(await this.gazu("w1", `${latency}-${i}`, projectName));
      if (this.lab) logs.gazu = await this.proxy.log();
    };
    for (let i = 0; i < w1Runs; i++) {
      // Who goes first alternates: neither client always meets the server just after the other.
      if (i % 2 === 0) await gadgetW1().then(() => gazuW1(i));
      else await gazuW1(i).then(gadgetW1);
    }
    return { gadget, gazu };
  }

  /** W2 runs of both clients on one project: the publish alone, task and status in hand. */
  private async w2(
    latency: number,
    projectName: string,
  ): Promise<{ gadget: Measure[]; gazu: (Measure | undefined)[] }> {
    const project = await this.open(projectName);
    try {
      const task = await (await project.shots.get({ name: "sh0010" })).tasks.fetch("Animation");
      const wip = await project.tracker.taskStatuses.get({ shortName: "wip" });
      const gadget: Measure[] = [];
      const gazu: (Measure | undefined)[] = [];
      for (let i = 0; i < warmRuns; i++) {
        gadget.push(await this.measured(() => publish(task, wip, this.preview, "Spline pass (bench W2)")));
        gazu.push(await this.gazu("w2", `${latency}-${i}`, projectName));
      }
      return { gadget, gazu };
    } finally {
      await project.tracker.close();
    }
  }

  async table(latency: number): Promise<string> {
    const rows: (readonly unknown[])[] = [];
    const add = (label: string, ours: Measure[], theirs: (Measure | undefined)[]) => {
      const g = summary(ours);
      const z = theirs.every((m) => m !== undefined) ? summary(theirs as Measure[]) : undefined;
      rows.push([
        label,
        g.requests,
        g.roundTrips,
        ms(g.ms),
        z?.requests,
        z?.roundTrips,
        z ? ms(z.ms) : undefined,
        z ? `${(z.ms / g.ms).toFixed(2)}×` : undefined,
      ]);
    };

    const logs: { gadget: ProxyLogEntry[]; gazu: ProxyLogEntry[] } = { gadget: [], gazu: [] };
    const { gadget: w1, gazu: w1gazu } = await this.w1(latency, this.projectName, logs);
    add(`W1 names → comment + preview + main, fresh session (median of ${w1Runs})`, w1, w1gazu);
    const runs = (measures: (Measure | undefined)[]) => measures.map((m) => (m ? ms(m.ms) : "—")).join(", ");
    const w1Spread = `W1 runs: Gadget ${runs(w1)}; gazu ${runs(w1gazu)}`;

    const project = await this.open();
    try {
      const shot = await project.shots.get({ name: "sh0010" });
      const task = await shot.tasks.fetch("Animation");
      const wip = await project.tracker.taskStatuses.get({ shortName: "wip" });
      const w2: Measure[] = [];
      const w2gazu: (Measure | undefined)[] = [];
      const w3: Measure[] = [];
      const w3gazu: (Measure | undefined)[] = [];
      for (let i = 0; i < warmRuns; i++) {
        w2.push(await this.measured(() => publish(task, wip, this.preview, "Spline pass (bench W2)")));
        w2gazu.push(await this.gazu("w2", `${latency}-${i}`));
        w3.push(await this.measured(() => shotsWithTasks(project)));
        w3gazu.push(await this.gazu("w3", `${latency}-${i}`));
      }
      add(`W2 the same, task and status in hand, warm session (median of ${warmRuns})`, w2, w2gazu);
      add(`W3 ${shotCount} shots with their tasks (median of ${warmRuns})`, w3, w3gazu);
      const w4Project = await project.tracker.projects.get({ name: `${this.projectName} W4` });
      const w4 = await this.measured(() => newShots(w4Project, `gd${latency}`, shotsToCreate));
      add(`W4 a sequence and ${shotsToCreate} shots in it`, [w4], [await this.gazu("w4", String(latency))]);
    } finally {
      await project.tracker.close();
    }
    const auto = await this.w1(latency, this.automatedName);
    add(`W1 on a project with mainPreviewAutomated (median of ${w1Runs})`, auto.gadget, auto.gazu);
    const autoW2 = await this.w2(latency, this.automatedName);
    add(`W2 on a project with mainPreviewAutomated (median of ${warmRuns})`, autoW2.gadget, autoW2.gazu);
    const results = table(
      ["workload", "Gadget req", "round trips", "time", "gazu req", "round trips", "time", "gazu/Gadget"],
      rows,
    );
    return `${results}\n${w1Spread}\n\nW1, last run, request by request (round trip, arrival after the mark, time to answer, answer size):\n${breakdown(logs)}`;
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The requests of one W1 run of each client, side by side with their timings. */
function breakdown(logs: { gadget: ProxyLogEntry[]; gazu: ProxyLogEntry[] }): string {
  const line = (e: ProxyLogEntry | undefined) =>
    e
      ? `${e.depth}. ${e.method} ${e.path.split("?")[0]} +${e.at.toFixed(0)} ${e.ms.toFixed(0)} ms ${kib(e.bytes)}`
      : "";
  const length = Math.max(logs.gadget.length, logs.gazu.length);
  return table(
    ["Gadget", "gazu"],
    Array.from({ length }, (_, i) => [line(logs.gadget[i]), line(logs.gazu[i])]),
  );
}

/** Medians of the runs' counts and times. */
function summary(runs: readonly Measure[]): Measure {
  return {
    requests: median(runs.map((r) => r.requests)),
    roundTrips: median(runs.map((r) => r.roundTrips)),
    ms: median(runs.map((r) => r.ms)),
  };
}
