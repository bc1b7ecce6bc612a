import { NotFoundError, Project } from "@gadget/core";
import { MockTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as kitsu from "../src/index.js";
import { RecentMap } from "../src/ops/recent-map.js";

/*
 * The studio lists the adapter reads once (task statuses, types, ...) are read again once the
 * session's cacheTtl has passed, or on tracker.clearCache(): a long-running session without an
 * event listener sees a status added in Kitsu's web UI. The clock is vitest's (Date only).
 */

let server: KitsuServer;
let tracker: MockTracker;
const sessions: Project[] = [];

const open = async (cacheTtl?: number) => {
  const env = {
    TRACKER_URL: server.url,
    TRACKER_LOGIN: "admin@example.com",
    TRACKER_PASSWORD: "mysecretpassword",
    TRACKER_PROJECT: "Ttl",
  };
  const project = await Project.fromEnv({ env, envFile: false, modules: { kitsu }, ...(cacheTtl ? { cacheTtl } : {}) });
  sessions.push(project);
  return project;
};

beforeAll(async () => {
  tracker = new MockTracker({ seed: 5 });
  server = await startKitsuServer({ tracker });
  await tracker.create("project", { name: "Ttl", productionType: "short" });
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  for (const project of sessions) await project.tracker.close();
  await server?.close();
});

describe("Kitsu studio lists and cacheTtl", () => {
  it("a status added elsewhere is seen once the ttl has passed, not before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const project = await open(120);
    await project.tracker.taskStatuses.all();
    await tracker.create("taskStatus", { name: "On Hold", shortName: "hold" });
    vi.setSystemTime(Date.now() + 100_000);
    server.stats.reset();
    await expect(project.tracker.taskStatuses.get({ shortName: "hold" })).rejects.toBeInstanceOf(NotFoundError);
    expect(server.stats.total).toBe(0);
    vi.setSystemTime(Date.now() + 21_000);
    expect((await project.tracker.taskStatuses.get({ shortName: "hold" })).name).toBe("On Hold");
  });

  it("tracker.clearCache() reads the lists again at the next lookup", async () => {
    const project = await open();
    await project.tracker.taskTypes.all();
    await tracker.create("taskType", { name: "Grooming", forShots: false });
    await expect(project.tracker.taskTypes.get({ name: "Grooming" })).rejects.toBeInstanceOf(NotFoundError);
    project.tracker.clearCache();
    expect((await project.tracker.taskTypes.get({ name: "Grooming" })).name).toBe("Grooming");
  });
});

describe("what the adapter learns per task is bounded", () => {
  it("keeps the projects of the tasks read last, up to its limit", () => {
    const known = new RecentMap<string, string>(3);
    for (const id of ["t1", "t2", "t3", "t4"]) known.set(id, `project of ${id}`);
    expect(known.size).toBe(3);
    expect(known.get("t1")).toBeUndefined();
    known.set("t2", "project of t2");
    known.set("t5", "project of t5");
    expect(known.get("t2")).toBe("project of t2");
    expect(known.get("t3")).toBeUndefined();
  });
});
