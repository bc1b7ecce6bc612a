import { type ChildProcess, execFileSync, fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { ms } from "./measure.js";
import type { PagedTasksReady } from "./paged-tasks-server.js";
import { tasksProjectName } from "./zou-task-rows.js";

/*
 * Peak RSS of a client iterating 50k, 200k and 1M tasks through the Kitsu-compatible server: each
 * count in a fresh node process (bench/iterate-process.mjs, on the packages' dist, built here
 * first), the server in its own (bench/paged-tasks-server.ts). Iterating keeps only what the caller
 * holds, so the peak should not grow with the count.
 */

/** What bench/iterate-process.mjs reports. */
export interface IterateReport {
  tasks: number;
  /** RSS once the session is open, before the first page (bytes). */
  before: number;
  /** The process's peak RSS (bytes). */
  peak: number;
  /** The highest RSS and V8 heap seen while iterating, every 1,000 tasks (bytes). */
  iterating: { rss: number; heap: number };
  ms: number;
}

export interface MemoryRow {
  measure: string;
  value: string;
  target: string;
}

export const iterateCounts = [50_000, 200_000, 1_000_000] as const;
const peakTarget = 200 * 1024 * 1024;

const tsx = () => ["--import", import.meta.resolve("tsx"), "--conditions=@gadget/source"];
const benchFile = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The client packages' dist, which the measured process runs on. */
function buildClient(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsc = fileURLToPath(new URL("../node_modules/.bin/tsc", import.meta.url));
  execFileSync(tsc, ["-b", "packages/core", "packages/kitsu-adapter"], { cwd: root, stdio: "inherit" });
}

/** The first message of a child that has `key` (tsx's own IPC messages are skipped), or its failure. */
function firstMessage<T>(child: ChildProcess, what: string, key: keyof T & string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (message: unknown) => {
      if (typeof message !== "object" || message === null || !(key in message)) return;
      child.off("message", listener);
      resolve(message as T);
    };
    child.on("message", listener);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${what} exited (code ${code}) before answering: see above.`)));
  });
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function iterateMemoryWorkload(counts: readonly number[] = iterateCounts): Promise<MemoryRow[]> {
  buildClient();
  const server = fork(benchFile("./paged-tasks-server.ts"), counts.map(String), { execArgv: tsx() });
  const killOnExit = () => server.kill();
  process.once("exit", killOnExit);
  const rows: MemoryRow[] = [];
  try {
    const { url } = await firstMessage<PagedTasksReady>(server, "bench/paged-tasks-server.ts", "url");
    for (const count of counts) {
      const child = fork(benchFile("./iterate-process.mjs"), [url, tasksProjectName(count)], { execArgv: [] });
      const report = await firstMessage<IterateReport>(child, "bench/iterate-process.mjs", "tasks");
      await once(child, "exit");
      if (report.tasks !== count) throw new Error(`iterated ${report.tasks} tasks, expected ${count}`);
      rows.push({
        measure: `iterate ${count} tasks (project.tasks.iterate()), peak RSS`,
        value: `${mb(report.peak)} (${mb(report.before)} before the first page, heap ≤ ${mb(report.iterating.heap)}; ${ms(report.ms)})`,
        target: `< ${mb(peakTarget)}`,
      });
    }
  } finally {
    process.off("exit", killOnExit);
    const gone = once(server, "exit");
    server.kill();
    await gone;
  }
  return rows;
}
