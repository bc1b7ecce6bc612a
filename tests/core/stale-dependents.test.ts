import { NotFoundError, Tracker } from "@gadget/core";
import { demoTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, describe, expect, test } from "vitest";
import { DEMO_PROJECT } from "./helpers.js";

/*
 * What a forced removal takes along is gone from the session too: the session marks what pointed at
 * the deleted record stale, so a lookup within cacheTtl asks the tracker instead of answering it.
 */

let server: KitsuServer | undefined;
afterAll(async () => {
  await server?.close();
});

const backends: Record<string, () => Promise<Tracker>> = {
  mock: async () => Tracker.connect(demoTracker()),
  "kitsu (test server)": async () => {
    server = await startKitsuServer({ tracker: demoTracker() });
    return Tracker.fromEnv({
      env: { TRACKER_URL: server.url, TRACKER_LOGIN: "admin@example.com", TRACKER_PASSWORD: "mysecretpassword" },
      envFile: false,
    });
  },
};

describe.each(Object.keys(backends))("%s", (name) => {
  test("a shot and its task loaded before their sequence's forced delete are not served by tracker.load after it", async () => {
    const tracker = await (backends[name] as () => Promise<Tracker>)();
    const project = await tracker.projects.get({ name: DEMO_PROJECT });
    const sequence = await project.sequences.get({ name: "sq010" });
    const shot = await sequence.shots.get({ name: "sh020" });
    const [task] = await shot.tasks.all();
    expect(task).toBeDefined();
    expect(await tracker.load("shot", shot.id)).toBe(shot);

    await sequence.delete({ force: true });

    await expect(tracker.load("shot", shot.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(tracker.load("task", task?.id as string)).rejects.toBeInstanceOf(NotFoundError);
    // What did not point at the sequence is still served.
    expect(await tracker.load("project", project.id)).toBe(project);
    await tracker.close();
  });
});
