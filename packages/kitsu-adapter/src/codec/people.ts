import type { DepartmentRecord, Id, PersonRecord } from "@gadget/core/adapter";
import { personRoleSchema } from "@gadget/core/adapter";
import { z } from "zod";
import { createdAt, customData, idList, kitsuRow, parseRow, textOrNull, updatedAt } from "./values.js";

const departmentRow = kitsuRow.extend({ name: z.string() });

export function decodePerson(value: unknown): PersonRecord {
  const row = parseRow(kitsuRow, value, "person");
  const firstName = typeof row.first_name === "string" ? row.first_name : "";
  const lastName = typeof row.last_name === "string" ? row.last_name : "";
  const fullName = typeof row.full_name === "string" ? row.full_name : `${firstName} ${lastName}`.trim();
  const role = personRoleSchema.safeParse(row.role);
  return {
    id: row.id as Id,
    name: fullName,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
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

export function decodeDepartment(value: unknown): DepartmentRecord {
  const row = parseRow(departmentRow, value, "department");
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: {},
    raw: row,
    color: typeof row.color === "string" ? row.color : "#999999",
  };
}
