import { describe, expect, it } from "vitest";
import { ids, smallStudio } from "./helpers.js";

describe("MockTracker comment order with dated comments", () => {
  it("lists newest date first and equal dates latest posted first, on every page, through a delete", async () => {
    const { tracker, task, status } = await smallStudio();
    const post = (text: string, iso?: string) =>
      tracker.comment(task.id, { statusId: status.wip.id, text, ...(iso ? { createdAt: new Date(iso) } : {}) });
    const now = await post("now");
    const older = await post("older", "2019-01-01T00:00:00Z");
    const tie1 = await post("tie 1", "2020-01-01T00:00:00Z");
    const tie2 = await post("tie 2", "2020-01-01T00:00:00Z");
    const tie3 = await post("tie 3", "2020-01-01T00:00:00Z");
    const expected = ids([now, tie3, tie2, tie1, older]);
    expect(ids((await tracker.query("comment", { taskId: task.id })).items)).toEqual(expected);

    const first = await tracker.query("comment", { taskId: task.id }, { limit: 2 });
    expect(ids(first.items)).toEqual(expected.slice(0, 2));
    // The row the cursor names is deleted: the next page starts after where it stood.
    await tracker.remove("comment", tie3.id);
    const second = await tracker.query("comment", { taskId: task.id }, { limit: 2, cursor: first.next ?? undefined });
    expect(ids(second.items)).toEqual(expected.slice(2, 4));
    const third = await tracker.query("comment", { taskId: task.id }, { limit: 2, cursor: second.next ?? undefined });
    expect([ids(third.items), third.next]).toEqual([expected.slice(4), null]);
  });

  it("a dated comment keeps whole seconds and, older than the task's last, leaves the task as it was", async () => {
    const { tracker, task, status } = await smallStudio();
    await tracker.comment(task.id, { statusId: status.wfa.id, text: "latest" });
    const before = await tracker.get("task", task.id);
    const old = await tracker.comment(task.id, {
      statusId: status.retake.id,
      text: "imported",
      createdAt: new Date("2020-02-02T02:02:02.999Z"),
    });
    expect(old.createdAt.toISOString()).toBe("2020-02-02T02:02:02.000Z");
    const after = await tracker.get("task", task.id);
    expect([after.statusId, after.lastCommentAt]).toEqual([before.statusId, before.lastCommentAt]);
  });
});
