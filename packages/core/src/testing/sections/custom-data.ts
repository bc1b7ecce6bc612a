import { expect, test } from "vitest";
import type { ComplianceContext } from "../compliance-context.js";

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

  test("customData comes back as JSON carries it: a Date as its ISO string, NaN as null (the mock kept them as given)", async () => {
    const when = new Date("2026-01-05T09:00:00.000Z");
    const sent = { when, ratio: Number.NaN, far: Number.POSITIVE_INFINITY, nested: { at: [when, 1] } };
    const asJson = { when: when.toISOString(), ratio: null, far: null, nested: { at: [when.toISOString(), 1] } };
    const asset = await ctx.newAsset({ customData: sent });
    expect(asset.customData).toEqual(asJson);
    expect((await ctx.adapter.get("asset", asset.id)).customData).toEqual(asJson);
    const updated = await ctx.adapter.update("asset", asset.id, { customData: { later: when, gone: undefined } });
    expect(updated.customData).toEqual({ ...asJson, later: when.toISOString() });
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
