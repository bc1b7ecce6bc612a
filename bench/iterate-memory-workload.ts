import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { IterateReport } from "./iterate-process.js";
import { ms } from "./measure.js";
import type { PagedTasksReady } from "./paged-tasks-server.js";

/*
 * Peak RSS of a client iterating 50k, 200k and 1M tasks through the Kitsu-compatible server: each
 * count in a fresh process (bench/iterate-process.ts), the server in its own
 * (bench/paged-tasks-server.ts). Iterating keeps only what the caller holds, so the peak should
 * not grow with the count.
 */

export interface MemoryRow {
  measure: string;
  value: string;
  target: string;
}

export const iterateCounts = [50_000, 200_000, 1_000_000] as const;
const peakTarget = 200 * 1024 * 1024;

const tsx = () => ["--import", import.meta.resolve("tsx"), "--conditions=@gadget/source"];

function forkBench(file: string, args: readonly string[]): ChildProcess {
  return fork(fileURLToPath(new URL(file, import.meta.url)), args, { execArgv: tsx() });
}

/** The first message of a child, or its failure. */
function firstMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once("message", (message: T) => resolve(message));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${what} exited (code ${code}) before answering: see above.`)));
  });
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function iterateMemoryWorkload(counts: readonly number[] = iterateCounts): Promise<MemoryRow[]> {
  const server = forkBench("./paged-tasks-server.ts", counts.map(String));
  const killOnExit = () => server.kill();
  process.once("exit", killOnExit);
  const rows: MemoryRow[] = [];
  try {
    const { url } = await firstMessage<PagedTasksReady>(server, "bench/paged-tasks-server.ts");
    for (const count of counts) {
      const child = forkBench("./iterate-process.ts", [url, String(count)]);
      const report = await firstMessage<IterateReport>(child, "bench/iterate-process.ts");
      await once(child, "exit");
      if (report.tasks !== count) throw new Error(`iterated ${report.tasks} tasks, expected ${count}`);
      rows.push({
        measure: `iterate ${count} tasks (project.tasks.iterate()), peak RSS`,
        value: `${mb(report.peak)} (${mb(report.before)} before the first page; ${ms(report.ms)})`,
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
