import type { EventName, TrackerEvent } from "@gadget/core";
import { UnsupportedError, ValidationError } from "@gadget/core";
import { personCreateSchema } from "@gadget/core/adapter";
import { describe, expect, it } from "vitest";
import { createEventsAccessor } from "../../packages/core/src/events/accessor.js";
import { flush, type Loaded, makeHub, makeProject, type ScriptedOptions, ScriptedTracker } from "./events-fixture.js";

type Event = TrackerEvent<EventName, Loaded>;

async function setup(options: ScriptedOptions = {}) {
  const tracker = new ScriptedTracker(options);
  const hub = makeHub(tracker);
  const bunny = await makeProject(tracker, "Bunny");
  return { tracker, hub, bunny, events: createEventsAccessor(hub, { projectId: bunny.project.id }) };
}

/** Shot names of shot:new events, the readable form of a sequence of events. */
const shots = async (tracker: ScriptedTracker, events: Event[]) => {
  const names = await Promise.all(
    events.filter((e) => e.name === "shot:new").map(async (e) => (await tracker.get("shot", e.id)).name),
  );
  return names;
};

describe("events(): live", () => {
  it("buffers events between next() calls and unsubscribes on return()", async () => {
    const { tracker, bunny, events } = await setup();
    const iterator = events()[Symbol.asyncIterator]();
    expect(tracker.open).toBe(1);
    const a = await bunny.addShot("sh010");
    const b = await bunny.addShot("sh020");
    await flush();
    await expect(iterator.next()).resolves.toMatchObject({ value: { name: "shot:new", id: a.id }, done: false });
    await expect(iterator.next()).resolves.toMatchObject({ value: { name: "shot:new", id: b.id }, done: false });
    expect(events.lastCursor).not.toBeNull();
    await iterator.return?.();
    expect(tracker.open).toBe(0);
  });

  it("keeps to the project and to the names asked for", async () => {
    const { tracker, bunny, events } = await setup();
    const other = await makeProject(tracker, "Other");
    const iterator = events({ names: ["shot:new", "person:new"] })[Symbol.asyncIterator]();
    await other.addShot("sh010");
    (await bunny.sequence) && tracker.update("sequence", bunny.sequence.id, { description: "x" });
    const mine = await bunny.addShot("sh010");
    await tracker.create("person", personCreateSchema.parse({ firstName: "Ada", lastName: "Lee" }));
    await flush();
    await expect(iterator.next()).resolves.toMatchObject({ value: { name: "shot:new", id: mine.id } });
    await expect(iterator.next()).resolves.toMatchObject({ value: { name: "person:new", projectId: null } });
    await iterator.return?.();
  });

  it("ends cleanly when the signal aborts while waiting", async () => {
    const { tracker, events } = await setup();
    const controller = new AbortController();
    const received: Event[] = [];
    const loop = (async () => {
      for await (const event of events({ signal: controller.signal })) received.push(event);
      return "ended";
    })();
    await flush();
    expect(tracker.open).toBe(1);
    controller.abort();
    await expect(loop).resolves.toBe("ended");
    expect(received).toEqual([]);
    expect(tracker.open).toBe(0);
  });

  it("does not subscribe with a signal already aborted", async () => {
    const { tracker, events } = await setup();
    const iterator = events({ signal: AbortSignal.abort() })[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    expect(tracker.open).toBe(0);
  });

  it("ends a waiting loop when the hub closes", async () => {
    const { hub, events } = await setup();
    const loop = (async () => {
      for await (const _ of events()) return "got an event";
      return "ended";
    })();
    await flush();
    hub.close();
    await expect(loop).resolves.toBe("ended");
  });

  it("throws UnsupportedError when the tracker has no live events", async () => {
    const { events } = await setup({ capabilities: { events: false } });
    expect(() => events()).toThrow(UnsupportedError);
  });
});

describe("events.since(): replay", () => {
  it("pages through the project's history oldest first", async () => {
    const { tracker, bunny, events } = await setup();
    const other = await makeProject(tracker, "Other");
    await bunny.addShot("sh010");
    await other.addShot("sh010");
    await bunny.addShot("sh020");
    await bunny.addShot("sh030");
    const replayed: Event[] = [];
    for await (const event of events.since(new Date(0), { limit: 2 })) replayed.push(event);
    expect(replayed.map((e) => e.name)).toEqual(["project:new", "sequence:new", "shot:new", "shot:new", "shot:new"]);
    expect(replayed.every((e) => e.projectId === bunny.project.id)).toBe(true);
    expect(await shots(tracker, replayed)).toEqual(["sh010", "sh020", "sh030"]);
    expect(tracker.historyCalls.map((c) => [c.limit, c.projectId])).toEqual(
      Array.from({ length: 4 }, () => [2, bunny.project.id]),
    );
    expect(tracker.open).toBe(0);
    await expect(replayed[2]?.load()).resolves.toMatchObject({ kind: "shot" });
  });

  it("resumes after lastCursor", async () => {
    const { tracker, bunny, events } = await setup();
    await bunny.addShot("sh010");
    for await (const _ of events.since(new Date(0))) {
      // read to the end
    }
    const cursor = events.lastCursor;
    expect(cursor).not.toBeNull();
    await bunny.addShot("sh020");
    const resumed: Event[] = [];
    for await (const event of events.since(cursor ?? "")) resumed.push(event);
    expect(await shots(tracker, resumed)).toEqual(["sh020"]);
    expect(resumed).toHaveLength(1);
  });

  it("takes an ISO timestamp as a Date and refuses a broken one", async () => {
    const { tracker, events } = await setup();
    const all: Event[] = [];
    for await (const event of events.since(new Date(0))) all.push(event);
    const first = all[0]?.at.toISOString() ?? "";
    const replayed: Event[] = [];
    for await (const event of events.since(first)) replayed.push(event);
    expect(tracker.historyCalls.at(-2)?.since).toEqual(new Date(first));
    expect(replayed.map((e) => e.id)).toEqual(all.slice(1).map((e) => e.id));
    expect(() => events.since("2024-13-45T99:00:00Z")).toThrow(ValidationError);
  });

  it("throws UnsupportedError when the tracker keeps no history", async () => {
    const { events } = await setup({ capabilities: { eventHistory: false } });
    expect(() => events.since(new Date(0))).toThrow(UnsupportedError);
  });

  it("stops when the signal aborts between events", async () => {
    const { bunny, events } = await setup();
    await bunny.addShot("sh010");
    const controller = new AbortController();
    const replayed: Event[] = [];
    for await (const event of events.since(new Date(0), { signal: controller.signal })) {
      replayed.push(event);
      controller.abort();
    }
    expect(replayed).toHaveLength(1);
  });
});

describe("events.since({ follow })", () => {
  /**
   * Writes while the history is being read (so those events reach both the history and the live
   * stream) and once the history is exhausted (so that one arrives only live), then checks that every
   * shot comes exactly once, in order.
   */
  async function followScenario(options: ScriptedOptions) {
    const { tracker, bunny, events } = await setup(options);
    await bunny.addShot("sh010");
    await bunny.addShot("sh020");
    tracker.onHistoryEnd = () => bunny.addShot("sh090");
    const controller = new AbortController();
    const received: Event[] = [];
    for await (const event of events.since(new Date(0), { follow: true, limit: 2, signal: controller.signal })) {
      received.push(event);
      const names = await shots(tracker, received);
      if (names.at(-1) === "sh010") await bunny.addShot("sh030");
      if (names.at(-1) === "sh030") await bunny.addShot("sh040");
      if (names.at(-1) === "sh090") controller.abort();
    }
    expect(await shots(tracker, received)).toEqual(["sh010", "sh020", "sh030", "sh040", "sh090"]);
    expect(received.map((e) => e.name)).toEqual([
      "project:new",
      "sequence:new",
      ...Array.from({ length: 5 }, () => "shot:new"),
    ]);
    expect(tracker.open).toBe(0);
    return { received, events };
  }

  it("switches from history to live events without loss or duplicates", async () => {
    const { received, events } = await followScenario({});
    expect(events.lastCursor).toBe(received.at(-1)?.cursor);
  });

  it("does the same when live events carry no cursor (Kitsu)", async () => {
    const { received, events } = await followScenario({ liveWithoutCursor: true });
    expect(received.at(-1)?.cursor).toBeNull();
    expect(received.slice(0, -1).every((e) => e.cursor !== null)).toBe(true);
    expect(events.lastCursor).toBe(received.at(-2)?.cursor);
    expect(events.lastAt).toEqual(received.at(-1)?.at);
  });

  it("keeps a cursorless live event that only looks like an older history event", async () => {
    const { tracker, bunny, events } = await setup({ liveWithoutCursor: true });
    const touch = () => tracker.update("sequence", bunny.sequence.id, { description: String(Math.random()) });
    await touch();
    tracker.onHistoryEnd = touch;
    const controller = new AbortController();
    const updates: Event[] = [];
    const options = { follow: true, clockSkewMs: 0, signal: controller.signal };
    for await (const event of events.since(new Date(0), options)) {
      if (event.name !== "sequence:update") continue;
      updates.push(event);
      if (updates.length === 2) controller.abort();
    }
    expect(updates.map((e) => e.cursor === null)).toEqual([false, true]);
    expect(updates[0]?.data).toEqual(updates[1]?.data);
  });

  it("listens before it reads the history", async () => {
    const { tracker, events } = await setup();
    const iterator = events.since(new Date(0), { follow: true })[Symbol.asyncIterator]();
    expect(tracker.open).toBe(0);
    await iterator.next();
    expect(tracker.open).toBe(1);
    await iterator.return?.();
    expect(tracker.open).toBe(0);
  });
});
