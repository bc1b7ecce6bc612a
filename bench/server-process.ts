/**
 * The Kitsu-compatible server in a process of its own, forked by `localTarget`, so the bench's
 * client does not share its core with the server (a real Kitsu runs on its own machine).
 * argv[2] is the latency per request in ms; the server's URL goes to the parent over IPC.
 * The MockTracker is seeded directly (seeding costs no request).
 */
import { type Id, MockTracker, startKitsuServer } from "./deps.js";
import type { ChildReady } from "./fork.js";
import { benchProjectName, shotCount } from "./target.js";

async function main(): Promise<void> {
  const latencyMs = Number(process.argv[2] ?? 20);
  const tracker = new MockTracker({ seed: 7 });
  const server = await startKitsuServer({ tracker, latencyMs });
  // An orphan would hold its port and keep running: leave with the parent.
  process.once("disconnect", () => {
    void server.close().finally(() => process.exit(0));
  });
  const project = await tracker.create("project", { name: benchProjectName, productionType: "short" });
  const sequence = await tracker.create("sequence", { name: "sq010", projectId: project.id });
  // Shot task types of a fresh Kitsu but Edit (for edits, not shots), the workload the bench has always had.
  const types = (await tracker.query("taskType", {})).items.filter((t) => t.forShots && t.name !== "Edit");
  const shotIds = tracker.insertMany(
    "shot",
    Array.from({ length: shotCount }, (_, i) => ({
      name: `sh${String((i + 1) * 10).padStart(4, "0")}`,
      projectId: project.id,
      sequenceId: sequence.id,
    })),
  );
  const wanted = types.filter((t) => ["Layout", "Animation", "Lighting"].includes(t.name));
  tracker.insertMany(
    "task",
    shotIds.flatMap((entityId: Id) => wanted.map((t) => ({ entityId, taskTypeId: t.id }))),
  );
  const ready: ChildReady = { url: server.url };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
