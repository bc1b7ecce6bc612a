import { expect, test } from "vitest";
import type { ComplianceContext } from "../compliance-context.js";
import { sorted } from "../helpers/records.js";

/** Section 9: assign and unassign persons (zou.md §2.6; recorded 144-146). */
export function assignmentSection(ctx: ComplianceContext): void {
  test("assign adds to assigneeIds, unassign removes only the given persons", async () => {
    const task = await ctx.newShotTask();
    const [p1, p2] = ctx.fx.persons;
    expect((await ctx.adapter.assign(task.id, [p1.id])).assigneeIds).toEqual([p1.id]);
    const both = await ctx.adapter.assign(task.id, [p2.id]);
    expect(sorted(both.assigneeIds)).toEqual(sorted([p1.id, p2.id]));
    const left = await ctx.adapter.unassign(task.id, [p1.id]);
    expect(left.assigneeIds).toEqual([p2.id]);
    expect((await ctx.adapter.get("task", task.id)).assigneeIds).toEqual([p2.id]);
  });

  test("assigning someone already assigned keeps a single entry", async () => {
    const task = await ctx.newShotTask();
    const [p1] = ctx.fx.persons;
    await ctx.adapter.assign(task.id, [p1.id]);
    expect((await ctx.adapter.assign(task.id, [p1.id])).assigneeIds).toEqual([p1.id]);
    expect((await ctx.adapter.unassign(task.id, [p1.id])).assigneeIds).toEqual([]);
  });
}
