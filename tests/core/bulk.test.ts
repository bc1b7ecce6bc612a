import { ConflictError, PartialWriteError, ServerError, Tracker } from "@gadget/core";
import type { TrackerAdapter } from "@gadget/core/adapter";
import { taskCreateSchema } from "@gadget/core/adapter";
import { demoTracker, type MockTracker } from "@gadget/mock-tracker";
import { describe, expect, test } from "vitest";
import { DEMO_PROJECT, demoSession, withoutBatchOps } from "./helpers.js";

describe("newMany() on an adapter with createMany", () => {
  test("hands the whole batch to the adapter in one call", async () => {
    const { project, log } = await demoSession();
    const seq = await project.sequences.new({ name: "sq950" });
    log.reset();
    const shots = await seq.shots.newMany([{ name: "sh010" }, { name: "sh020" }]);
    expect(log.calls.map((c) => c.method)).toEqual(["createMany"]);
    expect(await seq.shots.get({ name: "sh020" })).toBe(shots[1]);
  });
});

describe("newMany() on an adapter without createMany", () => {
  test("creates the whole batch with one check against the tracker", async () => {
    const { project, log } = await demoSession({ fallbacks: true });
    const seq = await project.sequences.new({ name: "sq900" });
    log.reset();
    const shots = await seq.shots.newMany(
      ["sh010", "sh020", "sh030"].map((name) => ({ name, frameIn: 101, frameOut: 148 })),
    );
    expect(shots.map((s) => [s.name, s.sequenceId, s.nbFrames])).toEqual([
      ["sh010", seq.id, 48],
      ["sh020", seq.id, 48],
      ["sh030", seq.id, 48],
    ]);
    expect(log.count("query")).toBe(1);
    expect(log.count("create")).toBe(3);
    expect(await seq.shots.get({ name: "sh020" })).toBe(shots[1]);
  });

  test("reports progress after each create (onProgress)", async () => {
    const { project } = await demoSession({ fallbacks: true });
    const seq = await project.sequences.new({ name: "sq901" });
    const progress: string[] = [];
    await seq.shots.newMany([{ name: "sh010" }, { name: "sh020" }], {
      onProgress: ({ created, total }) => progress.push(`${created}/${total}`),
    });
    expect(progress).toEqual(["1/2", "2/2"]);
  });

  test("a name already on the tracker is a ConflictError before any write", async () => {
    const { project, log } = await demoSession({ fallbacks: true });
    const seq = await project.sequences.get({ name: "sq010" });
    log.reset();
    const attempt = seq.shots.newMany([{ name: "sh900" }, { name: "sh010" }]);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(/sh010/);
    expect(log.count("create")).toBe(0);
  });

  test("a name given twice in the batch is a ConflictError before any request", async () => {
    const { project, log } = await demoSession({ fallbacks: true });
    const seq = await project.sequences.get({ name: "sq010" });
    log.reset();
    await expect(seq.shots.newMany([{ name: "sh901" }, { name: "sh901" }])).rejects.toThrow(/this batch/);
    expect(log.count()).toBe(0);
  });

  test("a failure after the first create is a PartialWriteError listing what was created", async () => {
    const mock = demoTracker();
    let creates = 0;
    const failing = new Proxy(withoutBatchOps(mock), {
      get(target, property, receiver) {
        if (property !== "create") return Reflect.get(target, property, receiver);
        return (...args: Parameters<MockTracker["create"]>) => {
          creates += 1;
          if (creates === 2) return Promise.reject(ServerError.injected("create"));
          return target.create(...args);
        };
      },
    });
    const project = await Tracker.connect(failing).projects.get({ name: DEMO_PROJECT });
    const seq = await project.sequences.get({ name: "sq010" });
    creates = 0;
    const error = await seq.shots.newMany([{ name: "sh901" }, { name: "sh902" }, { name: "sh903" }]).catch((e) => e);
    expect(error).toBeInstanceOf(PartialWriteError);
    const partial = error as PartialWriteError;
    const created = await seq.shots.get({ name: "sh901" });
    expect(partial.written).toMatchObject({ operation: "create", kind: "shot", ids: { created: [created.id] } });
    expect(partial.message).toContain('"sh902"');
    expect(await seq.shots.find({ name: "sh903" })).toBeUndefined();
  });
});

describe("withTasks() on an adapter without queryWithTasks", () => {
  test("loads shots with their tasks, and their task collections then cost no request", async () => {
    const { project, log } = await demoSession({ fallbacks: true });
    const shots = await project.shots.withTasks({ sequence: "sq010" });
    expect(shots).toHaveLength(6);
    const calls = log.count();
    const first = shots[0]!;
    const tasks = await first.tasks.all();
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.entityId === first.id)).toBe(true);
    expect((await first.tasks.fetch("Animation")).entityId).toBe(first.id);
    expect(log.calls.slice(calls).filter((c) => c.method === "query")).toEqual([]);
  });

  test("a task created afterwards shows up: the preloaded list is dropped", async () => {
    const { tracker, project } = await demoSession({ fallbacks: true });
    const [shot] = await project.shots.withTasks({ sequence: "sq020" });
    const before = (await shot!.tasks.all()).length;
    const types = await tracker.taskTypes.filter({ forShots: true });
    const taken = new Set((await shot!.tasks.all()).map((t) => t.taskTypeId));
    const free = types.find((t) => !taken.has(t.id));
    expect(free).toBeDefined();
    await shot!.tasks.new({ taskType: free! });
    expect(await shot!.tasks.all()).toHaveLength(before + 1);
  });

  test("a task created while the answer was on its way is not hidden by the preloaded list", async () => {
    const mock = demoTracker();
    let afterTaskQuery: (() => Promise<void>) | undefined;
    // The task query answers first; then someone creates a task, whose event arrives before withTasks() returns.
    const adapter = new Proxy(withoutBatchOps(mock), {
      get(target, property, receiver) {
        if (property !== "query") return Reflect.get(target, property, receiver);
        return async (...args: Parameters<TrackerAdapter["query"]>) => {
          const page = await target.query(...args);
          if (args[0] === "task" && afterTaskQuery) {
            const hook = afterTaskQuery;
            afterTaskQuery = undefined;
            await hook();
          }
          return page;
        };
      },
    });
    const tracker = Tracker.connect(adapter);
    const project = await tracker.projects.get({ name: DEMO_PROJECT });
    const stop = project.on("*", () => {});
    const target = await project.shots.get({ name: "sh010", sequence: "sq020" });
    const taken = new Set((await target.tasks.all()).map((t) => t.taskTypeId));
    const free = (await tracker.taskTypes.filter({ forShots: true })).find((t) => !taken.has(t.id));
    expect(free).toBeDefined();
    afterTaskQuery = async () => {
      await mock.create("task", taskCreateSchema.parse({ entityId: target.id, taskTypeId: free!.id }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    await project.shots.withTasks({ sequence: "sq020" });
    expect((await target.tasks.all()).map((t) => t.taskTypeId)).toContain(free!.id);
    stop();
  });
});
