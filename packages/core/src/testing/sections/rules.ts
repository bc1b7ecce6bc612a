import { expect, test } from "vitest";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";
import { filterRules } from "./rules-filters.js";
import { parentRules } from "./rules-parents.js";
import { removeRules } from "./rules-remove.js";
import { uniqueRules } from "./rules-unique.js";

/**
 * Section 3: the tracker rules (rules.ts), one case each, and the broken inputs every adapter
 * reports the same way. The cases read the rules the adapter states (`rulesOf(adapter)`), so an
 * adapter whose tracker differs from the defaults passes by enforcing its own.
 */
export function rulesSection(ctx: ComplianceContext): void {
  uniqueRules(ctx);
  parentRules(ctx);
  filterRules(ctx);
  removeRules(ctx);

  test("zero or negative time spent is a ValidationError", async (t) => {
    t.skip(!ctx.has("timeTracking"), "capabilities.timeTracking is false");
    const task = await ctx.newShotTask();
    const person = ctx.fx.persons[0];
    await ctx.adapter.assign(task.id, [person.id]);
    await expectTrackerError(ctx.adapter.setTimeSpent(task.id, person.id, "2025-01-06", 0), "VALIDATION");
    await expectTrackerError(ctx.adapter.setTimeSpent(task.id, person.id, "2025-01-06", -60), "VALIDATION");
    await expectTrackerError(ctx.adapter.addTimeSpent(task.id, person.id, "2025-01-06", 0), "VALIDATION");
    const after = await ctx.adapter.get("task", task.id);
    expect(after.duration).toBe(0);
  });
}
