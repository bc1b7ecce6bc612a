import { type DepartmentRecord, departmentRecordSchema } from "../schema/people.js";
import { Entity } from "./entity.js";
import { field } from "./metadata.js";

const s = departmentRecordSchema.shape;

export class Department extends Entity<"department"> {
  @field(s.color) declare color: DepartmentRecord["color"];
}
