import { describe, expect, test } from "vitest";
import type { CreateData } from "../../schema/kinds.js";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";
import { clashes, expectSecondCreate } from "../helpers/rule-outcome.js";

/**
 * Part of section 3: the unique keys (rules.ts `unique`), one case each. Every case creates two
 * records and expects what the adapter's rules say: a ConflictError with nothing written when the
 * two clash on a key, two records otherwise. With core's defaults (Kitsu's), each title holds.
 * Kitsu itself answers some clashes with a silent success (shot, sequence and episode creation
 * are idempotent, assets unchecked, recorded 080/109), so its adapter must look before it writes.
 */
export function uniqueRules(ctx: ComplianceContext): void {
  describe("unique keys", () => {
    test("two identical creates at once: one record, the other call a ConflictError (on Kitsu both got the same shot)", async () => {
      const shot = { name: ctx.name("sh_race"), projectId: ctx.fx.project.id, sequenceId: ctx.fx.sequence.id };
      const asset = { name: ctx.name("asset_race"), projectId: ctx.fx.project.id, assetTypeId: ctx.fx.assetType.id };
      const races = [
        {
          kind: "shot",
          input: shot,
          stored: () => ctx.adapter.query("shot", { sequenceId: shot.sequenceId, name: shot.name }),
        },
        {
          kind: "asset",
          input: asset,
          stored: () => ctx.adapter.query("asset", { projectId: asset.projectId, name: asset.name }),
        },
      ] as const;
      for (const race of races) {
        // Only where the adapter's rules refuse the second create (Zou's own accept it silently).
        if (!clashes(ctx.rules, race.kind, race.input, race.input)) continue;
        const attempt = () => ctx.adapter.create(race.kind, race.input as never);
        const outcomes = await Promise.allSettled([attempt(), attempt()]);
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === "rejected");
        await expectTrackerError(Promise.reject(refused?.reason), "CONFLICT");
        expect((await race.stored()).items).toHaveLength(1);
      }
    });

    test("a second shot with the same name in the same sequence is a ConflictError", async () => {
      const input = { name: ctx.name("sh"), projectId: ctx.fx.project.id, sequenceId: ctx.fx.sequence.id };
      await expectSecondCreate(ctx, "shot", input, { ...input });
    });

    test("the same shot name in another sequence is fine", async () => {
      const other = await ctx.newSequence();
      const input = { name: ctx.name("sh"), projectId: ctx.fx.project.id, sequenceId: ctx.fx.sequence.id };
      await expectSecondCreate(ctx, "shot", input, { ...input, sequenceId: other.id });
    });

    test("a second sequence with the same name in the project is a ConflictError", async () => {
      const input = { name: ctx.name("sq"), projectId: ctx.fx.project.id };
      await expectSecondCreate(ctx, "sequence", input, { ...input });
    });

    test("a second episode with the same name in the project is a ConflictError", async (t) => {
      t.skip(!ctx.has("episodes"), "capabilities.episodes is false");
      const show = await ctx.adapter.create("project", {
        name: `Gadget Episodes ${ctx.suffix}`,
        productionType: "tvshow",
      });
      ctx.trackProject(show.id);
      const input = { name: ctx.name("E"), projectId: show.id };
      await expectSecondCreate(ctx, "episode", input, { ...input });
    });

    test("a second asset with the same name and type in the project is a ConflictError", async () => {
      const input = { name: ctx.name("asset"), projectId: ctx.fx.project.id, assetTypeId: ctx.fx.assetType.id };
      await expectSecondCreate(ctx, "asset", input, { ...input });
    });

    test("the same asset name under two asset types of a project is fine", async () => {
      const props = await ctx.create("assetType", { name: `Gadget Props ${ctx.suffix}` });
      const input = { name: ctx.name("asset"), projectId: ctx.fx.project.id, assetTypeId: ctx.fx.assetType.id };
      const created = await expectSecondCreate(ctx, "asset", input, { ...input, assetTypeId: props.id });
      expect(created.map((a) => [a.name, a.assetTypeId])).toEqual(
        clashes(ctx.rules, "asset", input, { ...input, assetTypeId: props.id })
          ? [[input.name, ctx.fx.assetType.id]]
          : [
              [input.name, ctx.fx.assetType.id],
              [input.name, props.id],
            ],
      );
    });

    test("a second project with the same name is a ConflictError", async () => {
      const input = { name: `Gadget Twin ${ctx.suffix}`, productionType: "short" as const };
      const created = await expectSecondCreate(ctx, "project", input, { ...input });
      for (const project of created) ctx.trackProject(project.id);
    });

    test("a second task of the same type and name on an entity is a ConflictError", async () => {
      const shot = await ctx.newShot();
      const input = { entityId: shot.id, taskTypeId: ctx.fx.shotTaskType.id, statusId: ctx.fx.status.todo.id };
      await expectSecondCreate(ctx, "task", input, { ...input, name: ctx.rules.task.createDefaults.name });
    });

    test("a second task of the same type under another name follows the rules (Kitsu: fine)", async () => {
      const shot = await ctx.newShot();
      const input = { entityId: shot.id, taskTypeId: ctx.fx.shotTaskType.id, statusId: ctx.fx.status.todo.id };
      await expectSecondCreate(ctx, "task", input, { ...input, name: "retime" });
    });

    test("a second task type, department or asset type with the same name is a ConflictError", async () => {
      await expectSecondCreate(ctx, "taskType", ...twice({ name: `Gadget Dup TT ${ctx.suffix}`, forShots: true }));
      await expectSecondCreate(ctx, "department", ...twice({ name: `Gadget Dup Dept ${ctx.suffix}` }));
      await expectSecondCreate(ctx, "assetType", ...twice({ name: `Gadget Dup AT ${ctx.suffix}` }));
    });

    test("an asset type name that differs only by case follows the rules (Kitsu: a ConflictError)", async () => {
      const name = `Gadget Case ${ctx.suffix}`;
      await expectSecondCreate(ctx, "assetType", { name }, { name: name.toUpperCase() });
    });

    test("a second task status with the same short name is a ConflictError", async () => {
      const shortName = `d${ctx.suffix.slice(0, 7)}`;
      await expectSecondCreate(
        ctx,
        "taskStatus",
        { name: `Gadget Dup A ${ctx.suffix}`, shortName },
        { name: `Gadget Dup B ${ctx.suffix}`, shortName },
      );
    });

    test("a second person with the same e-mail, in another case, is a ConflictError", async () => {
      const email = `gadget-dup-${ctx.suffix}@example.com`;
      const person = (lastName: string, address: string): CreateData<"person"> => ({
        firstName: "Gadget",
        lastName: `${lastName} ${ctx.suffix}`,
        email: address,
        role: "user",
      });
      await expectSecondCreate(ctx, "person", person("Dup A", email), person("Dup B", email.toUpperCase()));
    });

    test("a second playlist with the same name in the project is a ConflictError", async (t) => {
      t.skip(!ctx.has("playlists"), "capabilities.playlists is false");
      const input = { name: ctx.name("playlist"), projectId: ctx.fx.project.id };
      await expectSecondCreate(ctx, "playlist", input, { ...input });
    });

    test("createMany: the same asset name under two types in one batch follows the rules (fine)", async (t) => {
      t.skip(ctx.adapter.createMany === undefined, "the adapter has no createMany (core falls back)");
      const props = await ctx.create("assetType", { name: `Gadget Batch ${ctx.suffix}` });
      const name = ctx.name("asset");
      const batch = [ctx.fx.assetType.id, props.id].map((assetTypeId) => ({
        name,
        projectId: ctx.fx.project.id,
        assetTypeId,
      }));
      const attempt = ctx.adapter.createMany!("asset", batch);
      if (clashes(ctx.rules, "asset", batch[0]!, batch[1]!)) await expectTrackerError(attempt, "CONFLICT");
      else expect((await attempt).map((a) => a.assetTypeId)).toEqual([ctx.fx.assetType.id, props.id]);
    });
  });
}

/** The same input twice, for a record that clashes with itself. */
const twice = <T extends object>(input: T): [T, T] => [input, { ...input }];
