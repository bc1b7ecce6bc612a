import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Id, isTrackerError, type Project, type Shot, type Task, Tracker } from "@gadget/core";
import type { CreatableKind, CreateData, TrackerAdapter } from "@gadget/core/adapter";
import { MockTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer, zouRules } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createAdapter } from "../src/index.js";

/*
 * Core, the mock tracker and the Kitsu adapter read one rule table (core's schema/rules.ts) and
 * check it with the same functions: the same inputs give the same outcome, and the same message,
 * on all three. Core is tested over a store that would let everything through (Zou's own rules,
 * while its adapter states the defaults, without createMany), so that what refuses is core itself.
 */

interface Fixture {
  projectId: Id;
  sequenceId: Id;
  shotId: Id;
  charsId: Id;
  propsId: Id;
  animId: Id;
  statusId: Id;
  taskId: Id;
}

/** One way in: the mock or the Kitsu adapter through the contract, or core's collections. */
interface Subject {
  fx: Fixture;
  createMany<K extends CreatableKind>(kind: K, inputs: CreateData<K>[]): Promise<unknown>;
  queryShots(where: Record<string, unknown>): Promise<unknown>;
  removeProject(): Promise<unknown>;
  commentWithAttachment(path: string): Promise<unknown>;
  setTimeSpent(date: string, seconds: number): Promise<unknown>;
}

/** A person id of the right form: the checks under test come before any lookup. */
const someone = "00000000-0000-4000-8000-000000000001" as Id;

/** The same small studio on any adapter. */
async function build(adapter: TrackerAdapter): Promise<Fixture> {
  const project = await adapter.create("project", { name: "Agree", productionType: "short" });
  const projectId = project.id;
  const sequenceId = (await adapter.create("sequence", { name: "sq010", projectId })).id;
  const shotId = (await adapter.create("shot", { name: "sh010", projectId, sequenceId })).id;
  const charsId = (await adapter.create("assetType", { name: "Agree Characters" })).id;
  const propsId = (await adapter.create("assetType", { name: "Agree Props" })).id;
  await adapter.create("asset", { name: "Hero", projectId, assetTypeId: charsId });
  const animId = (await adapter.create("taskType", { name: "Agree Animation", forShots: true })).id;
  const statusId = (await adapter.create("taskStatus", { name: "Agree Todo", shortName: "agtodo" })).id;
  await adapter.addToProject(projectId, "taskType", animId);
  await adapter.addToProject(projectId, "taskStatus", statusId);
  const taskId = (await adapter.create("task", { entityId: shotId, taskTypeId: animId, statusId })).id;
  return { projectId, sequenceId, shotId, charsId, propsId, animId, statusId, taskId };
}

async function throughAdapter(adapter: TrackerAdapter): Promise<Subject> {
  const fx = await build(adapter);
  return {
    fx,
    createMany: (kind, inputs) => adapter.createMany!(kind, inputs),
    queryShots: (where) => adapter.query("shot", where),
    removeProject: () => adapter.remove("project", fx.projectId, { force: true }),
    commentWithAttachment: (path) =>
      adapter.comment(fx.taskId, {
        statusId: fx.statusId,
        text: "with a file",
        attachments: [{ path, fileName: "empty.txt", size: 0, contentType: "text/plain" }],
      }),
    setTimeSpent: (date, seconds) => adapter.setTimeSpent(fx.taskId, someone, date, seconds),
  };
}

/** An adapter that states Kitsu's rules but enforces Zou's looser ones, without createMany. */
function laxAdapter(store: MockTracker): TrackerAdapter {
  const hidden = new Set<PropertyKey>(["rules", "createMany", "queryWithTasks"]);
  return new Proxy(store, {
    get: (target, property, receiver) => (hidden.has(property) ? undefined : Reflect.get(target, property, receiver)),
    has: (target, property) => !hidden.has(property) && Reflect.has(target, property),
  });
}

async function throughCore(): Promise<Subject> {
  const store = new MockTracker({ seed: 5, rules: zouRules });
  const fx = await build(store);
  const tracker = Tracker.connect(laxAdapter(store));
  const project: Project = await tracker.load("project", fx.projectId);
  const shot: Shot = await tracker.load("shot", fx.shotId);
  const task: Task = await tracker.load("task", fx.taskId);
  const inputs = (kind: CreatableKind, data: Record<string, unknown>[]) => {
    if (kind === "shot")
      return project.shots.newMany(data.map((d) => ({ name: String(d.name), sequence: fx.sequenceId })));
    if (kind === "asset")
      return project.assets.newMany(data.map((d) => ({ name: String(d.name), assetType: String(d.assetTypeId) })));
    if (kind === "task")
      return shot.tasks.newMany(
        data.map((d) => ({ taskType: String(d.taskTypeId), status: fx.statusId, name: d.name as string | undefined })),
      );
    throw new Error(`no core path for ${kind}`);
  };
  return {
    fx,
    createMany: (kind, data) => inputs(kind, data as Record<string, unknown>[]),
    queryShots: (where) => project.shots.filter(where as never),
    removeProject: () => project.delete({ force: true }),
    commentWithAttachment: (path) => task.comments.new({ comment: "with a file", attachments: [path] }),
    setTimeSpent: (date, seconds) => task.timeSpent.set(someone, date, seconds),
  };
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** "ok", or the error's code and message with ids blanked (each store has its own). */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (!isTrackerError(error)) throw error;
    // Core's query check also lists the relation keys (`sequence`, `project`) a collection resolves.
    return `${error.code}: ${error.message.replace(uuid, "<id>").replace(/ Use one of: .*$/, "")}`;
  }
}

