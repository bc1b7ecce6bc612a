import { randomUUID } from "node:crypto";
import { asId, type Id } from "../../schema/common.js";

/** A well-formed id that no tracker holds. */
export const unknownId = (): Id => asId(randomUUID());

/** A record without its tracker-specific `raw` part, which may differ between two routes of one tracker. */
export function withoutRaw<T extends { raw: unknown }>(record: T): Omit<T, "raw"> {
  const { raw: _raw, ...rest } = record;
  return rest;
}

/** Sorted copy, for comparing sets the contract returns in no particular order. */
export const sorted = <T>(values: readonly T[]): T[] => [...values].sort();

/** `key id` strings of records, sorted: compares what a list holds whatever its order. */
export const idsOf = (records: readonly { id: string }[]): string[] => sorted(records.map((r) => r.id));
