import type { Id, Kind } from "@gadget/core";
import type { Where } from "@gadget/core/adapter";
import { describe, expect, it } from "vitest";
import { MockTracker } from "../src/index.js";
import { mulberry32 } from "../src/studio/ids.js";
import { creationOrder, type RowOrder } from "../src/studio/row-order.js";
import { type BaseRow, Table } from "../src/studio/table.js";

/*
 * Paging big lists while they change: the mock reads pages from sorted views kept in step with
 * every write, so a page starts at the cursor whatever happened since the previous one. Records that
 * exist from the first page to the last must come exactly once, in the list's order.
 */

/** A bare studio with one project, a sequence of `shots` shots and `tasks` of their tasks (5 types). */
function studio(shots: number) {
  const tracker = new MockTracker({ seed: 21, bare: true });
  const [statusId] = tracker.insertMany("taskStatus", [{ name: "Todo", shortName: "todo", isDefault: true }]);
  const types = tracker.insertMany(
    "taskType",
    Array.from({ length: 5 }, (_, i) => ({ name: `Type ${i}`, forShots: true })),
  );
  const [projectId] = tracker.insertMany("project", [{ name: "Paging", productionType: "short" }]);
  const project = projectId as Id;
  const [a, b, c] = tracker.insertMany(
    "sequence",
    ["sqA", "sqB", "sqC"].map((name) => ({ name, projectId: project })),
  );
  const shotIds = tracker.insertMany(
    "shot",
    Array.from({ length: shots }, (_, i) => ({
      name: `sh${String(i).padStart(5, "0")}`,
      projectId: project,
      sequenceId: (i % 2 === 0 ? a : b) as Id,
    })),
  );
  return { tracker, project, statusId: statusId as Id, types, shotIds, sequences: [a, b, c] as Id[] };
}

/** Reads every page of a query, running `between` after each one but the last; returns the ids read. */
async function pageThrough<K extends Kind>(
  tracker: MockTracker,
  kind: K,
  where: Where<K>,
  limit: number,
  between: (page: number) => Promise<void>,
): Promise<Id[]> {
  const seen: Id[] = [];
  let cursor: string | undefined;
  let page = 0;
  do {
    const answer = await tracker.query(kind, where, { limit, ...(cursor ? { cursor } : {}) });
    seen.push(...answer.items.map((r) => r.id));
    cursor = answer.next ?? undefined;
    if (cursor) await between(page++);
  } while (cursor);
  return seen;
}

/** Ids picked at random (seeded) from `pool`, removed from it. */
function take(pool: Id[], count: number, random: () => number): Id[] {
  const out: Id[] = [];
  for (let i = 0; i < count && pool.length > 0; i++) out.push(...pool.splice(random() % pool.length, 1));
  return out;
}

/**
 * Checks a read of records created in the order of `created`: no duplicate, none but them, every
 * one but those `gone` meanwhile, in creation order (newest first when `newestFirst`).
 */
function expectPaged(seen: Id[], created: Id[], gone: ReadonlySet<Id>, newestFirst = false): void {
  const rank = new Map(created.map((id, i) => [id, newestFirst ? -i : i]));
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.filter((id) => !rank.has(id))).toEqual([]);
  const read = new Set(seen);
  expect(created.filter((id) => !gone.has(id) && !read.has(id))).toEqual([]);
  const ranks = seen.map((id) => rank.get(id) ?? 0);
  expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
}

