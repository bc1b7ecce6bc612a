import { expect, test } from "vitest";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";

/** Section 11: Kitsu cancels a shot or asset that has tasks unless forced (recorded 125, 164-167). */
export function removeSection(ctx: ComplianceContext): void {
  test("a shot with tasks, removed without force, is canceled and kept", async () => {
    const task = await ctx.newShotTask();
    expect(await ctx.adapter.remove("shot", task.entityId)).toEqual({ outcome: "canceled" });
    expect(await ctx.adapter.get("shot", task.entityId)).toMatchObject({ id: task.entityId, canceled: true });
    expect((await ctx.adapter.get("task", task.id)).id).toBe(task.id);
  });

  test("a shot with tasks, removed with force, is deleted with its tasks", async () => {
    const task = await ctx.newShotTask();
    expect(await ctx.adapter.remove("shot", task.entityId, { force: true })).toEqual({ outcome: "deleted" });
    await expectTrackerError(ctx.adapter.get("shot", task.entityId), "NOT_FOUND");
    await expectTrackerError(ctx.adapter.get("task", task.id), "NOT_FOUND");
  });

  test("a shot without tasks is deleted without force", async () => {
    const shot = await ctx.newShot();
    expect(await ctx.adapter.remove("shot", shot.id)).toEqual({ outcome: "deleted" });
    await expectTrackerError(ctx.adapter.get("shot", shot.id), "NOT_FOUND");
  });

  test("an asset with tasks, removed without force, is canceled and kept", async () => {
    const asset = await ctx.newAsset();
    await ctx.newTask(asset.id, false);
    expect(await ctx.adapter.remove("asset", asset.id)).toEqual({ outcome: "canceled" });
    expect(await ctx.adapter.get("asset", asset.id)).toMatchObject({ canceled: true });
  });

  test("a canceled shot can be restored with update({ canceled: false })", async () => {
    const task = await ctx.newShotTask();
    await ctx.adapter.remove("shot", task.entityId);
    const restored = await ctx.adapter.update("shot", task.entityId, { canceled: false });
    expect(restored.canceled).toBe(false);
  });
}
