import { describe, expect, test } from "vitest";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";

/** A tvshow project (removed after the run) with an episode holding one sequence. */
async function episodeWithSequence(ctx: ComplianceContext, label: string) {
  const show = await ctx.adapter.create("project", { name: `Gadget ${label} ${ctx.suffix}`, productionType: "tvshow" });
  ctx.trackProject(show.id);
  const episode = await ctx.adapter.create("episode", { name: ctx.name("E"), projectId: show.id });
  const sequence = await ctx.adapter.create("sequence", {
    name: ctx.name("sq"),
    projectId: show.id,
    episodeId: episode.id,
  });
  return { show, episode, sequence };
}

/**
 * Part of section 3: the remove preconditions (rules.ts `remove`), beside section 11's canceled
 * shots and assets. Each case expects what the adapter's rules say; with Kitsu's, the titles hold.
 */
export function removeRules(ctx: ComplianceContext): void {
  describe("remove preconditions", () => {
    test("an open project cannot be removed, even forced; closed, it can", async () => {
      const project = await ctx.adapter.create("project", {
        name: `Gadget Open ${ctx.suffix}`,
        productionType: "short",
      });
      ctx.trackProject(project.id);
      if (ctx.rules.project.remove.requires?.status === "closed") {
        await expectTrackerError(ctx.adapter.remove("project", project.id, { force: true }), "VALIDATION");
        expect((await ctx.adapter.get("project", project.id)).status).toBe("open");
        await ctx.adapter.update("project", project.id, { status: "closed" });
      }
      expect(await ctx.adapter.remove("project", project.id)).toEqual({ outcome: "deleted" });
      await expectTrackerError(ctx.adapter.get("project", project.id), "NOT_FOUND");
    });

    test("a sequence with shots is refused unless forced; forced, its shots go with it", async () => {
      const sequence = await ctx.newSequence();
      const shot = await ctx.newShot({ sequenceId: sequence.id });
      if (ctx.rules.sequence.remove.whileHeld === "refuse-unless-forced") {
        await expectTrackerError(ctx.adapter.remove("sequence", sequence.id), "VALIDATION");
        expect((await ctx.adapter.get("shot", shot.id)).sequenceId).toBe(sequence.id);
      }
      expect(await ctx.adapter.remove("sequence", sequence.id, { force: true })).toEqual({ outcome: "deleted" });
      await expectTrackerError(ctx.adapter.get("shot", shot.id), "NOT_FOUND");
    });

    test("an episode with sequences is refused unless forced", async (t) => {
      t.skip(!ctx.has("episodes"), "capabilities.episodes is false");
      const { episode, sequence } = await episodeWithSequence(ctx, "Show");
      if (ctx.rules.episode.remove.whileHeld === "refuse-unless-forced") {
        await expectTrackerError(ctx.adapter.remove("episode", episode.id), "VALIDATION");
        expect((await ctx.adapter.get("sequence", sequence.id)).episodeId).toBe(episode.id);
      }
      expect(await ctx.adapter.remove("episode", episode.id, { force: true })).toEqual({ outcome: "deleted" });
      await expectTrackerError(ctx.adapter.get("sequence", sequence.id), "NOT_FOUND");
    });

    test("shots read just before their sequence's forced removal are not found after it (Zou kept answering them from its read cache)", async () => {
      const sequence = await ctx.newSequence();
      const withTask = await ctx.newShot({ sequenceId: sequence.id });
      await ctx.newTask(withTask.id);
      const shots = [withTask, await ctx.newShot({ sequenceId: sequence.id })];
      for (const shot of shots) await ctx.adapter.get("shot", shot.id);
      expect(await ctx.adapter.remove("sequence", sequence.id, { force: true })).toEqual({ outcome: "deleted" });
      for (const shot of shots) await expectTrackerError(ctx.adapter.get("shot", shot.id), "NOT_FOUND");
      await expectTrackerError(ctx.adapter.get("sequence", sequence.id), "NOT_FOUND");
    });

    test("a sequence and its shot read just before their episode's forced removal are not found after it", async (t) => {
      t.skip(!ctx.has("episodes"), "capabilities.episodes is false");
      const { show, episode, sequence } = await episodeWithSequence(ctx, "Cached");
      const shot = await ctx.adapter.create("shot", {
        name: ctx.name("sh"),
        projectId: show.id,
        sequenceId: sequence.id,
      });
      await ctx.adapter.get("sequence", sequence.id);
      await ctx.adapter.get("shot", shot.id);
      expect(await ctx.adapter.remove("episode", episode.id, { force: true })).toEqual({ outcome: "deleted" });
      await expectTrackerError(ctx.adapter.get("sequence", sequence.id), "NOT_FOUND");
      await expectTrackerError(ctx.adapter.get("shot", shot.id), "NOT_FOUND");
    });

    test("an asset type with assets is refused, even forced", async () => {
      const type = await ctx.create("assetType", { name: `Gadget Held ${ctx.suffix}` });
      const asset = await ctx.newAsset({ assetTypeId: type.id });
      if (ctx.rules.assetType.remove.whileHeld === "refuse") {
        await expectTrackerError(ctx.adapter.remove("assetType", type.id, { force: true }), "VALIDATION");
        expect((await ctx.adapter.get("asset", asset.id)).assetTypeId).toBe(type.id);
      }
    });
  });
}
