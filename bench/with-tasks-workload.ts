import type { Project } from "./deps.js";
import { ms, timed } from "./measure.js";
import type { WorkloadRow } from "./publish-workloads.js";
import { shotCount, type Target } from "./target.js";
import { shotsWithTasks } from "./td-scripts.js";

/** (c) every shot of the project with its tasks: one request whatever the number of shots. */
export async function withTasksWorkload(target: Target, project: Project): Promise<WorkloadRow> {
  target.counter.reset(project.tracker);
  const run = await timed(() => shotsWithTasks(project));
  return {
    workload: `(c) ${run.value.shots} shots with their ${run.value.tasks} tasks`,
    requests: target.counter.total(project.tracker) ?? "—",
    target: "1",
    gazu: `${shotCount + 1}`,
    time: ms(run.ms),
  };
}
