import { expect, test } from "vitest";
import type { ComplianceContext } from "../compliance-context.js";

/** The session itself: who it acts as (Kitsu: `auth/authenticated`; the mock: its session person). */
export function sessionSection(ctx: ComplianceContext): void {
  test("whoami() is a person the tracker has, the same record get() reads", async (t) => {
    const { adapter } = ctx;
    t.skip(!adapter.whoami, "the adapter has no whoami()");
    const me = await adapter.whoami?.();
    if (!me) return;
    const read = await adapter.get("person", me.id);
    expect({ id: me.id, email: me.email, role: me.role, active: me.active }).toEqual({
      id: read.id,
      email: read.email,
      role: read.role,
      active: read.active,
    });
    expect(me.active).toBe(true);
  });
}
