import {
  ConflictError,
  type CreatableKind,
  type CreateData,
  type CreateManyOptions,
  type Id,
  PartialWriteError,
  type RecordOf,
  ValidationError,
  type Where,
} from "@gadget/core";
import type { OpsContext } from "./context.js";
import { create } from "./create.js";
import { queryAll } from "./query.js";
import { checkId } from "./validate.js";

type Input = Record<string, unknown>;

/** What makes a record unique, as the adapter's `create` checks it (see create.ts). */
const uniqueBy: Record<CreatableKind, readonly string[]> = {
  project: ["name"],
  episode: ["projectId", "name"],
  sequence: ["projectId", "episodeId", "name"],
  shot: ["projectId", "sequenceId", "name"],
  asset: ["projectId", "assetTypeId", "name"],
  assetType: ["name"],
  taskType: ["name"],
  taskStatus: ["shortName"],
  department: ["name"],
  playlist: ["projectId", "name"],
  task: ["entityId", "taskTypeId", "name"],
  person: [],
};

/** Ids per lookup request: an IN list of 100 UUIDs keeps the URL well under common limits. */
const idsPerLookup = 100;

const fieldValue = (input: Input, field: string): unknown =>
  input[field] ?? (field === "name" && input.name === undefined ? "main" : null);
const keyOf = (fields: readonly string[], input: Input) => JSON.stringify(fields.map((f) => fieldValue(input, f)));
const labelOf = (input: Input) => String(input.name ?? input.shortName ?? input.email ?? "");

/**
 * Creates many records: every input checked first (ids, duplicates within the batch, and names the
 * tracker already has, looked up once per parent rather than once per record), then the POSTs,
 * `concurrency` at a time. A failure after the first create is a PartialWriteError listing what
 * exists; in-flight creates are let finish so that the list is complete.
 */
export async function createMany<K extends CreatableKind>(
  ctx: OpsContext,
  kind: K,
  data: readonly CreateData<K>[],
  options: CreateManyOptions = {},
): Promise<RecordOf<K>[]> {
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw ValidationError.invalidOption("createMany concurrency", concurrency, "a whole number of 1 or more");
  const inputs = data as readonly Input[];
  for (const input of inputs)
    for (const [key, value] of Object.entries(input))
      if (/Id$/.test(key) && typeof value === "string") checkId(value, `${kind} ${key}`);
  checkWithinBatch(kind, inputs);
  await checkTracker(ctx, kind, inputs);
  if (kind === "shot") await ctx.ref.learnSequences(inputs.map((i) => i.sequenceId as Id));

  const results: (RecordOf<K> | undefined)[] = new Array(inputs.length);
  let next = 0;
  let failure: { index: number; error: unknown } | undefined;
  let done = 0;
  const worker = async () => {
    while (failure === undefined && next < inputs.length) {
      const index = next++;
      try {
        results[index] = await create(ctx, kind, data[index] as CreateData<K>, { prechecked: true });
        options.onProgress?.({ created: ++done, total: inputs.length });
      } catch (error) {
        failure ??= { index, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
  const created = results.filter((r): r is RecordOf<K> => r !== undefined);
  if (!failure) return created;
  if (created.length === 0) throw failure.error;
  throw PartialWriteError.bulk(kind, created, labelOf(inputs[failure.index] ?? {}), failure.error);
}

function checkWithinBatch(kind: CreatableKind, inputs: readonly Input[]): void {
  const fields = uniqueBy[kind];
  if (fields.length === 0) return;
  const seen = new Set<string>();
  for (const input of inputs) {
    const key = keyOf(fields, input);
    if (seen.has(key)) throw ConflictError.duplicateName(kind, labelOf(input), "this batch (it is given twice)");
    seen.add(key);
  }
}

/** One lookup per group of parents (the parents' whole lists; names are compared here, exactly). */
async function checkTracker(ctx: OpsContext, kind: CreatableKind, inputs: readonly Input[]): Promise<void> {
  const fields = uniqueBy[kind];
  if (fields.length === 0 || inputs.length === 0) return;
  const wanted = new Map(inputs.map((i) => [keyOf(fields, i), i]));
  const scopes = fields.filter((f) => f !== "name" && f !== "shortName");
  // The most selective scope field carries the IN list; the others are checked on the rows.
  const [first, ...rest] = scopes;
  const restWhere = Object.fromEntries(
    rest.map((f) => [f, [...new Set(inputs.map((i) => fieldValue(i, f)))]] as const).filter(([, v]) => v.length === 1),
  );
  const firstValues = first ? [...new Set(inputs.map((i) => fieldValue(i, first)))] : [undefined];
  for (let i = 0; i < firstValues.length; i += idsPerLookup) {
    const where = first ? { ...restWhere, [first]: firstValues.slice(i, i + idsPerLookup) } : {};
    for (const record of await queryAll(ctx, kind, where as Where<typeof kind>)) {
      const clash = wanted.get(keyOf(fields, record as unknown as Input));
      if (clash) throw ConflictError.duplicateName(kind, labelOf(clash), scopeOf(clash));
    }
  }
}

const scopeOf = (input: Input) =>
  input.sequenceId ? `sequence ${input.sequenceId}` : input.projectId ? `project ${input.projectId}` : "the studio";
