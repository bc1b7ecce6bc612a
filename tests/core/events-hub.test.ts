import type { TrackerEvent } from "@gadget/core";
import { UnsupportedError } from "@gadget/core";
import { asId, personCreateSchema } from "@gadget/core/adapter";
import { afterEach, describe, expect, it, vi } from "vitest";
import { flush, makeHub, makeProject, ScriptedTracker } from "./events-fixture.js";

afterEach(() => vi.restoreAllMocks());

describe("EventHub subscription", () => {
  it("subscribes to the adapter on the first listener and leaves with the last one", async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    expect(tracker.open).toBe(0);
    const stopA = hub.on("shot:new", () => {});
    const stopB = hub.on("*", () => {});
    expect(tracker.open).toBe(1);
    expect(hub.subscribed).toBe(true);
    stopA();
    expect(tracker.open).toBe(1);
    stopB();
    stopB();
    expect(tracker.open).toBe(0);
    expect(hub.subscribed).toBe(false);
    hub.on("shot:new", () => {});
    expect(tracker.open).toBe(1);
  });

  it("a listener whose subscription failed is not left registered", async () => {
    const tracker = new ScriptedTracker();
    const failure = new Error("events URL unreachable");
    vi.spyOn(tracker, "subscribe").mockImplementationOnce(() => {
      throw failure;
    });
    const hub = makeHub(tracker);
    const seen: string[] = [];
    expect(() => hub.on("shot:new", (e) => seen.push(`first ${e.name}`))).toThrow(failure);
    expect(hub.listenerCount).toBe(0);
    expect(hub.subscribed).toBe(false);
    hub.on("shot:new", (e) => seen.push(`second ${e.name}`));
    expect(hub.listenerCount).toBe(1);
    expect(tracker.open).toBe(1);
    await (await makeProject(tracker, "Failed subscription")).addShot("sh010");
    await flush();
    expect(seen).toEqual(["second shot:new"]);
  });

  it("refuses listeners when the tracker has no events", () => {
    const hub = makeHub(new ScriptedTracker({ capabilities: { events: false } }));
    expect(() => hub.on("shot:new", () => {})).toThrow(UnsupportedError);
    expect(() => hub.once("*", () => {})).toThrow(/does not support events/);
  });

  it("close() removes every listener and the subscription", async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const seen: string[] = [];
    hub.on("*", (e) => seen.push(e.name));
    hub.on("shot:new", (e) => seen.push(e.name));
    let closed = 0;
    hub.onClose(() => closed++);
    hub.close();
    expect(tracker.open).toBe(0);
    expect(hub.listenerCount).toBe(0);
    expect(closed).toBe(1);
    await makeProject(tracker, "Bunny");
    await flush();
    expect(seen).toEqual([]);
  });
});

describe("EventHub delivery", () => {
  it("delivers a named event with its payload, and load() fetches its entity", async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const events: TrackerEvent<"shot:new", { kind: string; id: string }>[] = [];
    hub.on("shot:new", (e) => events.push(e));
    const { project, addShot } = await makeProject(tracker, "Bunny");
    const shot = await addShot("sh010");
    await flush();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ name: "shot:new", kind: "shot", action: "new", id: shot.id, projectId: project.id });
    expect(event?.data.shotId).toBe(shot.id);
    expect(event?.at).toBeInstanceOf(Date);
    await expect(event?.load()).resolves.toEqual({ kind: "shot", id: shot.id });
  });

  it('delivers every event to "*" in order', async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const names: string[] = [];
    hub.on("*", (e) => names.push(e.name));
    const { addShot } = await makeProject(tracker, "Bunny");
    await addShot("sh010");
    await flush();
    expect(names).toEqual(["project:new", "sequence:new", "shot:new"]);
  });

  it("once() fires for the first matching event only", async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const ids: string[] = [];
    hub.once("shot:new", (e) => ids.push(e.id));
    const { addShot } = await makeProject(tracker, "Bunny");
    const first = await addShot("sh010");
    await addShot("sh020");
    await flush();
    expect(ids).toEqual([first.id]);
    expect(tracker.open).toBe(0);
  });

  it("off() removes a handler, or every handler of the name", async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const seen: string[] = [];
    const a = () => seen.push("a");
    const b = () => seen.push("b");
    hub.on("shot:new", a);
    hub.on("shot:new", b);
    hub.on("sequence:new", a);
    hub.off("shot:new", a);
    const { addShot } = await makeProject(tracker, "Bunny");
    await addShot("sh010");
    await flush();
    expect(seen).toEqual(["a", "b"]);
    hub.off("shot:new");
    hub.off("sequence:new");
    expect(tracker.open).toBe(0);
  });

  it("stays silent for a listener removed by an earlier listener of the same event", async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const seen: string[] = [];
    hub.on("project:new", () => stopLater());
    const stopLater = hub.on("project:new", (e) => seen.push(e.name));
    await makeProject(tracker, "Bunny");
    await flush();
    expect(seen).toEqual([]);
  });

  it("calls onEvent before any listener", async () => {
    const tracker = new ScriptedTracker();
    const order: string[] = [];
    const hub = makeHub(tracker, (name) => order.push(`onEvent ${name}`));
    hub.on("sequence:new", (e) => order.push(`listener ${e.name}`));
    await makeProject(tracker, "Bunny");
    await flush();
    expect(order).toEqual(["onEvent project:new", "onEvent sequence:new", "listener sequence:new"]);
  });

  it('delivers names outside the vocabulary to "*" listeners only', async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const star: string[] = [];
    const named: string[] = [];
    hub.on("*", (e) => star.push(e.name));
    hub.on("shot:new", (e) => named.push(e.name));
    tracker.push({
      name: "shot:add-to-scene",
      kind: "shot",
      action: "add-to-scene",
      id: asId("s1"),
      projectId: null,
      at: new Date(),
      data: { sceneId: "x", shotId: "s1" },
      cursor: null,
    });
    expect(star).toEqual(["shot:add-to-scene"]);
    expect(named).toEqual([]);
  });
});

