import type { DepartmentRecord, PersonRecord } from "@gadget/core";
import { personRoleSchema } from "@gadget/core";
import { z } from "zod";
import { base, customData, idList, kitsuRow, parseRow, textOrNull } from "./values.js";

export function decodePerson(value: unknown): PersonRecord {
  const row = parseRow(kitsuRow, value, "person");
  const firstName = typeof row.first_name === "string" ? row.first_name : "";
  const lastName = typeof row.last_name === "string" ? row.last_name : "";
  const fullName = typeof row.full_name === "string" ? row.full_name : `${firstName} ${lastName}`.trim();
  const role = personRoleSchema.safeParse(row.role);
  return {
    ...base(row, fullName, customData(row.data)),
    firstName,
    lastName,
    email: textOrNull(row.email),
    desktopLogin: textOrNull(row.desktop_login),
    role: role.success ? role.data : "user",
    active: row.active !== false,
    isBot: row.is_bot === true,
    departmentIds: idList(row.departments),
  };
}

// Built once, not per call: see codec/tasks.ts.
const departmentRow = kitsuRow.extend({ name: z.string() });

export function decodeDepartment(value: unknown): DepartmentRecord {
  const row = parseRow(departmentRow, value, "department");
  return { ...base(row, row.name, {}), color: typeof row.color === "string" ? row.color : "#999999" };
}
