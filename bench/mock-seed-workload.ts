import { type Id, MockTracker, type ShotRecord } from "./deps.js";
import { ms, ratio, timed } from "./measure.js";

export interface SeedRow {
  measure: string;
  value: string;
  target: string;
}

const shots = 10_000;
const tasksPerShot = 5;
const lookups = 2_000;

/** Every shot record, page by page (what a linear scan would walk). */
async function allShots(tracker: MockTracker): Promise<ShotRecord[]> {
  const out: ShotRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await tracker.query("shot", {}, { limit: 1000, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

/** The mock tracker's seeding speed and its indexed lookups against a linear scan of the same records. */
export async function mockSeedWorkload(): Promise<SeedRow[]> {
  const seeded = await timed(async () => {
    // Bare: the workload seeds its own statuses and task types.
    const tracker = new MockTracker({ seed: 3, bare: true });
    const project = await tracker.create("project", { name: "Seed Bench", productionType: "featurefilm" });
    const sequences = tracker.insertMany(
      "sequence",
      Array.from({ length: 100 }, (_, i) => ({ name: `sq${i}`, projectId: project.id })),
    );
    tracker.insertMany("taskStatus", [{ name: "Todo", shortName: "todo", isDefault: true }]);
    const types = tracker.insertMany(
      "taskType",
      ["Layout", "Animation", "Lighting", "FX", "Compositing"].map((name) => ({ name, forShots: true })),
    );
    const shotIds = tracker.insertMany(
      "shot",
      Array.from({ length: shots }, (_, i) => ({
        name: `sh${i % 100}`,
        projectId: project.id,
        sequenceId: sequences[Math.floor(i / 100)] as Id,
      })),
    );
    tracker.insertMany(
      "task",
      shotIds.flatMap((entityId) => types.map((taskTypeId) => ({ entityId, taskTypeId }))),
    );
    return tracker;
  });
  const tracker = seeded.value;
  const all = await allShots(tracker);
  const picks = Array.from({ length: lookups }, (_, i) => all[(i * 7919) % all.length] as ShotRecord);

  const byId = await timed(async () => {
    for (const p of picks) await tracker.get("shot", p.id);
  });
  const scanId = await timed(async () => {
    for (const p of picks) all.find((r) => r.id === p.id);
  });
  const byName = await timed(async () => {
    for (const p of picks) await tracker.query("shot", { sequenceId: p.sequenceId, name: p.name });
  });
  const scanName = await timed(async () => {
    for (const p of picks) all.filter((r) => r.sequenceId === p.sequenceId && r.name === p.name);
  });
  return [
    {
      measure: `new MockTracker() + insertMany: ${shots} shots, ${shots * tasksPerShot} tasks`,
      value: ms(seeded.ms),
      target: "< 1 s",
    },
    { measure: `${lookups} get(id), per lookup`, value: ms(byId.ms / lookups), target: "" },
    { measure: "  linear scan / get(id)", value: ratio(scanId.ms, byId.ms), target: "> 1×" },
    { measure: `${lookups} query({ sequenceId, name }), per lookup`, value: ms(byName.ms / lookups), target: "" },
    { measure: "  linear scan / query(parent, name)", value: ratio(scanName.ms, byName.ms), target: "> 1×" },
  ];
}
