import { type Id, NotFoundError, PermissionError, type PersonRecord } from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { OpsContext } from "./ops-context.js";

/*
 * Zou drops from a person PUT, silently, what the caller may not change: `role`, `departments` and
 * `active` from anyone but an admin (crud/person.py update_data), and department ids that name no
 * department (BaseMixin._resolve_relations). Checked against Zou 1.0.67: an artist's own PUT with
 * `role` and `departments` answers 200 with neither changed. A write the tracker ignores must not
 * look like it worked, so these are checked before the PUT, and the answer read back after it.
 */

const adminOnly = ["role", "active", "departmentIds"] as const;
type AdminOnlyField = (typeof adminOnly)[number];

const touched = (patch: Record<string, unknown>): AdminOnlyField[] => adminOnly.filter((k) => patch[k] !== undefined);

/** Refuses, before any write, what Zou would drop: admin-only fields from a non-admin, unknown departments. */
export async function checkPersonPatch(ctx: OpsContext, id: Id, patch: Record<string, unknown>): Promise<void> {
  const fields = touched(patch);
  if (fields.length === 0) return;
  const me = await ctx.client.request<{ user?: KitsuRow }>({ method: "GET", path: path(routes.authenticated, {}) });
  if (me?.user?.role !== "admin") throw PermissionError.adminOnly("person", id, fields);
  const wanted = patch.departmentIds as readonly Id[] | undefined;
  if (!wanted?.length) return;
  let known = new Set((await ctx.ref.rows("departments")).map((d) => d.id));
  if (wanted.some((d) => !known.has(d))) {
    // The session's list may predate a department made elsewhere: read it again once.
    ctx.ref.invalidate("department");
    known = new Set((await ctx.ref.rows("departments")).map((d) => d.id));
  }
  const unknown = wanted.find((d) => !known.has(d));
  if (unknown) throw NotFoundError.entity("department", unknown);
}

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x) => b.includes(x)) : a === b;

/** After the PUT: a field the answer does not carry as sent was dropped by the tracker. */
export function checkPersonWritten(id: Id, patch: Record<string, unknown>, after: PersonRecord): void {
  const dropped = touched(patch).filter((k) => !same(patch[k], after[k]));
  if (dropped.length > 0) throw PermissionError.adminOnly("person", id, dropped);
}
