import { Collection, ReadCollection, type WritableCollectionOptions } from "../collections/collection.js";
import { TaskCollection } from "../collections/task-collection.js";
import type { Id } from "../schema/common.js";
import type { CreatableKind, Kind } from "../schema/kinds.js";
import type { AnyEntity } from "./entity.js";
import { contextOf } from "./meta/entity-state.js";
import type { EntityOf, Identified } from "./types.js";

/** `shot "sh0010"`, for messages. */
export function labelOf(owner: AnyEntity): string {
  return `${owner.kind} "${owner.name}"`;
}

export function projectIdOf(owner: AnyEntity): Id | undefined {
  if (owner.kind === "project") return owner.id;
  const projectId = (owner as unknown as { projectId?: unknown }).projectId;
  return typeof projectId === "string" ? (projectId as Id) : undefined;
}

/** A collection of an entity's children that can create them (scope values become defaults). */
export function children<K extends CreatableKind, E extends Identified = EntityOf<K>>(
  owner: AnyEntity,
  kind: K,
  scope: () => Record<string, unknown>,
  extra: Partial<WritableCollectionOptions<E>> = {},
): Collection<K, E> {
  return new Collection<K, E>(contextOf(owner), kind, {
    scope,
    defaults: scope,
    label: () => labelOf(owner),
    projectId: () => projectIdOf(owner),
    ...extra,
  });
}

/** The tasks of a shot, asset, sequence or episode: `tasks.new()` puts a task on it, `tasks.fetch(taskType)` finds one. */
export function entityTasks(owner: AnyEntity): TaskCollection {
  const scope = () => ({ entityId: owner.id });
  return new TaskCollection(contextOf(owner), "task", {
    scope,
    defaults: scope,
    label: () => labelOf(owner),
    projectId: () => projectIdOf(owner),
  });
}

/** A read-only collection of an entity's children (written through domain operations). */
export function readChildren<K extends Kind>(
  owner: AnyEntity,
  kind: K,
  scope: () => Record<string, unknown>,
  extra: Partial<WritableCollectionOptions<EntityOf<K>>> = {},
): ReadCollection<K> {
  return new ReadCollection<K>(contextOf(owner), kind, {
    scope,
    label: () => labelOf(owner),
    projectId: () => projectIdOf(owner),
    ...extra,
  });
}
