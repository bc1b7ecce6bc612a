import { describe, expect, test } from "vitest";
import { type Kind, kindNames, type Where } from "../../schema/kinds.js";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";

/**
 * Part of section 3: the filter keys (rules.ts `filterKeys`). Kitsu ignores filter keys it does
 * not know, which would widen an answer silently: a key outside the list is a ValidationError
 * before any request, and every key in it filters.
 */
export function filterRules(ctx: ComplianceContext): void {
  describe("filter keys", () => {
    for (const kind of kindNames) {
      test(`query(${kind}) with a key outside its filter keys is a ValidationError`, async () => {
        await expectTrackerError(ctx.adapter.query(kind, { notAField: "x" } as Where<Kind>), "VALIDATION");
      });
    }

    test("a list field (a task's assigneeIds) is not a filter key", async () => {
      const attempt = ctx.adapter.query("task", { assigneeIds: [ctx.fx.persons[0].id] } as Where<"task">);
      const filterKeys: readonly string[] = ctx.rules.task.filterKeys;
      if (filterKeys.includes("assigneeIds")) await attempt;
      else await expectTrackerError(attempt, "VALIDATION");
    });

    test("each filter key of a shot finds the shot by its own value", async () => {
      const sequence = await ctx.newSequence();
      const shot = await ctx.newShot({ sequenceId: sequence.id, frameIn: 101, frameOut: 148 });
      for (const key of ctx.rules.shot.filterKeys) {
        const where = { sequenceId: sequence.id, [key]: shot[key] } as Where<"shot">;
        const { items } = await ctx.adapter.query("shot", where);
        expect(
          items.map((s) => s.id),
          key,
        ).toEqual([shot.id]);
      }
    });
  });
}
