import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import type { CustomActionOps } from "../../adapter/custom-action-ops.js";
import type { Id } from "../../schema/common.js";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";

/**
 * Kitsu's custom actions (`data/custom-actions`, Zou's crud/custom_action.py): create, read, list,
 * delete, Zou's defaults, and no unique key. Skipped for an adapter without `customActions`.
 */
export function customActionsSection(ctx: ComplianceContext): void {
  const ops = (skip: (condition: boolean, note: string) => void): CustomActionOps => {
    const found = ctx.adapter.customActions;
    skip(!found, "the adapter has no customActions");
    return found as CustomActionOps;
  };
  /** Runs `body` with a fresh action, deleted afterwards whatever happens. */
  const withAction = async (
    actions: CustomActionOps,
    body: (id: Id, name: string) => Promise<void>,
    input: { entityType?: "all" | "shot"; isAjax?: boolean } = {},
  ) => {
    const name = ctx.name(`action-${ctx.suffix}`);
    const created = await actions.create({
      name,
      url: `http://127.0.0.1:9/${name}`,
      entityType: input.entityType ?? "all",
      isAjax: input.isAjax ?? false,
    });
    try {
      await body(created.id, name);
    } finally {
      await actions.remove(created.id).catch(() => undefined);
    }
  };

  test("a created custom action reads back, is listed, and is gone once deleted", async ({ skip }) => {
    const actions = ops(skip);
    let kept: Id | undefined;
    await withAction(
      actions,
      async (id, name) => {
        kept = id;
        const one = await actions.get(id);
        expect(one).toMatchObject({ id, name, url: `http://127.0.0.1:9/${name}`, entityType: "shot", isAjax: true });
        expect(one.createdAt).toBeInstanceOf(Date);
        expect((await actions.list()).map((a) => a.id)).toContain(id);
        await actions.remove(id);
        await expectTrackerError(actions.get(id), "NOT_FOUND");
        expect((await actions.list()).map((a) => a.id)).not.toContain(id);
      },
      { entityType: "shot", isAjax: true },
    );
    expect(kept).toBeDefined();
  });

  test("two custom actions may share a name (Zou keeps no unique key on them)", async ({ skip }) => {
    const actions = ops(skip);
    await withAction(actions, async (id, name) => {
      const twin = await actions.create({ name, url: "http://127.0.0.1:9/twin", entityType: "all", isAjax: false });
      try {
        expect(twin.id).not.toBe(id);
        expect((await actions.list()).filter((a) => a.name === name)).toHaveLength(2);
      } finally {
        await actions.remove(twin.id);
      }
    });
  });

  test("an unknown custom action is NOT_FOUND, a malformed id VALIDATION", async ({ skip }) => {
    const actions = ops(skip);
    await expectTrackerError(actions.get(randomUUID() as Id), "NOT_FOUND");
    await expectTrackerError(actions.remove(randomUUID() as Id), "NOT_FOUND");
    await expectTrackerError(actions.get("not-an-id" as Id), "VALIDATION");
  });
}
