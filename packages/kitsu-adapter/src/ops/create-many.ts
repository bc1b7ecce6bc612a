import {
  type CreatableKind,
  type CreateData,
  type CreateManyOptions,
  checkUnique,
  type Id,
  PartialWriteError,
  type RecordOf,
  ValidationError,
} from "@gadget/core/adapter";
import { create, lookupIn } from "./create.js";
import type { OpsContext } from "./ops-context.js";
import { checkId } from "./validate.js";

type Input = Record<string, unknown>;

const labelOf = (input: Input) => String(input.name ?? input.shortName ?? input.email ?? "");

/**
 * Creates many records: every input checked first (ids, then the rules' unique keys within the
 * batch and against the tracker, looked up once per group of parents rather than once per record), then the POSTs,
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
  await checkUnique(ctx.rules, kind, inputs, lookupIn(ctx, kind));
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
