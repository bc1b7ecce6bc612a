import { describe, expect, it } from "vitest";
import type { EventRecord } from "../src/adapter/event-record.js";
import { UnsupportedError } from "../src/errors.js";
import { AsyncQueue } from "../src/events/queue.js";
import { createTrackerEvent, isEventKind, isEventName } from "../src/events/tracker-event.js";
import { asId, type Id } from "../src/schema/common.js";
import type { Kind } from "../src/schema/kinds.js";

const record = (name: string, extra: Partial<EventRecord> = {}): EventRecord => {
  const at = name.indexOf(":");
  return {
    name,
    kind: name.slice(0, at),
    action: name.slice(at + 1),
    id: asId("rec-1"),
    projectId: asId("prj-1"),
    at: new Date("2024-05-01T10:00:00Z"),
    data: { taskId: "rec-1" },
    cursor: "7",
    ...extra,
  };
};

describe("createTrackerEvent", () => {
  it("carries the record's fields", () => {
    const event = createTrackerEvent(record("task:status-changed"), async () => "loaded");
    expect(event).toMatchObject({
      name: "task:status-changed",
      kind: "task",
      action: "status-changed",
      id: "rec-1",
      projectId: "prj-1",
      at: new Date("2024-05-01T10:00:00Z"),
      data: { taskId: "rec-1" },
      cursor: "7",
    });
  });

  it.each([
    ["preview-file:add-file", "preview"],
    ["task-type:update", "taskType"],
    ["shot:new", "shot"],
    ["time-spent:delete", "timeSpent"],
  ])("load() of %s fetches the %s", async (name, kind) => {
    const calls: [Kind, Id][] = [];
    const event = createTrackerEvent(record(name), async (k, id) => {
      calls.push([k, id]);
      return { kind: k, id };
    });
    await expect(event.load()).resolves.toEqual({ kind, id: "rec-1" });
    expect(calls).toEqual([[kind, "rec-1"]]);
  });

  it("load() of a kind the model lacks rejects with UnsupportedError naming the event", async () => {
    const event = createTrackerEvent(record("notification:new"), async () => "never");
    const error = await event.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect((error as Error).message).toContain('"notification:new"');
  });
});

describe("isEventName", () => {
  it.each(["shot:new", "asset-type:delete", "task:status-changed", "playlist:add_entity", "preview-file:set-main"])(
    "knows %s",
    (name) => expect(isEventName(name)).toBe(true),
  );
  it.each(["notification:new", "shot:add-to-scene", "concept:archive", "shot", "", "task:"])(
    "does not know %s",
    (name) => expect(isEventName(name)).toBe(false),
  );
  it("tells event kinds from others, prototype names included", () => {
    expect(isEventKind("preview-file")).toBe(true);
    expect(isEventKind("toString")).toBe(false);
  });
});

describe("AsyncQueue", () => {
  it("hands out pushed items in order, before and after the pull", async () => {
    const queue = new AsyncQueue<number>();
    queue.push(1);
    const pending = queue.next();
    const later = queue.next();
    queue.push(2);
    await expect(pending).resolves.toEqual({ value: 1, done: false });
    await expect(later).resolves.toEqual({ value: 2, done: false });
  });

  it("drains buffered items after end(), drops them after end(true), and runs cleanups once", async () => {
    let cleanups = 0;
    const queue = new AsyncQueue<string>();
    queue.onEnd(() => cleanups++);
    queue.push("a");
    queue.end();
    queue.end(true);
    queue.push("b");
    await expect(queue.next()).resolves.toEqual({ value: undefined, done: true });
    expect(cleanups).toBe(1);

    const draining = new AsyncQueue<string>();
    draining.push("a");
    draining.end();
    await expect(draining.next()).resolves.toEqual({ value: "a", done: false });
    await expect(draining.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it("resolves a waiting pull as done when it ends", async () => {
    const queue = new AsyncQueue<number>();
    const pending = queue.next();
    await queue.return();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
  });
});
