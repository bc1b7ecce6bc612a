import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { forkHelper } from "./fork.js";
import { median, ms } from "./measure.js";

/*
 * What `project.shots.withTasks()` costs the client beside plain fetch + JSON.parse of the same
 * answer (Zou's `data/shots/with-tasks`), on 5,000 shots with 3 tasks each: client CPU and the
 * heap the result holds. The server runs in its own process; each client in a fresh node process
 * on the packages' dist (the iterate-memory workload builds it), the median of 3 reads each.
 */

export interface CostRow {
  measure: string;
  value: string;
  target: string;
}

interface Run {
  cpuMs: number;
  ms: number;
  heap: number;
  shots: number;
}

const shots = 5_000;
const withTasksProjectName = "WithTasks Bench";

async function measure(url: string, mode: "fetch" | "gadget"): Promise<Run> {
  const child = fork(
    fileURLToPath(new URL("./with-tasks-cost-process.mjs", import.meta.url)),
    [url, withTasksProjectName, mode],
    { execArgv: ["--expose-gc"] },
  );
  // Listened to before the report arrives: the child exits right after sending it.
  const exited = once(child, "exit");
  const [report] = (await once(child, "message")) as [{ results: Run[] }];
  await exited;
  const { results } = report;
  if (results.some((r) => r.shots !== shots)) throw new Error(`with-tasks (${mode}) did not read ${shots} shots`);
  return {
    cpuMs: median(results.map((r) => r.cpuMs)),
    ms: median(results.map((r) => r.ms)),
    heap: median(results.map((r) => r.heap)),
    shots,
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export async function withTasksCostWorkload(): Promise<CostRow[]> {
  const server = await forkHelper("./with-tasks-server.ts", [String(shots), withTasksProjectName]);
  try {
    const plain = await measure(`${server.url}`, "fetch");
    const ours = await measure(`${server.url}`, "gadget");
    return [
      {
        measure: `fetch + JSON.parse of data/shots/with-tasks, ${shots} shots × 3 tasks (median of 3)`,
        value: `CPU ${ms(plain.cpuMs)}, heap held ${mib(plain.heap)} (${ms(plain.ms)})`,
        target: "",
      },
      {
        measure: "  project.shots.withTasks(), / fetch + JSON.parse",
        value: `CPU ${(ours.cpuMs / plain.cpuMs).toFixed(1)}×, heap held ${(ours.heap / plain.heap).toFixed(1)}× (CPU ${ms(ours.cpuMs)}, ${mib(ours.heap)})`,
        target: "",
      },
    ];
  } finally {
    await server.stop();
  }
}
