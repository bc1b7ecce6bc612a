import type { RefInput } from "../collections/query.js";
import { resolveRef } from "../collections/resolve.js";
import { NotFoundError } from "../errors.js";
import type { Id } from "../schema/common.js";
import type { PersonRecord } from "../schema/people.js";
import type { Department } from "./department.js";
import { applyRecord, contextOf, readField, type StatefulEntity } from "./meta/entity-state.js";

/**
 * A person's departments: `person.departments`. Calling it (`await person.departments()`) or
 * `all()` loads them; `add()` and `remove()` change the membership at once (Kitsu's
 * `actions/persons/:id/departments` routes, studio admins only), and `person.departmentIds` follows.
 * Setting `person.departmentIds` and `save()` replaces the whole list instead.
 *
 * @example
 * await artist.departments.add("Animation");
 * await artist.departments.remove("Modeling");
 */
export interface PersonDepartments {
  /** The person's departments. */
  (): Promise<Department[]>;
  /** The person's departments, as `person.departments()` gives them. */
  all(): Promise<Department[]>;
  /**
   * Puts the person in a department (by name, id or Department); one the person is already in is
   * left as is, without a request. Only a studio admin may (PermissionError otherwise).
   */
  add(department: RefInput<Department>): Promise<void>;
  /**
   * Takes the person out of a department (by name, id or Department); one the person is not in is
   * a NotFoundError. Only a studio admin may.
   */
  remove(department: RefInput<Department>): Promise<void>;
}

/** The departments accessor of a person entity. */
export function personDepartments(person: StatefulEntity & { id: Id; name: string }): PersonDepartments {
  const ids = () => readField(person, "departmentIds") as Id[];
  const all = () => contextOf(person).loadMany("department", ids());
  const change = async (department: RefInput<Department>, verb: "add" | "remove") => {
    const context = contextOf(person);
    const id = await resolveRef(context, "department", department, `person.departments.${verb}`);
    const current = ids();
    const member = current.includes(id);
    if (verb === "add" && member) return;
    if (verb === "remove" && !member) {
      const known = context.identity.peek("department", id);
      throw NotFoundError.notAmong(
        known ? `department "${known.name}"` : `department ${id}`,
        `among the departments of person "${person.name}"`,
        "Check person.departments(), and refresh() the person if its departments changed.",
      );
    }
    const { adapter } = context;
    const method = verb === "add" ? adapter.addPersonDepartment : adapter.removePersonDepartment;
    if (method) {
      const record: PersonRecord = await method.call(adapter, person.id, id);
      applyRecord(person, record);
      return;
    }
    const departmentIds = verb === "add" ? [...current, id] : current.filter((d) => d !== id);
    await context.update(person as never, "person", { departmentIds });
  };
  return Object.assign(all, {
    all,
    add: (department: RefInput<Department>) => change(department, "add"),
    remove: (department: RefInput<Department>) => change(department, "remove"),
  });
}
