import { expect, test } from "vitest";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";

/**
 * Section 10: `customData` in an update is merged key by key. Kitsu merges only through
 * `PUT /data/entities/<id>` and tasks; `PUT /data/shots/<id>` replaces `data` and loses the frame
 * range stored there (recorded 119-121), which the shot check catches.
 */
export function customDataSection(ctx: ComplianceContext): void {
  test("shot: customData is merged and the frame range survives", async () => {
    const shot = await ctx.newShot({ frameIn: 101, frameOut: 200, customData: { a: 1 } });
    const updated = await ctx.adapter.update("shot", shot.id, { customData: { b: 2 } });
    expect(updated.customData).toMatchObject({ a: 1, b: 2 });
    const again = await ctx.adapter.get("shot", shot.id);
    expect(again.customData).toMatchObject({ a: 1, b: 2 });
    expect(again).toMatchObject({ frameIn: 101, frameOut: 200 });
  });

  test("shot: a key set to null is blanked, the others stay", async () => {
    const shot = await ctx.newShot({ customData: { a: 1, b: 2 } });
    await ctx.adapter.update("shot", shot.id, { customData: { a: null } });
    const again = await ctx.adapter.get("shot", shot.id);
    expect(again.customData.a ?? null).toBeNull();
    expect(again.customData.b).toBe(2);
  });

  test("customData that JSON would change (a Date, NaN, Infinity) is refused before any write (Kitsu turned it into a string and null, the mock kept it)", async () => {
    const when = new Date("2026-01-05T09:00:00.000Z");
    const before = await ctx.adapter.query("asset", { projectId: ctx.fx.project.id });
    for (const customData of [
      { when },
      { ratio: Number.NaN },
      { far: Number.POSITIVE_INFINITY },
      { nested: { at: [when] } },
    ]) {
      await expectTrackerError(ctx.newAsset({ customData } as never), "VALIDATION");
    }
    const asset = await ctx.newAsset({ customData: { when: when.toISOString(), ratio: null } });
    await expectTrackerError(
      ctx.adapter.update("asset", asset.id, { customData: { later: when } } as never),
      "VALIDATION",
    );
    expect((await ctx.adapter.get("asset", asset.id)).customData).toEqual({ when: when.toISOString(), ratio: null });
    const after = await ctx.adapter.query("asset", { projectId: ctx.fx.project.id });
    expect(after.items.length).toBe(before.items.length + 1);
  });

  test("asset and task: customData is merged", async () => {
    const asset = await ctx.newAsset({ customData: { variant: "default" } });
    await ctx.adapter.update("asset", asset.id, { customData: { rig: "v2" } });
    expect((await ctx.adapter.get("asset", asset.id)).customData).toMatchObject({ variant: "default", rig: "v2" });
    const task = await ctx.adapter.create("task", {
      entityId: asset.id,
      taskTypeId: ctx.fx.assetTaskType.id,
      statusId: ctx.fx.status.todo.id,
      customData: { notes: "lipsync" },
    });
    await ctx.adapter.update("task", task.id, { customData: { complexity: "high" } });
    expect((await ctx.adapter.get("task", task.id)).customData).toMatchObject({ notes: "lipsync", complexity: "high" });
  });
}