describe("EventHub project filter", () => {
  it("filters out the events of other projects", async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const bunny = await makeProject(tracker, "Bunny");
    const other = await makeProject(tracker, "Other");
    const seen: string[] = [];
    hub.on("shot:new", (e) => seen.push(`named ${e.id}`), { projectId: bunny.project.id });
    hub.on("*", (e) => seen.push(`star ${e.id}`), { projectId: bunny.project.id });
    const mine = await bunny.addShot("sh010");
    await other.addShot("sh010");
    await flush();
    expect(seen).toEqual([`named ${mine.id}`, `star ${mine.id}`]);
  });

  it('lets studio-wide events through to listeners that name them, not to "*"', async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const { project } = await makeProject(tracker, "Bunny");
    const seen: string[] = [];
    hub.on("person:new", (e) => seen.push(`named ${e.projectId}`), { projectId: project.id });
    hub.on("*", (e) => seen.push(`star ${e.name}`), { projectId: project.id });
    hub.on("*", (e) => seen.push(`studio ${e.name}`));
    await tracker.create("person", personCreateSchema.parse({ firstName: "Ada", lastName: "Lee" }));
    await flush();
    expect(seen).toEqual(["named null", "studio person:new"]);
  });
});

describe("EventHub listener failures", () => {
  it("keeps delivering to the other listeners and reports to onError", async () => {
    const tracker = new ScriptedTracker();
    const hub = makeHub(tracker);
    const failures: [string, string][] = [];
    hub.onError((error, event) => failures.push([(error as Error).message, event.name]));
    const seen: string[] = [];
    hub.on("sequence:new", () => {
      throw new Error("boom");
    });
    hub.on("sequence:new", async () => {
      throw new Error("async boom");
    });
    hub.on("sequence:new", (e) => seen.push(e.name));
    hub.on("*", (e) => seen.push(`* ${e.name}`));
    await makeProject(tracker, "Bunny");
    await flush();
    expect(seen).toEqual(["* project:new", "sequence:new", "* sequence:new"]);
    expect(failures).toEqual([
      ["boom", "sequence:new"],
      ["async boom", "sequence:new"],
    ]);
  });

  it("falls back to console.error without onError, and survives a throwing onEvent", async () => {
    const tracker = new ScriptedTracker();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const hub = makeHub(tracker, () => {
      throw new Error("identity map broke");
    });
    const seen: string[] = [];
    hub.on("project:new", () => {
      throw new Error("listener broke");
    });
    hub.on("project:new", (e) => seen.push(e.name));
    await makeProject(tracker, "Bunny");
    await flush();
    expect(seen).toEqual(["project:new"]);
    const messages = logged.mock.calls.map((call) => (call[1] as Error).message);
    expect(messages).toEqual(["identity map broke", "listener broke", "identity map broke"]);
  });
});
