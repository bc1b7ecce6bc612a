import { expect, test } from "vitest";
import { type CreatableKind, type CreateData, kinds, type RecordOf, type UpdatableKind } from "../../schema/kinds.js";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";
import { unknownId, withoutRaw } from "../helpers/records.js";
import type { CrudCase } from "./crud-cases.js";
import * as cases from "./crud-cases.js";
import { relationsTests } from "./relations.js";

/** Fields a tracker sets itself; `updatedAt` moves on update, `raw` differs between routes. */
const serverKeys = new Set(["updatedAt", "raw"]);

interface Made<K extends CreatableKind> {
  record: RecordOf<K>;
  input: CreateData<K>;
}

function registerCase<K extends CreatableKind & UpdatableKind>(ctx: ComplianceContext, c: CrudCase<K>): void {
  let made: Promise<Made<K>> | undefined;
  const make = async (): Promise<Made<K>> => {
    const input = await c.input(ctx);
    return { record: await ctx.create(c.kind, input), input };
  };
  // Created once, on first use, so that a failing create shows in every test of the kind.
  const created = (): Promise<Made<K>> => {
    made ??= make();
    return made;
  };
  const skipUnless = (t: { skip: (condition: boolean, note?: string) => void }) => {
    if (c.capability) t.skip(!ctx.has(c.capability), `capabilities.${c.capability} is false`);
  };

  test(`${c.kind}: create returns a valid record that get() returns again`, async (t) => {
    skipUnless(t);
    const { record, input } = await created();
    expect(() => kinds[c.kind].record.parse(record)).not.toThrow();
    if ("name" in input) expect(record.name).toBe(input.name);
    if (c.expectCreated) expect(record).toMatchObject(c.expectCreated(record, input));
    if ("customData" in input && input.customData) expect(record.customData).toMatchObject(input.customData);
    const again = await ctx.adapter.get(c.kind, record.id);
    expect(withoutRaw(again)).toEqual(withoutRaw(record));
  });

  test(`${c.kind}: getMany returns the known ids and leaves unknown ones out`, async (t) => {
    skipUnless(t);
    const { record } = await created();
    const found = await ctx.adapter.getMany(c.kind, [unknownId(), record.id, unknownId()]);
    expect(found.map((r) => r.id)).toEqual([record.id]);
  });

  test(`${c.kind}: update changes only the given keys and keeps updatedAt monotonic`, async (t) => {
    skipUnless(t);
    const { record: before } = await created();
    const patch = c.patch(ctx);
    const after = await ctx.adapter.update(c.kind, before.id, patch);
    expect(() => kinds[c.kind].record.parse(after)).not.toThrow();
    expect(after).toMatchObject(patch);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    const changed = new Set([...Object.keys(patch), ...(c.derived ?? []), ...serverKeys]);
    const kept = (r: object) => Object.fromEntries(Object.entries(r).filter(([key]) => !changed.has(key)));
    expect(kept(after)).toEqual(kept(before));
    expect(withoutRaw(await ctx.adapter.get(c.kind, before.id))).toEqual(withoutRaw(after));
  });

  test(`${c.kind}: remove, then get() is a NotFoundError`, async (t) => {
    skipUnless(t);
    const { record } = await created();
    await c.beforeRemove?.(ctx, record);
    const result = await ctx.adapter.remove(c.kind, record.id, { force: true });
    expect(result.outcome).toBe("deleted");
    await expectTrackerError(ctx.adapter.get(c.kind, record.id), "NOT_FOUND");
    expect(await ctx.adapter.getMany(c.kind, [record.id])).toEqual([]);
  });
}

/** Section 1: create/get/getMany/update/remove for every creatable kind. */
export function crudSection(ctx: ComplianceContext): void {
  registerCase(ctx, cases.projectCase);
  registerCase(ctx, cases.episodeCase);
  registerCase(ctx, cases.sequenceCase);
  registerCase(ctx, cases.shotCase);
  registerCase(ctx, cases.assetTypeCase);
  registerCase(ctx, cases.assetCase);
  registerCase(ctx, cases.taskCase);
  registerCase(ctx, cases.taskTypeCase);
  registerCase(ctx, cases.taskStatusCase);
  registerCase(ctx, cases.personCase);
  registerCase(ctx, cases.departmentCase);
  registerCase(ctx, cases.playlistCase);
  relationsTests(ctx);
}
