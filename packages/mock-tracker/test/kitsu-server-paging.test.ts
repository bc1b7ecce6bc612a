import type { Id } from "@gadget/core";
import type { TrackerAdapter } from "@gadget/core/adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MockTracker } from "../src/index.js";
import { type KitsuServer, startKitsuServer, zouRules } from "../src/kitsu-server/index.js";
import { mulberry32 } from "../src/studio/ids.js";
import { Api } from "./kitsu-server-client.js";

/*
 * Paged crud lists (`/data/tasks?project_id=…&page=…`) are read off the mock store's sorted views.
 * A second server over the same store, which cannot see the store, lists the usual way (every row
 * in scope read, serialized and sorted): both must answer the same, byte for byte, whatever was
 * written between two pages.
 */

/** The tracker with its store out of sight: the server then lists through the adapter contract. */
function withoutStore(tracker: MockTracker): TrackerAdapter {
  return new Proxy(tracker, {
    get(target, key) {
      if (key === "studio") return undefined;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The store's clock: 350 ms a reading, so that rows written within a second tie on `updated_at`. */
let clock = Date.parse("2026-01-05T09:00:00Z");
function now(): Date {
  clock += 350;
  return new Date(clock);
}
const tracker = new MockTracker({ seed: 31, bare: true, rules: zouRules, now });
let viewed: KitsuServer;
let scanned: KitsuServer;
const fast = { api: undefined as unknown as Api };
const slow = { api: undefined as unknown as Api };
let project: Id;
let other: Id;
let sequence: Id;
let types: Id[];
let shots: Id[];

beforeAll(async () => {
  [project, other] = tracker.insertMany("project", [
    { name: "Paged", productionType: "short" },
    { name: "Other", productionType: "short" },
  ]) as [Id, Id];
  [sequence] = tracker.insertMany("sequence", [{ name: "sq010", projectId: project }]) as [Id];
  const [otherSequence] = tracker.insertMany("sequence", [{ name: "sq010", projectId: other }]) as [Id];
  tracker.insertMany("taskStatus", [{ name: "Todo", shortName: "todo", isDefault: true }]);
  types = tracker.insertMany(
    "taskType",
    Array.from({ length: 5 }, (_, i) => ({ name: `Type ${i}`, forShots: true })),
  );
  const shotsOf = (projectId: Id, sequenceId: Id, count: number) =>
    tracker.insertMany(
      "shot",
      Array.from({ length: count }, (_, i) => ({ name: `sh${String(i).padStart(4, "0")}`, projectId, sequenceId })),
    );
  shots = shotsOf(project, sequence, 300);
  const taskInputs = (of: Id[]) => of.flatMap((entityId) => types.map((taskTypeId) => ({ entityId, taskTypeId })));
  tracker.insertMany("task", taskInputs(shots));
  tracker.insertMany("task", taskInputs(shotsOf(other, otherSequence, 60)));
  viewed = await startKitsuServer({ tracker });
  scanned = await startKitsuServer({ tracker: withoutStore(tracker) });
  fast.api = new Api(viewed);
  slow.api = new Api(scanned);
  await fast.api.login();
  await slow.api.login();
});

afterAll(async () => {
  await viewed.close();
  await scanned.close();
});

/** The two servers' answers to one GET. */
async function both(path: string) {
  const [a, b] = await Promise.all([fast.api.call("GET", path), slow.api.call("GET", path)]);
  return { viewed: { status: a.status, body: a.body }, scanned: { status: b.status, body: b.body } };
}

describe("paged task lists read from the store's views", () => {
  it("answers 1,500 tasks by pages of 50 as a full listing does, through creates, updates and deletes", async () => {
    const random = mulberry32(3);
    const pool = tracker.studio
      .table("task")
      .sorted(tracker.studio.table("task").lookup("projectId", project))
      .map((t) => t.id);
    let pages = 0;
    for (let page = 1; ; page++) {
      const answers = await both(`/data/tasks?project_id=${project}&relations=true&page=${page}&limit=50`);
      expect(answers.viewed).toEqual(answers.scanned);
      const body = answers.viewed.body as { data: unknown[]; nb_pages: number };
      pages += 1;
      if (page >= body.nb_pages) break;
      for (let i = 0; i < 4; i++) {
        const [id] = pool.splice(random() % pool.length, 1);
        if (id) await tracker.remove("task", id);
      }
      for (let i = 0; i < 4; i++) {
        const id = pool[random() % pool.length] as Id;
        await tracker.update("task", id, { priority: page });
      }
      const shot = await tracker.create("shot", { name: `late${page}`, projectId: project, sequenceId: sequence });
      for (const taskTypeId of types.slice(0, 2))
        pool.push((await tracker.create("task", { entityId: shot.id, taskTypeId })).id);
    }
    expect(pages).toBeGreaterThanOrEqual(25);
  }, 60_000);

  it("answers every shape of page request as a full listing does", async () => {
    const status = (await tracker.query("taskStatus", {})).items[0]?.id as Id;
    const entity = shots[7] as Id;
    const base = `/data/tasks?project_id=${project}`;
    const paths = [
      `${base}&page=1`,
      `${base}&page=3&limit=250&relations=true`,
      `${base}&page=0`,
      `${base}&page=-1&limit=3`,
      `${base}&page=2&limit=0`,
      `${base}&page=1&limit=-5`,
      `${base}&page=9999&limit=100`,
      `${base}&page=2&limit=7&fields=name,updated_at,created_at`,
      `${base}&page=2&limit=7&fields=name`,
      `${base}&page=2&relations=false`,
      `${base}&page=1&task_status_id=${status}`,
      `/data/tasks?project_id=${project.toUpperCase()}&page=4&limit=50`,
      `/data/tasks?project_id=["${project}"]&page=2&limit=50`,
      `/data/tasks?project_id=["${project}","${other}"]&page=2&limit=50`,
      `/data/tasks?project_id=${other}&page=1&limit=1000`,
      `/data/tasks?project_id=${other}&project_id=${project}&page=1`,
      `/data/tasks?entity_id=${entity}&page=1&limit=2`,
      `/data/tasks?page=7&limit=300`,
      `/data/tasks?project_id=not-a-uuid&page=1`,
      `/data/tasks?unknown_column=1&page=1&limit=5`,
    ];
    for (const path of paths) {
      const answers = await both(path);
      expect(answers.viewed, path).toEqual(answers.scanned);
    }
    // A second later than any write so far: the updated task leads the list.
    clock += 1_000;
    await tracker.update("task", (await tracker.query("task", { entityId: entity })).items[0]?.id as Id, {
      priority: 9,
    });
    const answers = await both(`${base}&page=1&limit=3`);
    expect(answers.viewed).toEqual(answers.scanned);
    expect((answers.viewed.body as { data: { entity_id: string }[] }).data[0]?.entity_id).toBe(entity);
  }, 60_000);
});
