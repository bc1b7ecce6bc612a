import { beforeAll, expect, test } from "vitest";
import { asId, type Id } from "../../schema/common.js";
import type { Kind } from "../../schema/kinds.js";
import type { AssetRecord } from "../../schema/production.js";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";
import { idsOf, sorted, unknownId } from "../helpers/records.js";

/**
 * Names a tracker with a case-insensitive LIKE filter (Kitsu's `name=` is ILIKE, recorded 053/054/085)
 * would confuse: the adapter must post-filter so that a name matches exactly, byte for byte.
 */
const lookalikes = ["Hero", "HERO", "hero", "Hero_2", "HeroX2", "Hero%", "Hero%Twin"] as const;

/** Section 2: exact lookups, IN filters, pagination, unknown ids. */
export function lookupsSection(ctx: ComplianceContext): void {
  const assets = new Map<string, AssetRecord>();

  beforeAll(async () => {
    for (const name of lookalikes) assets.set(name, await ctx.newAsset({ name }));
  });

  const namesFor = async (name: string | string[]) => {
    const { items } = await ctx.adapter.query("asset", { projectId: ctx.fx.project.id, name });
    return sorted(items.map((a) => a.name));
  };

  test("names that differ only by case are distinct records, not duplicates", () => {
    expect(sorted([...assets.keys()])).toEqual(sorted(lookalikes));
    expect(new Set([...assets.values()].map((a) => a.id)).size).toBe(lookalikes.length);
  });

  test("query by name is exact and case-sensitive", async () => {
    expect(await namesFor("Hero")).toEqual(["Hero"]);
    expect(await namesFor("HERO")).toEqual(["HERO"]);
    expect(await namesFor("hero")).toEqual(["hero"]);
    expect(await namesFor("Her")).toEqual([]);
  });

  test("underscore and percent in a name are literal characters, not wildcards", async () => {
    expect(await namesFor("Hero_2")).toEqual(["Hero_2"]);
    expect(await namesFor("Hero%")).toEqual(["Hero%"]);
    expect(await namesFor("Hero_")).toEqual([]);
  });

  test("search finds no sequences or episodes, and nothing under 3 characters, as on Kitsu (the mock found them)", async () => {
    const sequence = ctx.fx.sequence;
    expect(await ctx.adapter.search(sequence.name, { kinds: ["sequence", "episode"] })).toEqual([]);
    expect(await ctx.adapter.search(sequence.name, { projectId: ctx.fx.project.id, kinds: ["sequence"] })).toEqual([]);
    expect(await ctx.adapter.search("He", { projectId: ctx.fx.project.id })).toEqual([]);
    expect(await ctx.adapter.search("  He  ", { projectId: ctx.fx.project.id, kinds: ["asset"] })).toEqual([]);
  });

  test("an array value is an IN filter", async () => {
    expect(await namesFor(["Hero", "HERO", "missing"])).toEqual(sorted(["Hero", "HERO"]));
    const some = [assets.get("hero")!, assets.get("Hero%")!];
    const { items } = await ctx.adapter.query("asset", { id: some.map((a) => a.id) });
    expect(idsOf(items)).toEqual(idsOf(some));
  });

  test("filters combine: a name in one sequence does not match the same name in another", async () => {
    const other = await ctx.newSequence();
    const here = await ctx.newShot({ name: "sh_shared" });
    const there = await ctx.newShot({ name: "sh_shared", sequenceId: other.id });
    const inMain = await ctx.adapter.query("shot", { sequenceId: ctx.fx.sequence.id, name: "sh_shared" });
    expect(inMain.items.map((s) => s.id)).toEqual([here.id]);
    const inBoth = await ctx.adapter.query("shot", { projectId: ctx.fx.project.id, name: "sh_shared" });
    expect(idsOf(inBoth.items)).toEqual(idsOf([here, there]));
  });

  test("paging with limit 2 over 5 records visits each record once", async () => {
    const sequence = await ctx.newSequence();
    const shots = [];
    for (let i = 0; i < 5; i++) shots.push(await ctx.newShot({ sequenceId: sequence.id }));
    const seen: Id[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ctx.adapter.query("shot", { sequenceId: sequence.id }, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.next ?? undefined;
      pages += 1;
    } while (cursor !== undefined && pages < 20);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen).toHaveLength(new Set(seen).size);
    expect(sorted(seen)).toEqual(idsOf(shots));
  });

  test("an unknown id filter matches nothing", async () => {
    const { items, next } = await ctx.adapter.query("shot", { id: unknownId() });
    expect(items).toEqual([]);
    expect(next).toBeNull();
  });

  test("a malformed id is a ValidationError on get and in an id filter (the mock answered NotFoundError and [])", async () => {
    await expectTrackerError(ctx.adapter.get("shot", asId("not-an-id")), "VALIDATION");
    await expectTrackerError(ctx.adapter.query("shot", { id: asId("not-an-id") }), "VALIDATION");
    await expectTrackerError(ctx.adapter.query("shot", { sequenceId: asId("not-an-id") }), "VALIDATION");
  });

  const kindsToProbe: readonly Kind[] = [
    "project",
    "sequence",
    "shot",
    "asset",
    "assetType",
    "task",
    "taskType",
    "taskStatus",
    "comment",
    "person",
    "department",
  ];
  for (const kind of kindsToProbe) {
    test(`get(${kind}) of an unknown id is a NotFoundError`, async () => {
      await expectTrackerError(ctx.adapter.get(kind, unknownId()), "NOT_FOUND");
    });
  }
}
