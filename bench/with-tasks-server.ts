/**
 * The Kitsu-compatible server in a process of its own with one project (named `argv[3]`) of
 * `argv[2]` shots, 3 tasks each, for the with-tasks client-cost workload; its URL goes to the
 * parent over IPC. Never imported: running it is what starts the server.
 */
import { type Id, MockTracker, startKitsuServer } from "./deps.js";
import type { ChildReady } from "./fork.js";

async function main(): Promise<void> {
  const shots = Number(process.argv[2] ?? 5000);
  const projectName = process.argv[3] ?? "WithTasks Bench";
  const tracker = new MockTracker({ seed: 9 });
  const server = await startKitsuServer({ tracker });
  process.once("disconnect", () => {
    void server.close().finally(() => process.exit(0));
  });
  const project = await tracker.create("project", { name: projectName, productionType: "short" });
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
