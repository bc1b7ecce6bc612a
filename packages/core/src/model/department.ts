import { type DepartmentRecord, departmentRecordSchema } from "../schema/people.js";
import { Entity } from "./entity.js";
import { field } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";

const s = departmentRecordSchema.shape;

/**
 * A studio department (Animation, Modeling), which persons and task types belong to. From
 * `tracker.departments`, `person.departments()` or `taskType.department()`.
 *
 * @example
 * const animation = await tracker.departments.get({ name: "Animation" });
 */
@entity("department")
export class Department extends Entity<"department"> {
  @field(s.color) declare color: DepartmentRecord["color"];
}
