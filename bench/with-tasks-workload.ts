import type { Project } from "./deps.js";
import { ms, timed } from "./measure.js";
import type { WorkloadRow } from "./publish-workloads.js";
import { shotCount, type Target } from "./target.js";

/** (c) every shot of the project with its tasks: one request whatever the number of shots. */
export async function withTasksWorkload(target: Target, project: Project): Promise<WorkloadRow> {
  target.counter.reset(project.tracker);
  const run = await timed(async () => {
    const shots = await project.shots.withTasks();
    let tasks = 0;
    // Answered from what withTasks() loaded: no request.
    for (const shot of shots) tasks += (await shot.tasks.all()).length;
    return { shots: shots.length, tasks };
  });
  return {
    workload: `(c) ${run.value.shots} shots with their ${run.value.tasks} tasks`,
    requests: target.counter.total(project.tracker) ?? "—",
    target: "1",
    gazu: `${shotCount + 1}`,
    time: ms(run.ms),
  };
}
