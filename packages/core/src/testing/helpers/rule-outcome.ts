import { expect } from "vitest";
import { createKeys, type RecordFields, uniqueIdentity, uniqueLookups } from "../../adapter/unique-check.js";
import type { CreatableKind, CreateData, RecordOf, Where } from "../../schema/kinds.js";
import type { TrackerRules } from "../../schema/rules.js";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "./expect-error.js";

/** Whether two create inputs clash under the rules: a unique key checked on create gives both the same values. */
export function clashes(rules: TrackerRules, kind: CreatableKind, a: RecordFields, b: RecordFields): boolean {
  const defaults = rules[kind].createDefaults;
  return createKeys(rules, kind).some((key) => {
    const identity = uniqueIdentity(key, a, defaults);
    return identity !== undefined && identity === uniqueIdentity(key, b, defaults);
  });
}

/**
 * Creates `first`, then `second`: a ConflictError (and `second` not written) when the adapter's
 * rules say they clash, two records otherwise. Returns what the tracker holds afterwards.
 */
export async function expectSecondCreate<K extends CreatableKind>(
  ctx: ComplianceContext,
  kind: K,
  first: CreateData<K>,
  second: CreateData<K>,
): Promise<RecordOf<K>[]> {
  const one = await ctx.create(kind, first);
  if (!clashes(ctx.rules, kind, first as RecordFields, second as RecordFields)) {
    const two = await ctx.create(kind, second);
    expect(two.id).not.toBe(one.id);
    return [one, two];
  }
  await expectTrackerError(ctx.create(kind, second), "CONFLICT");
  const held = await sameKey(ctx, kind, second as RecordFields);
  expect(held.map((r) => r.id)).toEqual([one.id]);
  return [one];
}

/** The records the tracker holds that clash with `input` on a unique key. */
async function sameKey<K extends CreatableKind>(
  ctx: ComplianceContext,
  kind: K,
  input: RecordFields,
): Promise<RecordOf<K>[]> {
  const out: RecordOf<K>[] = [];
  for (const where of uniqueLookups(ctx.rules, kind, [input])) {
    let cursor: string | undefined;
    do {
      const page = await ctx.adapter.query(kind, where as Where<K>, cursor === undefined ? {} : { cursor });
      out.push(...page.items.filter((record) => clashes(ctx.rules, kind, record as RecordFields, input)));
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
  }
  return out;
}
