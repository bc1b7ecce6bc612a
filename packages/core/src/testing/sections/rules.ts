import { expect, test } from "vitest";
import type { ComplianceContext } from "../context.js";
import { expectTrackerError } from "../helpers/expect-error.js";

/**
 * Section 3: the conflicts and broken rules every adapter reports the same way. Kitsu itself
 * answers some of these with a silent success (shot, sequence and asset creation are idempotent
 * or unchecked, recorded 080/109), so its adapter must look before it writes.
 */
export function rulesSection(ctx: ComplianceContext): void {
  test("a second shot with the same name in the same sequence is a ConflictError", async () => {
    const first = await ctx.newShot();
    await expectTrackerError(ctx.newShot({ name: first.name }), "CONFLICT");
    const { items } = await ctx.adapter.query("shot", { sequenceId: ctx.fx.sequence.id, name: first.name });
    expect(items.map((s) => s.id)).toEqual([first.id]);
  });

  test("two identical creates at once: one record, the other call a ConflictError (on Kitsu both got the same shot)", async () => {
    const shot = { name: ctx.name("sh_race"), projectId: ctx.fx.project.id, sequenceId: ctx.fx.sequence.id };
    const asset = { name: ctx.name("asset_race"), projectId: ctx.fx.project.id, assetTypeId: ctx.fx.assetType.id };
    for (const attempt of [() => ctx.adapter.create("shot", shot), () => ctx.adapter.create("asset", asset)]) {
      const outcomes = await Promise.allSettled([attempt(), attempt()]);
      const made = outcomes.filter((o) => o.status === "fulfilled");
      expect(made).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected");
      await expectTrackerError(Promise.reject(refused?.reason), "CONFLICT");
    }
    const shots = await ctx.adapter.query("shot", { sequenceId: ctx.fx.sequence.id, name: shot.name });
    const assets = await ctx.adapter.query("asset", { projectId: ctx.fx.project.id, name: asset.name });
    expect([shots.items.length, assets.items.length]).toEqual([1, 1]);
  });

  test("the same shot name in another sequence is fine", async () => {
    const first = await ctx.newShot();
    const other = await ctx.newSequence();
    const second = await ctx.newShot({ name: first.name, sequenceId: other.id });
    expect(second.id).not.toBe(first.id);
    expect(second.sequenceId).toBe(other.id);
  });

  test("a second sequence with the same name in the project is a ConflictError", async () => {
    const first = await ctx.newSequence();
    await expectTrackerError(
      ctx.adapter.create("sequence", { name: first.name, projectId: ctx.fx.project.id }),
      "CONFLICT",
    );
  });

  test("a second asset with the same name and type in the project is a ConflictError", async () => {
    const first = await ctx.newAsset();
    await expectTrackerError(ctx.newAsset({ name: first.name }), "CONFLICT");
    const { items } = await ctx.adapter.query("asset", { projectId: ctx.fx.project.id, name: first.name });
    expect(items.map((a) => a.id)).toEqual([first.id]);
  });

  test("a second project with the same name is a ConflictError", async () => {
    await expectTrackerError(
      ctx.adapter.create("project", { name: ctx.fx.project.name, productionType: "short" }),
      "CONFLICT",
    );
  });

  test("a task whose type is for assets, on a shot, is a ValidationError", async () => {
    const shot = await ctx.newShot();
    await expectTrackerError(ctx.newTask(shot.id, false), "VALIDATION");
  });

  test("a task whose type is for shots, on an asset, is a ValidationError", async () => {
    const asset = await ctx.newAsset();
    await expectTrackerError(ctx.newTask(asset.id, true), "VALIDATION");
  });

  test("a second task of the same type on an entity is a ConflictError", async () => {
    const task = await ctx.newShotTask();
    await expectTrackerError(ctx.newTask(task.entityId), "CONFLICT");
  });

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
