import type { PersonRecord } from "@gadget/core/adapter";
import type { ServerContext } from "./context.js";
import { all } from "./routes/helpers.js";
import { normalizeEmail, registerLogin } from "./users.js";

/*
 * What `zou init-data` and `zou create-admin` leave in a fresh Zou (recorded 027–032): the admin
 * login, departments, task types, task statuses and asset types. Rows the tracker already has
 * (same name) are kept.
 */

const departments: [string, string][] = [
  ["Modeling", "#78909C"],
  ["Animation", "#009688"],
  ["FX", "#26C6DA"],
  ["Compositing", "#F06292"],
  ["Concept", "#8D6E63"],
  ["Layout", "#7CB342"],
];

const taskTypes: [string, string, number, boolean, string][] = [
  ["Concept", "#8D6E63", 1, false, "Concept"],
  ["Modeling", "#78909C", 2, false, "Modeling"],
  ["Shading", "#64B5F6", 3, false, "Modeling"],
  ["Rigging", "#9CCC65", 4, false, "Animation"],
  ["Storyboard", "#43A047", 1, true, "Concept"],
  ["Layout", "#7CB342", 2, true, "Layout"],
  ["Animation", "#009688", 3, true, "Animation"],
  ["Lighting", "#F9A825", 4, true, "Compositing"],
  ["FX", "#26C6DA", 5, true, "FX"],
  ["Rendering", "#F06292", 6, true, "Compositing"],
  ["Compositing", "#ff5252", 7, true, "Compositing"],
];

type StatusFlags = {
  isDefault?: boolean;
  isWip?: boolean;
  isFeedbackRequest?: boolean;
  isRetake?: boolean;
  isDone?: boolean;
};
const statuses: [string, string, string, StatusFlags][] = [
  ["Todo", "todo", "#f5f5f5", { isDefault: true }],
  ["Work In Progress", "wip", "#3273dc", { isWip: true }],
  ["Waiting For Approval", "wfa", "#ab26ff", { isFeedbackRequest: true }],
  ["Retake", "retake", "#ff3860", { isRetake: true }],
  ["Done", "done", "#22d160", { isDone: true }],
  ["Ready To Start", "ready", "#fbc02d", {}],
];

const assetTypes = ["Prop", "FX", "Environment", "Character"];

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
      firstName: admin.firstName ?? "Super",
      lastName: admin.lastName ?? "Admin",
      email,
      desktopLogin: "",
      role: "admin",
      active: true,
    }));
  ctx.state.setExtra(person.id, { phone: "" });
  registerLogin(ctx, person, admin.password);
  if (!options.reference) return person;

  const depts = await all(tracker, "department");
  const deptId = new Map(depts.map((d) => [d.name, d.id]));
  for (const [name, color] of departments) {
    if (!deptId.has(name)) deptId.set(name, (await tracker.create("department", { name, color })).id);
  }
  const types = await all(tracker, "taskType");
  for (const [name, color, priority, forShots, dept] of taskTypes) {
    if (types.some((t) => t.name === name && t.forShots === forShots)) continue;
    await tracker.create("taskType", { name, color, priority, forShots, departmentId: deptId.get(dept) ?? null });
  }
  const existing = await all(tracker, "taskStatus");
  for (const [name, shortName, color, flags] of statuses) {
    if (existing.some((s) => s.shortName === shortName)) continue;
    await tracker.create("taskStatus", { name, shortName, color, priority: 1, ...flags });
  }
  const ats = await all(tracker, "assetType");
  for (const name of assetTypes) {
    if (!ats.some((a) => a.name === name)) await tracker.create("assetType", { name });
  }
  return person;
}
