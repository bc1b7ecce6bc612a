import { z } from "zod";
import { baseRecordSchema, idSchema } from "./common.js";

/** A person's role on the tracker, as Kitsu names it. */
export const personRoleSchema = z.enum(["user", "admin", "supervisor", "manager", "client", "vendor"]);
/** A person's role: `user` (artist), `supervisor`, `manager`, `admin`, `client`, `vendor`. */
export type PersonRole = z.infer<typeof personRoleSchema>;

/** The schema of a person record. */
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
/** A person (user or bot) of the studio. */
export type PersonRecord = z.infer<typeof personRecordSchema>;

/** The schema of a department record. */
export const departmentRecordSchema = baseRecordSchema.extend({
  color: z.string(),
});
/** A department of the studio (Modeling, Animation, ...). */
export type DepartmentRecord = z.infer<typeof departmentRecordSchema>;
