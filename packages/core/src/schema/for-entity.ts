import { type TaskEntityKind, taskEntityKindSchema } from "./tasks.js";

/*
 * A task type's kind of entity. The model once had only `forShots`; Zou's `for_entity` names one
 * kind exactly ("Asset", "Shot", "Sequence", "Episode", "Edit", "Concept", "Scene"), and Zou refuses
 * a task whose entity is of another kind. `forEntity` is that kind; `forShots` stays, derived.
 */

/** `forShots` as it was: true for the temporal kinds (shot, sequence, episode, edit, scene). */
export const forShotsOf = (forEntity: TaskEntityKind): boolean => forEntity !== "asset" && forEntity !== "concept";

/**
 * The kind a task type input names: `forEntity` when given, else `forShots` read as it always
 * was (true: shots, false: assets). Undefined when the input gives neither or they disagree (the
 * create schema refuses both).
 */
export function forEntityOf(input: { forShots?: boolean | undefined; forEntity?: TaskEntityKind | undefined }) {
  if (input.forEntity !== undefined) {
    return input.forShots === undefined || input.forShots === forShotsOf(input.forEntity) ? input.forEntity : undefined;
  }
  if (input.forShots === undefined) return undefined;
  return input.forShots ? "shot" : "asset";
}

/** Zou's `for_entity` of a kind: "Shot", "Asset", "Edit", ... */
export const zouForEntity = (kind: TaskEntityKind): string => kind.charAt(0).toUpperCase() + kind.slice(1);

/** The kind of a Zou `for_entity` ("Shot" → "shot"); undefined for a value the model does not know. */
export function kindOfZouForEntity(value: unknown): TaskEntityKind | undefined {
  const parsed = taskEntityKindSchema.safeParse(String(value).toLowerCase());
  return parsed.success ? parsed.data : undefined;
}
