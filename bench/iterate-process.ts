/**
 * One memory measure in a fresh process: a session iterates every task of the "Tasks <n>" project
 * through the Kitsu adapter, keeping none, and reports its peak RSS to the parent over IPC.
 * argv[2] is the API URL (bench/paged-tasks-server.ts), argv[3] the task count.
 */
import { kitsuModule, Project } from "./deps.js";
import { tasksProjectName } from "./paged-tasks-server.js";

export interface IterateReport {
  tasks: number;
  /** RSS once the session is open, before the first page (bytes). */
  before: number;
  /** The process's peak RSS (bytes). */
  peak: number;
  ms: number;
}

async function main(): Promise<void> {
  const [url, count] = [process.argv[2] as string, Number(process.argv[3])];
  const project = await Project.fromEnv({
    env: {
      TRACKER_URL: url,
      TRACKER_LOGIN: "admin@example.com",
      TRACKER_PASSWORD: "mysecretpassword",
      TRACKER_PROJECT: tasksProjectName(count),
    },
    envFile: false,
    modules: { kitsu: kitsuModule },
  });
  const before = process.memoryUsage.rss();
  const start = performance.now();
  let tasks = 0;
  let nbRetakes = 0;
  for await (const task of project.tasks.iterate()) {
    tasks += 1;
    nbRetakes += task.nbRetakes;
  }
  const ms = performance.now() - start;
  await project.tracker.close();
  if (nbRetakes === 0) throw new Error("no task was read");
  const report: IterateReport = { tasks, before, peak: process.resourceUsage().maxRSS * 1024, ms };
  process.send?.(report, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
