import { expect, test } from "vitest";
import type { Id } from "../../schema/common.js";
import { kinds } from "../../schema/kinds.js";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";
import { idsOf } from "../helpers/records.js";

type SkipContext = { skip: (condition: boolean, note?: string) => void };

/**
 * Checks that every field a partial record carries holds the tracker's value (what `get()` answers):
 * a record may leave a field out (core then reads it as not loaded) but never fill one with a guess.
 */
async function expectNothingInvented(
  ctx: ComplianceContext,
  kind: "shot" | "task",
  partials: readonly { id: Id }[],
): Promise<void> {
  for (const partial of partials) {
    const full: Record<string, unknown> = { ...(await ctx.adapter.get(kind, partial.id)) };
    for (const [key, value] of Object.entries(partial)) {
      if (key !== "raw") expect(value, `${kind}.${key}`).toEqual(full[key]);
    }
  }
}

/**
 * Section 13: the contract's optional batch operations, when the adapter has them. `createMany`
 * checks the whole batch (names the tracker has, names given twice) before its first write;
 * `queryWithTasks` answers with the records and their tasks, leaving out what it lacks.
 */
export function bulkSection(ctx: ComplianceContext): void {
  const needs = (t: SkipContext, method: "createMany" | "queryWithTasks") =>
    t.skip(ctx.adapter[method] === undefined, `the adapter has no ${method} (core falls back)`);

  const shotInputs = (sequenceId: Id, names: readonly string[]) =>
    names.map((name) => ({ name, projectId: ctx.fx.project.id, sequenceId }));

  const shotNamesIn = async (sequenceId: Id): Promise<string[]> => {
    const { items } = await ctx.adapter.query("shot", { sequenceId });
    return items.map((s) => s.name).sort();
  };

  test("createMany creates the batch, in order, as records get() returns again, reporting progress", async (t) => {
    needs(t, "createMany");
    const sequence = await ctx.newSequence();
    const names = [ctx.name("sh"), ctx.name("sh"), ctx.name("sh")];
    const progress: string[] = [];
    const created = await ctx.adapter.createMany!("shot", shotInputs(sequence.id, names), {
      concurrency: 2,
      onProgress: ({ created, total }) => progress.push(`${created}/${total}`),
    });
    expect(created.map((s) => s.name)).toEqual(names);
    expect(progress).toEqual(["1/3", "2/3", "3/3"]);
    for (const record of created) {
      expect(() => kinds.shot.record.parse(record)).not.toThrow();
      expect(record.sequenceId).toBe(sequence.id);
      expect((await ctx.adapter.get("shot", record.id)).name).toBe(record.name);
    }
    expect(await shotNamesIn(sequence.id)).toEqual([...names].sort());
  });

  test("createMany refuses a name the tracker already has, before any write", async (t) => {
    needs(t, "createMany");
    const sequence = await ctx.newSequence();
    const existing = await ctx.newShot({ sequenceId: sequence.id });
    const batch = shotInputs(sequence.id, [ctx.name("sh"), existing.name]);
    await expectTrackerError(ctx.adapter.createMany!("shot", batch), "CONFLICT");
    expect(await shotNamesIn(sequence.id)).toEqual([existing.name]);
  });

  test("createMany refuses a name given twice in the batch, before any write", async (t) => {
    needs(t, "createMany");
    const sequence = await ctx.newSequence();
    const twice = ctx.name("sh");
    const batch = shotInputs(sequence.id, [ctx.name("sh"), twice, twice]);
    await expectTrackerError(ctx.adapter.createMany!("shot", batch), "CONFLICT");
    expect(await shotNamesIn(sequence.id)).toEqual([]);
  });

  test("queryWithTasks returns the matching records with all their tasks", async (t) => {
    needs(t, "queryWithTasks");
    const sequence = await ctx.newSequence();
    const withTask = await ctx.newShot({ sequenceId: sequence.id });
    const without = await ctx.newShot({ sequenceId: sequence.id });
    const task = await ctx.newTask(withTask.id);
    const where = { projectId: ctx.fx.project.id, sequenceId: sequence.id };
    const { records, tasks } = await ctx.adapter.queryWithTasks!("shot", where);
    expect(idsOf(records)).toEqual(idsOf([withTask, without]));
    expect(tasks.map((x) => x.id)).toEqual([task.id]);
  });

  test("queryWithTasks may leave fields out but never invents them", async (t) => {
    needs(t, "queryWithTasks");
    const sequence = await ctx.newSequence();
    const shot = await ctx.newShot({ sequenceId: sequence.id, description: "with tasks", frameIn: 101 });
    await ctx.newTask(shot.id);
    const { records, tasks } = await ctx.adapter.queryWithTasks!("shot", {
      projectId: ctx.fx.project.id,
      sequenceId: sequence.id,
    });
    await expectNothingInvented(ctx, "shot", records);
    await expectNothingInvented(ctx, "task", tasks);
  });
}
