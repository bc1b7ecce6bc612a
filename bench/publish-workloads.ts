import type { Project, Task } from "./deps.js";
import { ms, timed } from "./measure.js";
import type { Target } from "./target.js";
import { publish, publishByNames } from "./td-scripts.js";

export interface WorkloadRow {
  workload: string;
  requests: number | string;
  target: string;
  gazu: string;
  time: string;
}

const count = (n: number | undefined) => (n === undefined ? "—" : n);

/**
 * (a) names → comment + one preview + set main, from a fresh session (login included);
 * (b) the same on the same, warm session with the task's id in hand.
 * Returns the rows and the session, left open for the next workloads.
 */
export async function publishWorkloads(target: Target): Promise<{ rows: WorkloadRow[]; project: Project; task: Task }> {
  target.counter.reset();
  const a = await timed(() => publishByNames(target.open, target.preview));
  const { project, task } = a.value;
  const aRequests = target.counter.total(project.tracker);

  target.counter.reset(project.tracker);
  const b = await timed(async () => {
    const byId = await project.tasks.get({ id: task.id });
    await publish(byId, "wfa", target.preview, "Spline pass (bench b)");
  });
  const bRequests = target.counter.total(project.tracker);

  return {
    project,
    task,
    rows: [
      {
        workload: "(a) names → comment + preview + main (fresh session)",
        requests: count(aRequests),
        target: "≤ 8",
        gazu: "11",
        time: ms(a.ms),
      },
      {
        workload: "(b) same, task id in hand (warm session)",
        requests: count(bRequests),
        target: "≤ 3",
        gazu: "4",
        time: ms(b.ms),
      },
    ],
  };
}
