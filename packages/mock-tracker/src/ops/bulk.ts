import type { CreatableKind, CreateManyOptions, Where } from "@gadget/core";
import { ConflictError, PartialWriteError, ValidationError } from "@gadget/core";
import type { Faults } from "../faults.js";
import type { Stored, Studio } from "../studio/studio.js";
import { fieldOf } from "../studio/table.js";
import { checkNewRow, createRow, type NewRow } from "./crud.js";
import { scopeKeys } from "./names.js";
import { queryRows } from "./query.js";

/**
 * What makes two new rows the same record, each with the words naming it in a message: the scoped
 * name (names.ts), and the other rules `create` enforces against the store (one task per entity
 * and task type, status short names, person emails).
 */
function identities(kind: CreatableKind, { fields }: NewRow<CreatableKind>): [key: string, label: string][] {
  const get = (key: string) => fieldOf(fields, key) ?? null;
  const out: [string, string][] = [];
  const scope = scopeKeys[kind];
  if (scope) out.push([JSON.stringify(["name", get("name"), ...scope.map(get)]), String(get("name"))]);
  if (kind === "task") {
    out.push([JSON.stringify(["taskType", get("entityId"), get("taskTypeId")]), `task type ${get("taskTypeId")}`]);
  }
  if (kind === "taskStatus") out.push([JSON.stringify(["shortName", get("shortName")]), String(get("shortName"))]);
  const email = get("email");
  if (kind === "person" && typeof email === "string") out.push([JSON.stringify(["email", email.toLowerCase()]), email]);
  return out;
}

/** Every input checked against the store and against the others, before anything is written. */
function checkBatch(studio: Studio, kind: CreatableKind, inputs: readonly unknown[]): void {
  const seen = new Set<string>();
  for (const input of inputs) {
    for (const [key, label] of identities(kind, checkNewRow(studio, kind, input))) {
      if (seen.has(key)) throw ConflictError.duplicateName(kind, label, "this batch (it is given twice)");
      seen.add(key);
    }
  }
}

/**
 * The contract's `createMany`: the whole batch checked first, then one create per record in input
 * order, each one a write with its own event and its own `createMany` fault check (a tracker makes
 * one request per record, so a failure can land mid-batch). A failure after the first create is a
 * PartialWriteError naming the records that exist.
 */
export async function createRows<K extends CreatableKind>(
  studio: Studio,
  faults: Faults,
  kind: K,
  inputs: readonly unknown[],
  options: CreateManyOptions,
): Promise<Stored<K>[]> {
  const { concurrency = 8 } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw ValidationError.invalidOption("createMany concurrency", concurrency, "a whole number of 1 or more");
  checkBatch(studio, kind, inputs);
  const created: Stored<K>[] = [];
  for (const input of inputs) {
    try {
      await faults.before("createMany");
      // Checked again: another call may have written between this batch's check and this write.
      created.push(createRow(studio, kind, input));
      options.onProgress?.({ created: created.length, total: inputs.length });
    } catch (error) {
      if (created.length === 0) throw error;
      const done = created.map((row) => ({ id: row.id, name: String(fieldOf(row, "name")) }));
      throw PartialWriteError.bulk(kind, done, String(fieldOf(input as object, "name") ?? ""), error);
    }
  }
  return created;
}

/** The contract's `queryWithTasks`: every matching record (no pages) and all their tasks, complete. */
export function rowsWithTasks<K extends "shot" | "asset">(
  studio: Studio,
  kind: K,
  where: Where<K>,
): { records: Stored<K>[]; tasks: Stored<"task">[] } {
  const { items } = queryRows(studio, kind, where, { limit: Number.MAX_SAFE_INTEGER });
  const tasks = studio.table("task");
  return { records: items, tasks: items.flatMap((row) => tasks.rowsWhere("entityId", row.id)) };
}
