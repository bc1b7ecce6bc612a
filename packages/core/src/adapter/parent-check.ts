import { NotFoundError, ValidationError } from "../errors.js";
import type { Kind } from "../schema/kinds.js";
import { parentKinds, parentsOf, type TrackerRules } from "../schema/rules.js";
import type { RecordFields } from "./unique-check.js";

/** True when a task type for `forEntity` may have tasks on an entity of `entityKind`: Zou asks for the same kind. */
export const taskTypeFits = (forEntity: string, entityKind: string): boolean => forEntity === entityKind;

/** ValidationError when a task of this type cannot hang on an entity of `entityKind`. */
export function checkTaskTypeFits(taskType: { name: string; forEntity: string }, entityKind: string): void {
  if (!taskTypeFits(taskType.forEntity, entityKind)) {
    throw ValidationError.taskTypeMismatch(taskType.name, taskType.forEntity, entityKind);
  }
}

/** A record of `kind` by id, or undefined. */
export type FindRecord = (kind: Kind, id: string) => RecordFields | undefined;

/**
 * Checks every reference of a create (or update) input against the rules' `parents`: the record
 * pointed to exists, in the input's project where `sameProject` says so (NotFoundError either way,
 * as Zou answers), and a task type fits the task's entity (ValidationError). For trackers that
 * hold their records, such as the mock tracker; Zou checks these itself.
 */
export function checkParents(rules: TrackerRules, kind: Kind, input: RecordFields, find: FindRecord): void {
  const found = new Map<string, { kind: Kind; record: RecordFields }>();
  for (const [field, rule] of parentsOf(rules, kind)) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    const kinds = parentKinds(rule);
    for (const id of Array.isArray(value) ? value : [value]) {
      const hit = kinds.map((k) => ({ kind: k, record: find(k, String(id)) })).find((h) => h.record !== undefined);
      if (!hit?.record) throw NotFoundError.entity(kinds.join(", "), String(id));
      if (rule.sameProject && hit.record.projectId !== input.projectId) {
        throw NotFoundError.inProject(hit.kind, String(id), `project ${String(input.projectId)}`);
      }
      found.set(field, { kind: hit.kind, record: hit.record });
    }
  }
  for (const [field, rule] of parentsOf(rules, kind)) {
    const taskType = found.get(field)?.record;
    const entity = found.get("entityId");
    if (rule.fitsEntity && taskType && entity) {
      checkTaskTypeFits({ name: String(taskType.name), forEntity: String(taskType.forEntity) }, entity.kind);
    }
  }
}
