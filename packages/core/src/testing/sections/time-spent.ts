import { expect, test } from "vitest";
import { kinds } from "../../schema/kinds.js";
import type { ComplianceContext } from "../compliance-context.js";

/**
 * Section 8: set replaces, add accumulates, the task's duration is the sum (zou.md §2.6; recorded
 * 168-171). Kitsu refuses time on a person who is not assigned (173), so persons are assigned first.
 */
export function timeSpentSection(ctx: ComplianceContext): void {
  test("setTimeSpent replaces and addTimeSpent adds, on the same record", async () => {
    const task = await ctx.newShotTask();
    const person = ctx.fx.persons[0];
    await ctx.adapter.assign(task.id, [person.id]);
    const set = await ctx.adapter.setTimeSpent(task.id, person.id, "2025-01-06", 3600);
    expect(() => kinds.timeSpent.record.parse(set)).not.toThrow();
    expect(set).toMatchObject({ taskId: task.id, personId: person.id, date: "2025-01-06", duration: 3600 });
    const added = await ctx.adapter.addTimeSpent(task.id, person.id, "2025-01-06", 1800);
    expect(added).toMatchObject({ id: set.id, duration: 5400 });
    const reset = await ctx.adapter.setTimeSpent(task.id, person.id, "2025-01-06", 600);
    expect(reset).toMatchObject({ id: set.id, duration: 600 });
    expect((await ctx.adapter.get("task", task.id)).duration).toBe(600);
  });

  test("the task's duration is the sum across persons and days", async () => {
    const task = await ctx.newShotTask();
    const [p1, p2] = ctx.fx.persons;
    await ctx.adapter.assign(task.id, [p1.id, p2.id]);
    await ctx.adapter.setTimeSpent(task.id, p1.id, "2025-01-06", 600);
    await ctx.adapter.setTimeSpent(task.id, p1.id, "2025-01-07", 1200);
    await ctx.adapter.addTimeSpent(task.id, p2.id, "2025-01-06", 900);
    expect((await ctx.adapter.get("task", task.id)).duration).toBe(2700);
    const { items } = await ctx.adapter.query("timeSpent", { taskId: task.id });
    expect(items.map((t) => t.duration).sort((a, b) => a - b)).toEqual([600, 900, 1200]);
  });
}
