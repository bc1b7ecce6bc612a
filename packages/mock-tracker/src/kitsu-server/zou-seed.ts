import type { PersonRecord } from "@gadget/core/adapter";
import {
  freshKitsuAdmin,
  freshKitsuAssetTypes,
  freshKitsuDepartments,
  freshKitsuTaskStatuses,
  freshKitsuTaskTypes,
  insertInitDataTaskType,
} from "../seeds/fresh-kitsu.js";
import { Studio } from "../studio/studio.js";
import { all } from "./routes/helpers.js";
import type { ServerContext } from "./server-context.js";
import { normalizeEmail, registerLogin } from "./users.js";

/*
 * What `zou init-data` and `zou create-admin` leave in a fresh Zou (recorded 027–032): the admin
 * login, departments, task types, task statuses and asset types, the same rows a new MockTracker
 * starts with (../seeds/fresh-kitsu.ts). Rows the tracker already has (same name) are kept, so a
 * mock that started fresh gets only its login here, and a bare one all of it.
 */

export async function seedZou(
  ctx: ServerContext,
  admin: { email: string; password: string; firstName?: string; lastName?: string },
  options: { reference: boolean },
): Promise<PersonRecord> {
  const { tracker } = ctx;
  const email = normalizeEmail(admin.email);
  const persons = await all(tracker, "person");
  const person =
    persons.find((p) => p.email?.toLowerCase() === email.toLowerCase()) ??
    (await tracker.create("person", {
      firstName: admin.firstName ?? freshKitsuAdmin.firstName,
      lastName: admin.lastName ?? freshKitsuAdmin.lastName,
      email,
      role: "admin",
      active: true,
    }));
  ctx.state.setExtra(person.id, { phone: "" });
  registerLogin(ctx, person, admin.password);
  if (!options.reference) return person;

  const depts = await all(tracker, "department");
  const deptId = new Map(depts.map((d) => [d.name, d.id]));
  for (const d of freshKitsuDepartments) {
    if (!deptId.has(d.name)) deptId.set(d.name, (await tracker.create("department", d)).id);
  }
  const types = await all(tracker, "taskType");
  for (const { department, ...t } of freshKitsuTaskTypes) {
    if (types.some((x) => x.name === t.name && x.forEntity === t.forEntity)) continue;
    const input = { ...t, departmentId: deptId.get(department) ?? null };
    if (!types.some((x) => x.name === t.name)) {
      types.push(await tracker.create("taskType", input));
      continue;
    }
    // Zou's API refuses a second "Concept", which init-data writes to the database directly: a mock
    // tracker's store takes it the same way; another tracker goes without it.
    const { studio } = tracker as { studio?: unknown };
    if (studio instanceof Studio) insertInitDataTaskType(studio, input);
  }
  const existing = await all(tracker, "taskStatus");
  for (const status of freshKitsuTaskStatuses) {
    if (!existing.some((x) => x.shortName === status.shortName)) await tracker.create("taskStatus", status);
  }
  const ats = await all(tracker, "assetType");
  for (const a of freshKitsuAssetTypes) {
    if (!ats.some((x) => x.name === a.name)) await tracker.create("assetType", a);
  }
  return person;
}
