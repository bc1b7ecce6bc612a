import { type PersonRecord, personRecordSchema } from "../schema/people.js";
import { Entity } from "./entity.js";
import { field, lazy } from "./meta/metadata.js";
import { entity } from "./meta/registry.js";
import { type PersonDepartments, personDepartments } from "./person-departments.js";

const s = personRecordSchema.shape;

/**
 * A studio member; `name` is the full name. From `tracker.persons`, `project.team.all()` or
 * `task.assignees()`; where a person is expected, a name, login or e-mail also does.
 *
 * @example
 * const artist = await tracker.persons.get({ desktopLogin: "jdoe" });
 */
@entity("person")
export class Person extends Entity<"person"> {
  @field(s.firstName) declare firstName: PersonRecord["firstName"];
  @field(s.lastName) declare lastName: PersonRecord["lastName"];
  @field(s.email) declare email: PersonRecord["email"];
  @field(s.desktopLogin) declare desktopLogin: PersonRecord["desktopLogin"];
  @field(s.role) declare role: PersonRecord["role"];
  @field(s.active) declare active: PersonRecord["active"];
  @field(s.isBot) declare readonly isBot: PersonRecord["isBot"];
  @field(s.departmentIds) declare departmentIds: PersonRecord["departmentIds"];

  /**
   * The person's departments: `await person.departments()` loads them, `add()` and `remove()`
   * change the membership (studio admins only).
   *
   * @example
   * await artist.departments.add("Animation");
   */
  @lazy get departments(): PersonDepartments {
    return personDepartments(this);
  }
}
