import { describe, expect, it } from "vitest";
import { EventDeduper, fromSocketEvent } from "../src/events/index.js";

const update = (taskId: string) => fromSocketEvent("task:update", { task_id: taskId, project_id: "p" });
const comment = (commentId: string) =>
  fromSocketEvent("comment:new", { comment_id: commentId, task_id: "t1", project_id: "p" });
const WINDOW = 10_000;

describe("EventDeduper", () => {
  it("drops a replayed copy of an event that arrived live before the drop", () => {
    const d = new EventDeduper(WINDOW);
    expect(d.acceptLive(update("t1"), 1_000)).toBe(true);
    const since = d.markDrop(2_000);
    expect(since).toBe(2_000 - WINDOW);
    expect(d.acceptReplayed(update("t1"), since, 60_000)).toBe(false);
    expect(d.acceptReplayed(update("t2"), since, 60_000)).toBe(true);
  });

  it("counts occurrences: a second identical event in the gap is delivered", () => {
    const d = new EventDeduper(WINDOW);
    d.acceptLive(update("t1"), 1_000);
    const since = d.markDrop(2_000);
    expect(d.acceptReplayed(update("t1"), since, 30_000)).toBe(false);
    expect(d.acceptReplayed(update("t1"), since, 30_000)).toBe(true);
  });

  it("keeps pre-drop live events through a long outage, even when live events arrive before the replay", () => {
    const d = new EventDeduper(WINDOW);
    d.acceptLive(update("t1"), 1_000);
    const since = d.markDrop(2_000);
    // Reconnected a minute later; a live event lands before the history answer does.
    expect(d.acceptLive(update("t9"), 62_000)).toBe(true);
    expect(d.acceptReplayed(update("t1"), since, 62_500)).toBe(false);
    expect(d.acceptReplayed(update("t9"), since, 62_500)).toBe(false);
  });

  it("drops the late live copy of an event the replay already delivered, within the window only", () => {
    const d = new EventDeduper(WINDOW);
    const since = d.markDrop(1_000);
    expect(d.acceptReplayed(comment("c1"), since, 5_000)).toBe(true);
    expect(d.acceptReplayed(comment("c2"), since, 5_000)).toBe(true);
    d.replayDone();
    expect(d.acceptLive(comment("c1"), 6_000)).toBe(false);
    expect(d.acceptLive(comment("c2"), 5_000 + WINDOW + 1)).toBe(true);
  });

  it("a replayed change signal never swallows the record's next change (task:update twice was delivered once)", () => {
    const d = new EventDeduper(WINDOW);
    // Subscribed, then the task changed before the socket was up: the first replay delivers that change.
    const since = d.markStart(1_000);
    expect(d.acceptReplayed(update("t1"), since, 2_000)).toBe(true);
    d.replayDone();
    // The task changes again a moment later: the same payload, a new change.
    expect(d.acceptLive(update("t1"), 2_500)).toBe(true);
  });

  it("ignores live events older than the replay's start", () => {
    const d = new EventDeduper(WINDOW);
    d.acceptLive(update("t1"), 1_000);
    d.acceptLive(update("t2"), 50_000);
    const since = d.markDrop(55_000);
    expect(d.acceptReplayed(update("t1"), since, 70_000)).toBe(true);
    expect(d.acceptReplayed(update("t2"), since, 70_000)).toBe(false);
  });
});
