import type { Id } from "@gadget/core/adapter";
import type { Stored, Studio } from "../studio/studio.js";
import { updateRow } from "./crud.js";

/**
 * Zou's `actions/persons/:id/departments` routes on the store: add appends the department (once),
 * remove takes it out (nothing when the person is not in it); each is a person update, with its
 * `person:update` event, as Zou's persons_service emits.
 */
export function editPersonDepartments(studio: Studio, personId: Id, departmentId: Id, add: boolean): Stored<"person"> {
  const person = studio.require("person", personId);
  studio.require("department", departmentId);
  const others = person.departmentIds.filter((id) => id !== departmentId);
  return updateRow(studio, "person", personId, { departmentIds: add ? [...others, departmentId] : others });
}
