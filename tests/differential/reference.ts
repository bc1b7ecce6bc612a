import type { AnyEntity, Collection } from "@gadget/core";
import type { Side } from "./side.js";

/*
 * The studio reference data a sequence uses, as `zou init-data` leaves it in a fresh Zou. A real
 * Zou and the Kitsu-compatible server have it already; the mock tracker starts empty. Setup reads
 * each row by name and creates it only where it is missing, so every backend starts alike.
 */

export const referenceTaskTypes = [
  { name: "Animation", forShots: true, shortName: "anim" },
  { name: "Layout", forShots: true, shortName: "layout" },
  { name: "Modeling", forShots: false, shortName: "mod" },
  { name: "Rigging", forShots: false, shortName: "rig" },
] as const;

export const referenceStatuses = [
  { name: "Todo", shortName: "todo", isDefault: true },
  { name: "Work In Progress", shortName: "wip", isWip: true },
  { name: "Waiting For Approval", shortName: "wfa", isFeedbackRequest: true },
  { name: "Retake", shortName: "retake", isRetake: true },
  { name: "Done", shortName: "done", isDone: true },
] as const;

export const referenceAssetTypes = ["Character", "Prop"] as const;
export const referenceDepartments = ["Animation", "Modeling"] as const;

/** Alias of a reference row: `taskType:Animation`, `taskStatus:wip`, `assetType:Prop`. */
export const refAlias = (kind: string, key: string): string => `${kind}:${key}`;

async function ensure<K extends "taskType" | "taskStatus" | "assetType" | "department">(
  side: Side,
  collection: Collection<K>,
  alias: string,
  query: Record<string, unknown>,
  input: Record<string, unknown>,
): Promise<void> {
  const found = (await collection.filter(query as never)) as unknown as AnyEntity[];
  const entity = found[0] ?? ((await collection.new(input as never)) as unknown as AnyEntity);
  side.register(alias, entity);
}

/** Makes the reference rows exist on this backend and gives them their aliases. */
export async function ensureReferenceData(side: Side): Promise<void> {
  const { tracker } = side;
  for (const name of referenceDepartments) {
    await ensure(side, tracker.departments, refAlias("department", name), { name }, { name });
  }
  for (const t of referenceTaskTypes) {
    await ensure(side, tracker.taskTypes, refAlias("taskType", t.name), { name: t.name }, t);
  }
  for (const s of referenceStatuses) {
    await ensure(side, tracker.taskStatuses, refAlias("taskStatus", s.shortName), { shortName: s.shortName }, s);
  }
  for (const name of referenceAssetTypes) {
    await ensure(side, tracker.assetTypes, refAlias("assetType", name), { name }, { name });
  }
}
