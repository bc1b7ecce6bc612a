import type { CreateManyOptions, TrackerAdapter } from "../adapter/contract.js";
import { ConflictError, PartialWriteError } from "../errors.js";
import type { CreatableKind, CreateData, RecordOf, Where } from "../schema/kinds.js";

/**
 * The fields that make a record unique, as trackers enforce it (Kitsu: shot names per sequence,
 * one task per entity and task type, studio-wide names for reference data). A batch is checked
 * against these before its first write.
 */
const uniqueBy: Record<CreatableKind, readonly string[]> = {
  project: ["name"],
  episode: ["projectId", "name"],
  sequence: ["projectId", "episodeId", "name"],
  shot: ["sequenceId", "name"],
  assetType: ["name"],
  asset: ["projectId", "name"],
  task: ["entityId", "taskTypeId"],
  taskType: ["name"],
  taskStatus: ["shortName"],
  person: [],
  department: ["name"],
  playlist: ["projectId", "name"],
};

const keyOf = (fields: readonly string[], record: Record<string, unknown>): string =>
  JSON.stringify(fields.map((f) => record[f] ?? null));

const labelOf = (record: Record<string, unknown>): string => String(record.name ?? record.shortName ?? "");

/** ConflictError when two inputs of the batch would be the same record. */
export function checkBatch<K extends CreatableKind>(kind: K, data: readonly CreateData<K>[]): void {
  const fields = uniqueBy[kind];
  if (fields.length === 0) return;
  const seen = new Set<string>();
  for (const item of data as readonly Record<string, unknown>[]) {
    const key = keyOf(fields, item);
    if (seen.has(key)) throw ConflictError.duplicateName(kind, labelOf(item), "this batch (it is given twice)");
    seen.add(key);
  }
}

/** ConflictError, before any write, when an input names a record the tracker already has. */
async function checkTracker<K extends CreatableKind>(
  adapter: TrackerAdapter,
  kind: K,
  data: readonly CreateData<K>[],
): Promise<void> {
  const fields = uniqueBy[kind];
  if (fields.length === 0 || data.length === 0) return;
  const wanted = new Map((data as readonly Record<string, unknown>[]).map((d) => [keyOf(fields, d), d]));
  const where: Record<string, unknown[]> = {};
  for (const field of fields) {
    where[field] = [...new Set((data as readonly Record<string, unknown>[]).map((d) => d[field] ?? null))];
  }
  let cursor: string | undefined;
  do {
    const page = await adapter.query(kind, where as Where<K>, cursor === undefined ? {} : { cursor });
    for (const record of page.items as Record<string, unknown>[]) {
      const clash = wanted.get(keyOf(fields, record));
      if (clash) throw ConflictError.duplicateName(kind, labelOf(clash), "the tracker");
    }
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
}

/**
 * Creates a batch: the adapter's own `createMany` when it has one, else one create after another
 * once the whole batch was checked. A failure after the first write names what was created.
 */
export async function createBatch<K extends CreatableKind>(
  adapter: TrackerAdapter,
  kind: K,
  data: readonly CreateData<K>[],
  options: CreateManyOptions,
): Promise<RecordOf<K>[]> {
  checkBatch(kind, data);
  if (adapter.createMany) return adapter.createMany(kind, data, options);
  await checkTracker(adapter, kind, data);
  const created: RecordOf<K>[] = [];
  for (const item of data) {
    try {
      created.push(await adapter.create(kind, item));
      options.onProgress?.({ created: created.length, total: data.length });
    } catch (error) {
      if (created.length === 0) throw error;
      throw PartialWriteError.bulk(kind, created, labelOf(item as Record<string, unknown>), error);
    }
  }
  return created;
}
