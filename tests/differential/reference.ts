import type { AnyEntity, Collection } from "@gadget/core";
import type { Side } from "./side.js";

/*
 * The studio reference rows a sequence uses, as `zou init-data` leaves them in a fresh Zou. A real
 * Zou, the Kitsu-compatible server and a new MockTracker all start with them; setup only finds
 * each one by name on each backend and gives it its alias.
 */

export const referenceDepartments = [{ name: "Animation" }, { name: "Modeling" }, { name: "Layout" }] as const;

export const referenceTaskTypes = [
  { name: "Animation", forShots: true },
  { name: "Layout", forShots: true },
  { name: "Modeling", forShots: false },
  { name: "Rigging", forShots: false },
] as const;

export const referenceStatuses = [
  { shortName: "todo" },
  { shortName: "wip" },
  { shortName: "wfa" },
  { shortName: "retake" },
  { shortName: "done" },
] as const;

export const referenceAssetTypes = ["Character", "Prop"] as const;

/** Alias of a reference row: `taskType:Animation`, `taskStatus:wip`, `assetType:Prop`. */
export const refAlias = (kind: string, key: string): string => `${kind}:${key}`;

async function find<K extends "taskType" | "taskStatus" | "assetType" | "department">(
  side: Side,
  collection: Collection<K>,
  alias: string,
  query: Record<string, unknown>,
): Promise<void> {
  const found = (await collection.filter(query as never)) as unknown as AnyEntity[];
  if (!found[0])
    throw new Error(`the ${side.label} backend has no ${alias} (${JSON.stringify(query)}): not a fresh Kitsu`);
  side.register(alias, found[0]);
}

/** Gives the reference rows of this backend their aliases. */
export async function findReferenceData(side: Side): Promise<void> {
  const { tracker } = side;
  for (const d of referenceDepartments) await find(side, tracker.departments, refAlias("department", d.name), d);
  for (const t of referenceTaskTypes) await find(side, tracker.taskTypes, refAlias("taskType", t.name), t);
  for (const s of referenceStatuses) {
    await find(side, tracker.taskStatuses, refAlias("taskStatus", s.shortName), s);
  }
  for (const name of referenceAssetTypes) {
    await find(side, tracker.assetTypes, refAlias("assetType", name), { name });
  }
}