let server: KitsuServer;
const subjects: Record<"core" | "mock" | "kitsu", Subject> = {} as never;
let empty: string;

beforeAll(async () => {
  server = await startKitsuServer();
  const kitsu = await createAdapter({
    type: "kitsu",
    url: server.url,
    login: "admin@example.com",
    password: "mysecretpassword",
  });
  subjects.kitsu = await throughAdapter(kitsu);
  subjects.mock = await throughAdapter(new MockTracker({ seed: 4 }));
  subjects.core = await throughCore();
  empty = join(await mkdtemp(join(tmpdir(), "gadget-agree-")), "empty.txt");
  await writeFile(empty, "");
});
afterAll(async () => {
  await server?.close();
});

/** Runs one scenario on the three subjects: the outcomes must be equal, and the one expected. */
async function agree(expected: RegExp | "ok", run: (s: Subject) => Promise<unknown>): Promise<void> {
  const outcomes = {
    core: await outcome(() => run(subjects.core)),
    mock: await outcome(() => run(subjects.mock)),
    kitsu: await outcome(() => run(subjects.kitsu)),
  };
  expect(outcomes.mock).toBe(outcomes.core);
  expect(outcomes.kitsu).toBe(outcomes.core);
  if (expected === "ok") expect(outcomes.core).toBe("ok");
  else expect(outcomes.core).toMatch(expected);
}

describe("core, the mock and the Kitsu adapter agree on the tracker rules", () => {
  test("a shot named like one of its sequence's is a conflict, before any write", async () => {
    await agree(/^CONFLICT: A shot named "sh010" already exists in sequence <id>\./, (s) =>
      s.createMany("shot", [
        { name: "sh900", projectId: s.fx.projectId, sequenceId: s.fx.sequenceId },
        { name: "sh010", projectId: s.fx.projectId, sequenceId: s.fx.sequenceId },
      ]),
    );
  });

  test("an asset named like one of the same type is a conflict (Zou would create it)", async () => {
    await agree(/^CONFLICT: An asset named "Hero" already exists in project <id>, assetType <id>\./, (s) =>
      s.createMany("asset", [{ name: "Hero", projectId: s.fx.projectId, assetTypeId: s.fx.charsId }]),
    );
  });

  test("an asset given twice in one type in a batch is a conflict", async () => {
    await agree(/^CONFLICT: An asset named "Cup" already exists in this batch/, (s) =>
      s.createMany("asset", [
        { name: "Cup", projectId: s.fx.projectId, assetTypeId: s.fx.propsId },
        { name: "Cup", projectId: s.fx.projectId, assetTypeId: s.fx.propsId },
      ]),
    );
  });

  test("the same asset name under two asset types is fine", async () => {
    await agree("ok", (s) =>
      s.createMany("asset", [
        { name: "Twin", projectId: s.fx.projectId, assetTypeId: s.fx.charsId },
        { name: "Twin", projectId: s.fx.projectId, assetTypeId: s.fx.propsId },
      ]),
    );
  });

  test("a task of a type the entity has, under another name, is fine; under the same name, a conflict", async () => {
    const task = (s: Subject, name: string) => ({ entityId: s.fx.shotId, taskTypeId: s.fx.animId, name });
    await agree("ok", (s) => s.createMany("task", [task(s, "retime")]));
    await agree(/^CONFLICT: A task named "retime" already exists in entity <id>, taskType <id>\./, (s) =>
      s.createMany("task", [task(s, "retime")]),
    );
  });

  test("a query key outside the filter keys is refused before any request", async () => {
    await agree(/^VALIDATION: A shot query cannot use "sequenceName": shot has no such field\.$/, (s) =>
      s.queryShots({ sequenceName: "sq010" }),
    );
  });

  test("an empty file is refused before the comment is written", async () => {
    await agree(/^VALIDATION: The file .*empty\.txt cannot be sent: it is empty\./, (s) =>
      s.commentWithAttachment(empty),
    );
  });

  test("time spent needs a day and more than 0 seconds", async () => {
    await agree(/^VALIDATION: Time spent must be more than 0 seconds, got 0\./, (s) => s.setTimeSpent("2025-01-06", 0));
    await agree(/^VALIDATION: "6 Jan" is not a day for time spent/, (s) => s.setTimeSpent("6 Jan", 60));
  });

  test("an open project is not removed, even forced", async () => {
    await agree(/^VALIDATION: Cannot remove project "Agree": its status is "open"/, (s) => s.removeProject());
  });
});
