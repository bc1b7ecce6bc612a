import { ServerError, ValidationError } from "@gadget/core";
import type { EventRecord } from "@gadget/core/adapter";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchEventsSince } from "../src/events/index.js";
import { type FakeZouEvents, startFakeZouEvents } from "./events-fixture.js";

const P = "d6282d02-4256-4c26-a15f-e90390093f14";
const OTHER = "273347d6-ff23-4c41-b4d4-969238f83a2e";
const t0 = new Date("2026-11-29T16:04:11.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

let server: FakeZouEvents;
beforeEach(async () => {
  server = await startFakeZouEvents();
});
afterEach(() => server.close());

/** Reads the whole history after `since` page by page, as core's since() does. */
async function readAll(since: Date | string, limit: number, pageSize: number) {
  const pages: EventRecord[][] = [];
  let cursor: Date | string = since;
  for (;;) {
    const page = await fetchEventsSince(server.history, cursor, { limit, pageSize });
    if (page.events.length === 0) {
      expect(page.cursor).toBeNull();
      return pages;
    }
    pages.push(page.events);
    expect(page.cursor).toBe(page.events.at(-1)?.cursor);
    cursor = page.cursor ?? "";
  }
}

describe("fetchEventsSince (GET data/events/last)", () => {
  it("pages oldest first with no duplicate and no gap, even inside one second", async () => {
    // Seven events, five of them within the same second: Zou stamps to the second.
    for (let i = 0; i < 7; i++)
      server.emit("shot:update", { shot_id: `shot-${i}`, project_id: P }, at(i < 5 ? i : 1000 * i));
    const pages = await readAll(new Date(t0.getTime() - 5000), 3, 2);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((e) => e.id)).toEqual([
      "shot-0",
      "shot-1",
      "shot-2",
      "shot-3",
      "shot-4",
      "shot-5",
      "shot-6",
    ]);
    expect(server.historyRequests.every((q) => Number(q.limit) === 2)).toBe(true);
    expect(server.historyRequests.some((q) => typeof q.cursor_event_id === "string")).toBe(true);
  });

  it("asks Zou one second early and keeps only what follows `since`", async () => {
    server.emit("task:new", { task_id: "before", project_id: P }, at(-1500));
    server.emit("task:new", { task_id: "same-second", project_id: P }, at(300));
    server.emit("task:new", { task_id: "after", project_id: P }, at(2000));
    const page = await fetchEventsSince(server.history, at(500));
    expect(page.events.map((e) => e.id)).toEqual(["same-second", "after"]);
    expect(server.historyRequests[0]).toMatchObject({ after: "2026-11-29T16:04:10", limit: 1000 });
    expect(page.events[1]?.at.toISOString()).toBe("2026-11-29T16:04:13.000Z");
  });

  it("passes the project filter to Zou", async () => {
    server.emit("shot:new", { shot_id: "mine", project_id: P }, at(0));
    server.emit("shot:new", { shot_id: "theirs", project_id: OTHER }, at(0));
    server.emit("person:new", { person_id: "studio-wide" }, at(0));
    const page = await fetchEventsSince(server.history, at(-1000), { projectId: P });
    expect(page.events.map((e) => e.id)).toEqual(["mine"]);
    expect(server.historyRequests[0]).toMatchObject({ project_id: P });
  });

  it("resumes from a cursor whose event fell off the filter at the same second, without losing the rest", async () => {
    server.emit("shot:new", { shot_id: "a", project_id: P }, at(0));
    server.emit("shot:new", { shot_id: "b", project_id: P }, at(2000));
    const page = await fetchEventsSince(server.history, "2026-11-29T16:04:11@not-in-history");
    expect(page.events.map((e) => e.id)).toEqual(["a", "b"]);
  });

  it("refuses a since that is neither a Date, a timestamp nor a cursor, before any request", async () => {
    await expect(fetchEventsSince(server.history, "yesterday")).rejects.toBeInstanceOf(ValidationError);
    expect(server.historyRequests).toEqual([]);
  });

  it("turns an unreadable answer into a ServerError", async () => {
    const notAList = { get: async <T>() => ({ error: true }) as T };
    await expect(fetchEventsSince(notAList, t0)).rejects.toBeInstanceOf(ServerError);
    const badRow = { get: async <T>() => [{ id: "x", name: "shot:new" }] as T };
    await expect(fetchEventsSince(badRow, t0)).rejects.toThrow(/unreadable event row/);
  });

  it("stops when a server ignores cursor_event_id instead of looping on the same page", async () => {
    const row = (id: string) => ({ id, created_at: "2026-11-29T16:04:12", name: "task:update", data: { task_id: id } });
    let calls = 0;
    const ignoresCursor = {
      get: async <T>() => {
        calls++;
        return [row("2"), row("1")] as T;
      },
    };
    const page = await fetchEventsSince(ignoresCursor, t0, { pageSize: 2 });
    expect(page.events.map((e) => e.id)).toEqual(["1", "2"]);
    expect(calls).toBe(2);
  });
});
