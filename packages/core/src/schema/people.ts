import { z } from "zod";
import { baseRecordSchema, idSchema } from "./common.js";

export const personRoleSchema = z.enum(["user", "admin", "supervisor", "manager", "client", "vendor"]);
export type PersonRole = z.infer<typeof personRoleSchema>;

export const personRecordSchema = baseRecordSchema.extend({
  /** `name` is the full name, "First Last". */
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  /** The login used by desktop tools (Kitsu's `desktop_login`). */
  desktopLogin: z.string().nullable(),
  role: personRoleSchema,
  active: z.boolean(),
  isBot: z.boolean(),
  departmentIds: z.array(idSchema),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const departmentRecordSchema = baseRecordSchema.extend({
  color: z.string(),
});
export type DepartmentRecord = z.infer<typeof departmentRecordSchema>;