describe("paging while the list changes", () => {
  it("pages 5,000 tasks of a project by 100 through inserts, updates and deletes: no duplicate, no gap", async () => {
    const { tracker, project, types, shotIds, sequences } = studio(1_000);
    const created = tracker.insertMany(
      "task",
      shotIds.flatMap((entityId) => types.map((taskTypeId) => ({ entityId, taskTypeId }))),
    );
    expect(created).toHaveLength(5_000);
    const all = [...created];
    const pool = [...created];
    const deleted = new Set<Id>();
    const random = mulberry32(5);
    const seen = await pageThrough(tracker, "task", { projectId: project }, 100, async (page) => {
      for (const id of take(pool, 7, random)) {
        await tracker.remove("task", id);
        deleted.add(id);
      }
      for (const id of take([...pool], 5, random)) await tracker.update("task", id, { priority: page });
      // Newer than every cursor: the last pages bring these too.
      const shot = await tracker.create("shot", {
        name: `new${page}`,
        projectId: project,
        sequenceId: sequences[2] as Id,
      });
      for (const taskTypeId of types) all.push((await tracker.create("task", { entityId: shot.id, taskTypeId })).id);
    });
    expectPaged(seen, all, deleted);
  });

  it("pages a where without an index (the whole table) the same way", async () => {
    const { tracker, statusId, types, shotIds } = studio(400);
    const created = tracker.insertMany(
      "task",
      shotIds.flatMap((entityId) => types.map((taskTypeId) => ({ entityId, taskTypeId }))),
    );
    const pool = [...created];
    const deleted = new Set<Id>();
    const random = mulberry32(6);
    const seen = await pageThrough(tracker, "task", { statusId }, 100, async () => {
      for (const id of take(pool, 20, random)) {
        await tracker.remove("task", id);
        deleted.add(id);
      }
    });
    expectPaged(seen, created, deleted);
  });

  it("pages an IN over two large buckets while rows move between them, out and back", async () => {
    const { tracker, shotIds, sequences } = studio(1_200);
    const [a, b, c] = sequences as [Id, Id, Id];
    const pool = [...shotIds];
    const random = mulberry32(7);
    const wandered = new Set<Id>();
    const seen = await pageThrough(tracker, "shot", { sequenceId: [a, b] }, 50, async (page) => {
      // Within the IN: still listed once. Out to C and back: listed at most once.
      for (const id of take(pool, 6, random)) {
        const shot = await tracker.get("shot", id);
        await tracker.update("shot", id, { sequenceId: shot.sequenceId === a ? b : a, name: `moved${page}-${id}` });
      }
      for (const id of take(pool, 3, random)) {
        wandered.add(id);
        await tracker.update("shot", id, { sequenceId: c });
        await tracker.update("shot", id, { sequenceId: a });
      }
    });
    expectPaged(seen, shotIds, wandered);
  });

  it("pages 600 comments of a task newest first through new and deleted comments", async () => {
    const { tracker, statusId, types, shotIds } = studio(1);
    const task = await tracker.create("task", { entityId: shotIds[0] as Id, taskTypeId: types[0] as Id });
    const created: Id[] = [];
    for (let i = 0; i < 600; i++) created.push((await tracker.comment(task.id, { statusId, text: `note ${i}` })).id);
    const pool = [...created];
    const deleted = new Set<Id>();
    const random = mulberry32(8);
    const seen = await pageThrough(tracker, "comment", { taskId: task.id }, 50, async () => {
      for (const id of take(pool, 9, random)) {
        await tracker.remove("comment", id);
        deleted.add(id);
      }
      // Newer than every page read so far: never brought by a later page.
      await tracker.comment(task.id, { statusId, text: "late note" });
    });
    expectPaged(seen, created, deleted, true);
  });

  it("lists what a scan of the store lists, for every page size, after random writes", async () => {
    const { tracker, project, types, shotIds, sequences } = studio(600);
    const random = mulberry32(9);
    const tasks = tracker.insertMany(
      "task",
      shotIds.flatMap((entityId) => types.slice(0, 2).map((taskTypeId) => ({ entityId, taskTypeId }))),
    );
    // Views are made by the first read: read once, then write, so that the writes go through them.
    await tracker.query("task", { projectId: project }, { limit: 10 });
    await tracker.query("shot", { sequenceId: sequences[0] as Id }, { limit: 10 });
    for (const id of take([...tasks], 300, random)) await tracker.remove("task", id);
    for (const id of take([...shotIds], 200, random))
      await tracker.update("shot", id, { sequenceId: sequences[random() % 3] as Id });
    for (const id of take([...shotIds], 100, random))
      await tracker.create("task", { entityId: id, taskTypeId: types[2] as Id });
    const scan = <K extends Kind>(kind: K, keep: (row: Record<string, unknown>) => boolean): Id[] =>
      [...tracker.studio.table(kind).values()].filter((row) => keep(row as Record<string, unknown>)).map((r) => r.id);
    const expected = {
      tasks: scan("task", (t) => t.projectId === project),
      shots: scan("shot", (s) => s.sequenceId === sequences[0]),
      either: scan("shot", (s) => s.sequenceId === sequences[1] || s.sequenceId === sequences[2]),
    };
    for (const limit of [1, 7, 100, 1_000]) {
      const none = async () => {};
      expect(await pageThrough(tracker, "task", { projectId: project }, limit, none)).toEqual(expected.tasks);
      expect(await pageThrough(tracker, "shot", { sequenceId: sequences[0] as Id }, limit, none)).toEqual(
        expected.shots,
      );
      const either = { sequenceId: [sequences[2] as Id, sequences[1] as Id] };
      expect(await pageThrough(tracker, "shot", either, limit, none)).toEqual(expected.either);
    }
  });
});

describe("sorted views", () => {
  interface Row extends BaseRow {
    group: string;
    rank: number;
  }
  /** By `rank`, then id: a key that changes with the row, as `updated_at` does. */
  const byRank: RowOrder<Row, { rank: number; id: string }> = {
    key: (row) => ({ rank: row.rank, id: row.id }),
    compare: (a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  };
  const at = new Date(0);
  const ids = (view: { after(key: undefined, descending: boolean): Iterable<{ row: Row }> }) =>
    [...view.after(undefined, false)].map((e) => e.row.id);

  it("keep their size and order exact as rows leave, come back under the same key, change key and go", () => {
    const table = new Table<Row>(["group"]);
    for (let i = 0; i < 300; i++) {
      const id = `r${String(i).padStart(3, "0")}` as Id;
      table.insert({ id, name: id, createdAt: at, updatedAt: at, customData: {}, group: "a", rank: i });
    }
    const inA = table.view(creationOrder, "group", "a");
    const ranked = table.view(byRank, "group", "a");
    const all = table.view(byRank);
    table.patch("r005" as Id, { group: "b" });
    table.patch("r005" as Id, { group: "a" });
    table.patch("r006" as Id, { group: "b" });
    table.delete("r007" as Id);
    table.patch("r008" as Id, { rank: 1_000 });
    table.patch("r009" as Id, { rank: 2_000 });
    table.patch("r009" as Id, { rank: 9 });
    const expected = Array.from({ length: 300 }, (_, i) => `r${String(i).padStart(3, "0")}`).filter(
      (id) => id !== "r006" && id !== "r007",
    );
    expect(inA.size).toBe(298);
    expect(ids(inA)).toEqual(expected);
    expect(ranked.size).toBe(298);
    expect(ranked.slice(0, 298).map((r) => r.id)).toEqual([...expected.filter((id) => id !== "r008"), "r008"]);
    expect(all.size).toBe(299);
    expect(all.slice(296, 299).map((r) => r.id)).toEqual(["r298", "r299", "r008"]);
  });
});
