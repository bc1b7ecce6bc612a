import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BulkWritten, ConflictError, type Id, PartialWriteError, Project } from "@gadget/core";
import { MockTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as kitsu from "../src/index.js";

/*
 * Request counts of the TD workflows (issue 4), counted by the Kitsu-compatible server. Times are
 * the benchmark's business (pnpm bench); these tests pin the counts.
 */

let server: KitsuServer;
let tracker: MockTracker;
let projectId: Id;
let sequenceId: Id;
let preview: string;
const shotCount = 30;
const env = () => ({
  TRACKER_URL: server.url,
  TRACKER_LOGIN: "admin@example.com",
  TRACKER_PASSWORD: "mysecretpassword",
  TRACKER_PROJECT: "Counts",
});
const open = () => Project.fromEnv({ env: env(), envFile: false, modules: { kitsu } });
const sessions: Project[] = [];
const fresh = async () => {
  const project = await open();
  sessions.push(project);
  return project;
};

beforeAll(async () => {
  tracker = new MockTracker({ seed: 11 });
  server = await startKitsuServer({ tracker });
  const project = await tracker.create("project", { name: "Counts", productionType: "short" });
  projectId = project.id;
  sequenceId = (await tracker.create("sequence", { name: "sq010", projectId })).id;
  const types = (await tracker.query("taskType", {})).items.filter((t) => ["Layout", "Animation"].includes(t.name));
  const shotIds = tracker.insertMany(
    "shot",
    Array.from({ length: shotCount }, (_, i) => ({ name: `sh${(i + 1) * 10}`, projectId, sequenceId })),
  );
  tracker.insertMany(
    "task",
    shotIds.flatMap((entityId) => types.map((t) => ({ entityId, taskTypeId: t.id }))),
  );
  const dir = await mkdtemp(join(tmpdir(), "gadget-counts-"));
  preview = join(dir, "v001.png");
  await writeFile(preview, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
});
afterAll(async () => {
  for (const project of sessions) await project.tracker.close();
  await server?.close();
});

const clientOf = (project: Project) => (project.tracker.adapter as kitsu.KitsuAdapter).client;

describe("request counts on the Kitsu adapter", () => {
  // Login, then side by side: the project by name (data/projects/open?name=, whole rows, open by
  // definition) and the two reference lists every script needs (task types, statuses); then the shot
  // by name, its tasks, batch-comment, set-main-preview. Zou has no route that finds a shot by name
  // with its tasks, so shot → tasks stay two round trips. No data/user/context: it carries every open
  // project and person of the studio, and costs more than all of these together on a real studio.
  it("(a) names → comment + preview + main preview from a fresh session: 8 requests, 5 round trips after login", async () => {
    server.stats.reset();
    const project = await fresh();
    const shot = await project.shots.get({ name: "sh10" });
    const task = await shot.tasks.fetch("Animation");
    await task.comments.new({ comment: "blocking", status: "wfa", preview: [preview], setMainPreview: true });
    expect([...server.stats.byRoute.keys()]).not.toContain("GET /data/tasks/:id");
    expect(server.stats.of("GET /data/user/context")).toBe(0);
    expect(server.stats.total).toBeLessThanOrEqual(8);
    expect(clientOf(project).stats.roundTrips - 1).toBeLessThanOrEqual(5);
    expect(task.statusId).toBe((await project.tracker.taskStatuses.get({ shortName: "wfa" })).id);
  });

  it("(b) the same with the task id in hand on a warm session: at most 3 requests", async () => {
    const project = await fresh();
    const known = await (await project.shots.get({ name: "sh20" })).tasks.fetch("Layout");
    server.stats.reset();
    const task = await project.tasks.get({ id: known.id });
    await task.comments.new({ comment: "spline", status: "wip", preview: [preview], setMainPreview: true });
    expect(server.stats.total).toBeLessThanOrEqual(3);
  });

  it("a session reads task types and statuses once, side by side with its project, and looks them up free after", async () => {
    server.stats.reset();
    const project = await fresh();
    expect(clientOf(project).stats.roundTrips).toBe(2);
    const t = project.tracker;
    await t.taskTypes.get({ name: "Animation" });
    await t.taskStatuses.get({ shortName: "wfa" });
    await project.taskStatuses.all();
    expect(server.stats.of("GET /data/task-types")).toBe(1);
    expect(server.stats.of("GET /data/task-status")).toBe(1);
    expect(server.stats.total).toBe(4);
  });

  it("asset types and departments cost one request each, on first use, then none", async () => {
    const t = (await fresh()).tracker;
    await t.taskTypes.all();
    server.stats.reset();
    await Promise.all([t.assetTypes.all(), t.departments.all()]);
    await t.assetTypes.get({ name: "Character" });
    await t.departments.all();
    expect(server.stats.total).toBe(2);
  });

  it("reference data a list read needs comes alongside it: assets and asset types in one round trip", async () => {
    const project = await fresh();
    await project.tracker.taskTypes.all();
    const client = clientOf(project);
    const before = client.stats.roundTrips;
    server.stats.reset();
    await project.assets.all();
    expect(server.stats.of("GET /data/entity-types")).toBe(1);
    expect(server.stats.total).toBe(2);
    expect(client.stats.roundTrips - before).toBe(1);
  });

  it("a write of a reference kind drops its cached list: the next lookup sees the new record", async () => {
    const project = await fresh();
    await project.tracker.taskStatuses.all();
    await project.tracker.taskStatuses.new({ name: "On Hold", shortName: "hold", color: "#999999" });
    expect((await project.tracker.taskStatuses.get({ shortName: "hold" })).name).toBe("On Hold");
  });

  it(`(c) all ${shotCount} shots with their tasks: 1 request, and their task lists cost none`, async () => {
    const project = await fresh();
    server.stats.reset();
    const shots = await project.shots.withTasks();
    expect(server.stats.total).toBe(1);
    expect(server.stats.of("GET /data/shots/with-tasks")).toBe(1);
    expect(shots.length).toBeGreaterThanOrEqual(shotCount);
    const sh30 = shots.find((s) => s.name === "sh30");
    const tasks = await sh30?.tasks.all();
    expect(tasks?.map((x) => x.entityId)).toEqual([sh30?.id, sh30?.id]);
    expect(tasks?.every((x) => x.projectId === projectId && x.entityKind === "shot")).toBe(true);
    expect(server.stats.total).toBe(1);
  });

  it("(d) newMany of 60 shots: one lookup of existing names, then one create per shot", async () => {
    const project = await fresh();
    const sequence = await project.sequences.new({ name: "sq_bulk" });
    server.stats.reset();
    const shots = await sequence.shots.newMany(Array.from({ length: 60 }, (_, i) => ({ name: `b${i}` })));
    expect(shots.map((s) => s.name)).toEqual(Array.from({ length: 60 }, (_, i) => `b${i}`));
    expect(server.stats.of("POST /data/projects/:projectId/shots")).toBe(60);
    expect(server.stats.total).toBe(61);
  });

  it("createMany refuses a name the tracker has before any write", async () => {
    const project = await fresh();
    const sequence = await project.sequences.get({ name: "sq010" });
    server.stats.reset();
    const error = await sequence.shots.newMany([{ name: "new1" }, { name: "sh10" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(server.stats.of("POST /data/projects/:projectId/shots")).toBe(0);
  });

  it("createMany failing after the first create is a PartialWriteError listing what was created", async () => {
    const project = await fresh();
    const adapter = project.tracker.adapter;
    const seq = (await project.sequences.get({ name: "sq010" })).id;
    const nowhere = "00000000-0000-4000-8000-00000000dead" as Id;
    const error = await adapter
      .createMany?.(
        "shot",
        [
          { name: "p1", projectId, sequenceId: seq },
          { name: "p2", projectId, sequenceId: seq },
          { name: "p3", projectId, sequenceId: nowhere },
        ],
        { concurrency: 1 },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialWriteError);
    expect((error as PartialWriteError<BulkWritten>).written.ids.created).toHaveLength(2);
  });
});

describe("reference data for a bot", () => {
  it("a bot token reads each list once", async () => {
    const bot = await server.users.createBot("counts-bot", "admin");
    const adapter = await kitsu.createAdapter({ type: "kitsu", url: server.url, token: bot.token });
    try {
      server.stats.reset();
      await adapter.query("taskType", { name: "Animation" });
      await adapter.query("taskType", { name: "Layout" });
      await adapter.getMany("taskType", []);
      expect(server.stats.of("GET /data/user/context")).toBe(0);
      expect(server.stats.of("GET /data/task-types")).toBe(1);
    } finally {
      await adapter.close();
    }
  });
});
