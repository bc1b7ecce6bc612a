/**
 * One memory measure in a fresh process: a session iterates every task of a project through the
 * Kitsu adapter, keeping none, and sends its peak RSS to the parent over IPC. Plain JavaScript on
 * the packages' dist (built by the workload), run by node alone as a TD's compiled script would
 * be: under tsx, the TypeScript loader and its thread weigh some 35 MB of their own.
 * argv: the API URL (bench/paged-tasks-server.ts), the project name.
 */
import { openProject } from "./open-session.mjs";

async function main() {
  const [url, projectName] = process.argv.slice(2);
  const project = await openProject(url, projectName);
  const before = process.memoryUsage.rss();
  const start = performance.now();
  let tasks = 0;
  let nbRetakes = 0;
  const iterating = { rss: before, heap: 0 };
  for await (const task of project.tasks.iterate()) {
    tasks += 1;
    nbRetakes += task.nbRetakes;
    if (tasks % 1000 === 0) {
      const { rss, heapUsed } = process.memoryUsage();
      iterating.rss = Math.max(iterating.rss, rss);
      iterating.heap = Math.max(iterating.heap, heapUsed);
    }
  }
  const ms = performance.now() - start;
  await project.tracker.close();
  if (nbRetakes === 0) throw new Error("no task was read");
  /** @type {import("./iterate-memory-workload.js").IterateReport} */
  const report = { tasks, before, peak: process.resourceUsage().maxRSS * 1024, iterating, ms };
  process.send?.(report, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
