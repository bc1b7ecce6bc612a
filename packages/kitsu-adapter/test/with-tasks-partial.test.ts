import { Project, UnsupportedError } from "@gadget/core";
import { MockTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as kitsu from "../src/index.js";

/*
 * Zou's `with-tasks` rows carry no timestamps, and their tasks no name (recorded 160): those fields
 * used to be invented (an epoch date, the name "main"). They are now not loaded until a full read.
 */

let server: KitsuServer;
let project: Project;

beforeAll(async () => {
  const tracker = new MockTracker({ seed: 5 });
  server = await startKitsuServer({ tracker });
  const p = await tracker.create("project", { name: "Partial", productionType: "short" });
  const seq = await tracker.create("sequence", { name: "sq010", projectId: p.id });
  const shot = await tracker.create("shot", { name: "sh010", projectId: p.id, sequenceId: seq.id, frameIn: 1 });
  const layout = (await tracker.query("taskType", { name: "Layout" })).items[0]!;
  await tracker.create("task", { entityId: shot.id, taskTypeId: layout.id, name: "blocking" });
  project = await Project.fromEnv({
    env: {
      TRACKER_URL: server.url,
      TRACKER_LOGIN: "admin@example.com",
      TRACKER_PASSWORD: "mysecretpassword",
      TRACKER_PROJECT: "Partial",
    },
    envFile: false,
    modules: { kitsu },
  });
});

afterAll(async () => {
  await project?.tracker.close();
  await server?.close();
});

test("withTasks() invented the timestamps and task names that Zou's with-tasks rows lack", async () => {
  const [shot] = await project.shots.withTasks();
  expect(shot?.frameIn).toBe(1);
  expect(() => shot?.createdAt).toThrow(UnsupportedError);
  expect(() => shot?.createdAt).toThrow(/refresh\(\)/);
  const [task] = await shot!.tasks.all();
  expect(() => task?.name).toThrow(UnsupportedError);
  expect(task?.toJSON()).not.toHaveProperty("name");

  await shot!.refresh();
  expect(shot!.createdAt).toBeInstanceOf(Date);
  expect(shot!.createdAt.getTime()).toBeGreaterThan(0);
  const full = await project.tracker.load("task", task!.id);
  expect(full).toBe(task);
  expect(full.name).toBe("blocking");
});
