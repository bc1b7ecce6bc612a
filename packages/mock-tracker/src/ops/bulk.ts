import type { CreatableKind, CreateManyOptions, RecordFields, Where } from "@gadget/core/adapter";
import { checkBatchUnique, PartialWriteError, ValidationError } from "@gadget/core/adapter";
import type { Faults } from "../faults.js";
import type { Stored, Studio } from "../studio/studio.js";
import { fieldOf } from "../studio/table.js";
import { checkNewRow, createRow } from "./crud.js";
import { queryRows } from "./query.js";

/** Every input checked against the store, then against the others (the rules' unique keys), before anything is written. */
function checkBatch(studio: Studio, kind: CreatableKind, inputs: readonly unknown[]): void {
  const rows = inputs.map((input) => checkNewRow(studio, kind, input).fields as RecordFields);
  checkBatchUnique(studio.rules, kind, rows);
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
