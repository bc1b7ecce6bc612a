import { expect, test } from "vitest";
import type { CastingLink } from "../../schema/casting.js";
import type { ComplianceContext } from "../compliance-context.js";

const byAsset = (links: readonly CastingLink[]) =>
  [...links].sort((a, b) => (a.assetId < b.assetId ? -1 : a.assetId > b.assetId ? 1 : 0));

/** Section 7: casting is replaced whole, read back, and seen from the asset (zou.md §2.11; recorded 220-227). */
export function castingSection(ctx: ComplianceContext): void {
  test("setCasting replaces the whole casting and keeps occurrences and labels", async () => {
    const shot = await ctx.newShot();
    const [a, b, c] = [await ctx.newAsset(), await ctx.newAsset(), await ctx.newAsset()];
    const first: CastingLink[] = [
      { assetId: a.id, occurrences: 1, label: "animate" },
      { assetId: b.id, occurrences: 2, label: "fixed" },
    ];
    expect(byAsset(await ctx.adapter.setCasting(shot.id, first))).toEqual(byAsset(first));
    expect(byAsset(await ctx.adapter.getCasting(shot.id))).toEqual(byAsset(first));
    const second: CastingLink[] = [
      { assetId: b.id, occurrences: 3, label: "fixed" },
      { assetId: c.id, occurrences: 1, label: "animate" },
    ];
    await ctx.adapter.setCasting(shot.id, second);
    expect(byAsset(await ctx.adapter.getCasting(shot.id))).toEqual(byAsset(second));
  });

  test("castIn lists shots by sequence then shot name, canceled ones left out, as Zou (the mock listed them in casting order)", async () => {
    const [late, early] = [await ctx.newSequence(), await ctx.newSequence()];
    // Names chosen so that creation order, sequence order and shot order all differ.
    await ctx.adapter.update("sequence", late.id, { name: `zz ${late.name}` });
    await ctx.adapter.update("sequence", early.id, { name: `aa ${early.name}` });
    const b = await ctx.newShot({ sequenceId: early.id, name: `b ${ctx.suffix}` });
    const c = await ctx.newShot({ sequenceId: late.id, name: `a ${ctx.suffix}` });
    const a = await ctx.newShot({ sequenceId: early.id, name: `a ${ctx.suffix}` });
    const gone = await ctx.newShot({ sequenceId: early.id, name: `0 ${ctx.suffix}` });
    const asset = await ctx.newAsset();
    for (const shot of [b, c, a, gone]) {
      await ctx.adapter.setCasting(shot.id, [{ assetId: asset.id, occurrences: 1, label: "" }]);
    }
    await ctx.adapter.update("shot", gone.id, { canceled: true });
    expect((await ctx.adapter.castIn(asset.id)).map((x) => x.entityId)).toEqual([a.id, b.id, c.id]);
  });

  test("castIn lists where an asset is cast, and forgets a shot that dropped it", async () => {
    const [s1, s2] = [await ctx.newShot(), await ctx.newShot()];
    const asset = await ctx.newAsset();
    await ctx.adapter.setCasting(s1.id, [{ assetId: asset.id, occurrences: 2, label: "" }]);
    await ctx.adapter.setCasting(s2.id, [{ assetId: asset.id, occurrences: 1, label: "" }]);
    const castIn = await ctx.adapter.castIn(asset.id);
    expect(castIn.map(({ entityId, entityKind, occurrences }) => ({ entityId, entityKind, occurrences }))).toEqual(
      expect.arrayContaining([
        { entityId: s1.id, entityKind: "shot", occurrences: 2 },
        { entityId: s2.id, entityKind: "shot", occurrences: 1 },
      ]),
    );
    expect(castIn).toHaveLength(2);
    await ctx.adapter.setCasting(s1.id, []);
    expect((await ctx.adapter.castIn(asset.id)).map((x) => x.entityId)).toEqual([s2.id]);
    expect(await ctx.adapter.getCasting(s1.id)).toEqual([]);
  });
}
