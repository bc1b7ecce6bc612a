/**
 * The Kitsu-compatible server in a process of its own with one project of `argv[2]` shots (3 tasks
 * each), for the with-tasks client-cost workload; its URL goes to the parent over IPC.
 */
import { type Id, MockTracker, startKitsuServer } from "./deps.js";
import type { ChildReady } from "./fork.js";

export const withTasksProjectName = "WithTasks Bench";

async function main(): Promise<void> {
  const shots = Number(process.argv[2] ?? 5000);
  const tracker = new MockTracker({ seed: 9 });
  const server = await startKitsuServer({ tracker });
  process.once("disconnect", () => {
    void server.close().finally(() => process.exit(0));
  });
  const project = await tracker.create("project", { name: withTasksProjectName, productionType: "short" });
  const sequence = await tracker.create("sequence", { name: "sq010", projectId: project.id });
  const types = (await tracker.query("taskType", {})).items.filter((t) =>
    ["Layout", "Animation", "Lighting"].includes(t.name),
  );
  const shotIds = tracker.insertMany(
    "shot",
    Array.from({ length: shots }, (_, i) => ({
      name: `sh${String(i + 1).padStart(5, "0")}`,
      projectId: project.id,
      sequenceId: sequence.id,
    })),
  );
  tracker.insertMany(
    "task",
    shotIds.flatMap((entityId: Id) => types.map((t) => ({ entityId, taskTypeId: t.id }))),
  );
  const ready: ChildReady = { url: server.url };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
