import type { Id, PersonRecord } from "@gadget/core/adapter";
import { decodePerson } from "../codec/people.js";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { OpsContext } from "./ops-context.js";
import { checkPersonPatch } from "./person-write.js";
import { getOne } from "./query.js";
import { checkId } from "./validate.js";

/*
 * Department membership through Zou's own routes (persons/resources.py AddToDepartmentResource,
 * RemoveFromDepartmentResource: studio admins only, `person:update` emitted). Checked before the
 * write as a person PUT of `departmentIds` is (checkPersonPatch): a non-admin is a PermissionError,
 * an unknown department a NotFoundError.
 */

/** Adds (`add`) or removes a department of a person; returns the person as Zou has it after. */
export async function editPersonDepartments(
  ctx: OpsContext,
  personId: Id,
  departmentId: Id,
  add: boolean,
): Promise<PersonRecord> {
  checkId(personId, "person");
  checkId(departmentId, "department");
  await checkPersonPatch(ctx, personId, { departmentIds: [departmentId] });
  if (add) {
    const row = await ctx.client.request<KitsuRow>({
      method: "POST",
      path: path(routes.addPersonDepartment, { personId }),
      json: { department_id: departmentId },
    });
    return decodePerson(row);
  }
  await ctx.client.request({
    method: "DELETE",
    path: path(routes.removePersonDepartment, { personId, departmentId }),
  });
  // Zou answers 204 without the person.
  return getOne(ctx, "person", personId);
}
