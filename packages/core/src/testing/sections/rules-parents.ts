import { describe, expect, test } from "vitest";
import type { ParentRule } from "../../schema/rules.js";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";
import { unknownId } from "../helpers/records.js";

/**
 * Part of section 3: the required parents (rules.ts `parents`). A reference to nothing is a
 * NotFoundError and writes nothing; so is a parent of another project where the rule wants the
 * same one (Zou answers 404 for both); a task type for another kind of entity is a ValidationError.
 */
export function parentRules(ctx: ComplianceContext): void {
  const rule = (kind: "shot" | "task", field: string) =>
    (ctx.rules[kind].parents as Record<string, ParentRule | undefined>)[field];

  describe("required parents", () => {
    test("a shot in a sequence that does not exist is a NotFoundError, and nothing is written", async () => {
      const name = ctx.name("sh");
      await expectTrackerError(ctx.newShot({ name, sequenceId: unknownId() }), "NOT_FOUND");
      const { items } = await ctx.adapter.query("shot", { projectId: ctx.fx.project.id, name });
      expect(items).toEqual([]);
    });

    test("a shot in a sequence of another project is a NotFoundError", async () => {
      const other = await ctx.adapter.create("project", {
        name: `Gadget Elsewhere ${ctx.suffix}`,
        productionType: "short",
      });
      ctx.trackProject(other.id);
      const foreign = await ctx.adapter.create("sequence", { name: ctx.name("sq"), projectId: other.id });
      const attempt = ctx.newShot({ sequenceId: foreign.id });
      if (rule("shot", "sequenceId")?.sameProject) await expectTrackerError(attempt, "NOT_FOUND");
      else expect((await attempt).sequenceId).toBe(foreign.id);
    });

    test("an asset of an asset type that does not exist is a NotFoundError", async () => {
      await expectTrackerError(ctx.newAsset({ assetTypeId: unknownId() }), "NOT_FOUND");
    });

    test("a task on an entity that does not exist is a NotFoundError", async () => {
      await expectTrackerError(ctx.newTask(unknownId()), "NOT_FOUND");
    });

    test("a task whose type is for assets, on a shot, is a ValidationError", async () => {
      const shot = await ctx.newShot();
      const attempt = ctx.newTask(shot.id, false);
      if (rule("task", "taskTypeId")?.fitsEntity) await expectTrackerError(attempt, "VALIDATION");
      else await attempt;
      expect((await ctx.adapter.query("task", { entityId: shot.id })).items.length).toBe(
        rule("task", "taskTypeId")?.fitsEntity ? 0 : 1,
      );
    });

    test("a task whose type is for shots, on an asset, is a ValidationError", async () => {
      const asset = await ctx.newAsset();
      const attempt = ctx.newTask(asset.id, true);
      if (rule("task", "taskTypeId")?.fitsEntity) await expectTrackerError(attempt, "VALIDATION");
      else await attempt;
    });
  });
}
