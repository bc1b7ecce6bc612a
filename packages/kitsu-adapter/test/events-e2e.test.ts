import { type AnyEntity, type Project, Tracker, type TrackerEvent } from "@gadget/core";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAdapter } from "../src/index.js";

/*
 * The whole path: a write through the Kitsu adapter, the Kitsu-compatible server's socket.io
 * broadcast, the adapter's event stream, core's hub, a typed `project.on` listener; then token
 * expiry + server restart, and `project.events.since()` over `GET /data/events/last`.
 */

let server: KitsuServer;
let tracker: Tracker;
beforeEach(async () => {
  server = await startKitsuServer();
  const adapter = await createAdapter(
    { type: "kitsu", url: server.url, login: "admin@example.com", password: "mysecretpassword" },
    { retry: { delay: (attemptCount) => 10 * 2 ** (attemptCount - 1) } },
  );
  tracker = Tracker.connect(adapter);
});
afterEach(async () => {
  await tracker.close();
  await server.close();
});

/** Writes until a live event comes back: the socket connects lazily, on the first listener. */
async function untilLive(project: Project) {
  const seen: unknown[] = [];
  const stop = project.on("project:update", (e) => seen.push(e));
  await vi.waitFor(
    async () => {
      project.description = `warm-up ${seen.length}`;
      await project.save();
      expect(seen.length).toBeGreaterThan(0);
      // The socket's first connect shares two cores with the rest of the suite: give it time.
    },
    { timeout: 15_000, interval: 100 },
  );
  stop();
}

describe("Kitsu events end to end", () => {
  it("delivers typed events through project.on, survives expiry + restart, replays through since()", async () => {
    const startedAt = new Date();
    const project = await tracker.projects.new({ name: "Events E2E", productionType: "short" });
    const received: TrackerEvent<"sequence:new", AnyEntity>[] = [];
    const keep = project.on("sequence:new", (e) => received.push(e));
    await untilLive(project);

    const sq010 = await project.sequences.new({ name: "sq010" });
    await vi.waitFor(() => expect(received.map((e) => e.id)).toEqual([sq010.id]));
    expect(received[0]?.data.sequenceId).toBe(sq010.id);
    expect(received[0]?.projectId).toBe(project.id);
    expect((await received[0]?.load())?.name).toBe("sq010");

    server.tokens.expireAll();
    await server.restart();
    // Written while the stream may still be down: it arrives live or through the replay, once.
    const sq020 = await project.sequences.new({ name: "sq020" });
    await vi.waitFor(() => expect(received.map((e) => e.id)).toContain(sq020.id));
    const sq030 = await project.sequences.new({ name: "sq030" });
    await vi.waitFor(() => expect(received.map((e) => e.id)).toContain(sq030.id));
    expect(received.map((e) => e.id)).toEqual([sq010.id, sq020.id, sq030.id]);
    keep();

    const replayed: string[] = [];
    for await (const e of project.events.since(startedAt)) if (e.name === "sequence:new") replayed.push(e.id);
    expect(replayed).toEqual([sq010.id, sq020.id, sq030.id]);
  });
});
