import type { AnyEntity, Collection } from "@gadget/core";
import type { Side } from "./side.js";

/*
 * The studio reference data a sequence uses, as `zou init-data` leaves it in a fresh Zou. A real
 * Zou and the Kitsu-compatible server have it already; the mock tracker starts empty. Setup reads
 * each row by name and creates it only where it is missing, so every backend starts alike.
 */

/* Colours, priorities and departments as recorded from a fresh Zou (shared recorded 027, 028, 030). */

export const referenceDepartments = [
  { name: "Animation", color: "#009688" },
  { name: "Modeling", color: "#78909C" },
  { name: "Layout", color: "#7CB342" },
] as const;

export const referenceTaskTypes = [
  { name: "Animation", forShots: true, color: "#009688", priority: 3, department: "Animation" },
  { name: "Layout", forShots: true, color: "#7CB342", priority: 2, department: "Layout" },
  { name: "Modeling", forShots: false, color: "#78909C", priority: 2, department: "Modeling" },
  { name: "Rigging", forShots: false, color: "#9CCC65", priority: 4, department: "Animation" },
] as const;

export const referenceStatuses = [
  { name: "Todo", shortName: "todo", color: "#f5f5f5", isDefault: true },
  { name: "Work In Progress", shortName: "wip", color: "#3273dc", isWip: true },
  { name: "Waiting For Approval", shortName: "wfa", color: "#ab26ff", isFeedbackRequest: true },
  { name: "Retake", shortName: "retake", color: "#ff3860", isRetake: true },
  { name: "Done", shortName: "done", color: "#22d160", isDone: true },
] as const;

export const referenceAssetTypes = ["Character", "Prop"] as const;

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
  for (const d of referenceDepartments) {
    await ensure(side, tracker.departments, refAlias("department", d.name), { name: d.name }, d);
  }
  for (const { department, ...t } of referenceTaskTypes) {
    await ensure(
      side,
      tracker.taskTypes,
      refAlias("taskType", t.name),
      { name: t.name, forShots: t.forShots },
      {
        ...t,
        department: side.entity(refAlias("department", department)),
      },
    );
  }
  for (const s of referenceStatuses) {
    await ensure(side, tracker.taskStatuses, refAlias("taskStatus", s.shortName), { shortName: s.shortName }, s);
  }
  for (const name of referenceAssetTypes) {
    await ensure(side, tracker.assetTypes, refAlias("assetType", name), { name }, { name });
  }
}
