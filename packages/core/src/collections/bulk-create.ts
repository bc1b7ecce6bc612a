import type { CreateManyOptions, TrackerAdapter } from "../adapter/contract.js";
import { checkBatchUnique, checkUnique } from "../adapter/unique-check.js";
import { PartialWriteError } from "../errors.js";
import type { CreatableKind, CreateData, RecordOf, Where } from "../schema/kinds.js";
import { rulesOf } from "../schema/rules.js";

type Fields = Record<string, unknown>;

const labelOf = (record: Fields): string => String(record.name ?? record.shortName ?? record.email ?? "");

/** Every record matching `where`, all pages. */
async function queryAll<K extends CreatableKind>(adapter: TrackerAdapter, kind: K, where: Fields) {
  const out: RecordOf<K>[] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.query(kind, where as Where<K>, cursor === undefined ? {} : { cursor });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return out as Fields[];
}

/**
 * Creates a batch: the adapter's own `createMany` when it has one (it checks the tracker itself),
 * else one create after another once the whole batch was checked against the tracker's unique
 * keys (rules.ts). A failure after the first write names what was created.
 */
export async function createBatch<K extends CreatableKind>(
  adapter: TrackerAdapter,
  kind: K,
  data: readonly CreateData<K>[],
  options: CreateManyOptions,
): Promise<RecordOf<K>[]> {
  const rules = rulesOf(adapter);
  const inputs = data as readonly Fields[];
  checkBatchUnique(rules, kind, inputs);
  if (adapter.createMany) return adapter.createMany(kind, data, options);
  await checkUnique(rules, kind, inputs, (where) => queryAll(adapter, kind, where));
  const created: RecordOf<K>[] = [];
  for (const item of data) {
    try {
      created.push(await adapter.create(kind, item));
      options.onProgress?.({ created: created.length, total: data.length });
    } catch (error) {
      if (created.length === 0) throw error;
      throw PartialWriteError.bulk(kind, created, labelOf(item as Fields), error);
    }
  }
  return created;
}
