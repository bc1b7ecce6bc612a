import { setTimeout as sleep } from "node:timers/promises";
import { type KnownDifference, knownDifferences } from "./allow-list.js";
import type { Backends } from "./backends.js";
import { type Difference, diff } from "./diff.js";
import { execute } from "./executor.js";
import { RunFiles } from "./files.js";
import { Generator } from "./generator.js";
import { type Json, normalize, normalizeError, normalizeEvents, type Observation } from "./normalize.js";
import { isRead, type Op } from "./ops.js";
import { findReferenceData } from "./reference.js";
import type { Side } from "./side.js";

/*
 * Runs one seeded sequence on both backends, step by step: the same operation on the mock, then
 * on Kitsu, each observation normalized, then compared. The first difference that no known
 * difference covers ends the run.
 */

export interface RunOptions {
  seed: number;
  /** Operations to generate. */
  ops: number;
  /** Stop after this step (replaying a reported difference). @default ops */
  until?: number;
  /** Part of every name the run creates (see GeneratorOptions.runTag). */
  runTag: string;
  /** @default knownDifferences */
  allowList?: readonly KnownDifference[];
  /** Draw the operations of the known differences. @default true */
  exerciseKnown?: boolean;
  /** Called before each step runs (the recorder names its requests after it). */
  beforeStep?: (step: number, op: Op) => void;
}

export interface StepRecord {
  step: number;
  op: Op;
  mock: Observation;
  kitsu: Observation;
}

export interface RunResult {
  seed: number;
  runTag: string;
  target: string;
  /** Steps run (up to and including the first difference). */
  steps: number;
  /** The first difference no allow-list entry covers. */
  failure?: StepRecord & { differences: Difference[] };
  /** How often each allow-list entry skipped a difference. */
  allowed: Record<string, number>;
  /** The last steps before the end, for the report. */
  recent: Op[];
  ms: number;
}

async function observe(side: Side, op: Op, files: RunFiles): Promise<{ ok: boolean; value: unknown; error?: unknown }> {
  try {
    return { ok: true, value: await execute(side, op, files) };
  } catch (error) {
    return { ok: false, value: undefined, error };
  }
}

function toObservation(side: Side, result: { ok: boolean; value: unknown; error?: unknown }): Observation {
  const outcome: Observation["outcome"] = result.ok
    ? { ok: true, value: normalize(result.value, side) }
    : { ok: false, error: normalizeError(result.error) };
  return { outcome, events: normalizeEvents(side.takeEvents(), side) };
}

/** Waits until Kitsu has delivered as many of the run's events as the mock emitted, then a quiet spell. */
async function settle(backends: Backends): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const wanted = backends.mock.pendingEvents();
  const deadline = Date.now() + backends.settle.maxMs;
  while (backends.kitsu.pendingEvents() < wanted && Date.now() < deadline) await sleep(5);
  await sleep(backends.settle.quietMs);
}

/** Compares one step; returns the differences no allow-list entry covers, counting those it does. */
export function compareStep(
  op: Op,
  mock: Observation,
  kitsu: Observation,
  allowList: readonly KnownDifference[],
  allowed: Record<string, number>,
): Difference[] {
  let [m, k] = [mock, kitsu];
  for (const entry of allowList) {
    if (!entry.align) continue;
    const [am, ak] = [entry.align(op, m), entry.align(op, k)];
    if (
      JSON.stringify(diff(m as unknown as Json, k as unknown as Json)) !==
      JSON.stringify(diff(am as never, ak as never))
    ) {
      allowed[entry.id] = (allowed[entry.id] ?? 0) + 1;
    }
    [m, k] = [am, ak];
  }
  return diff(m as unknown as Json, k as unknown as Json).filter((d) => {
    const entry = allowList.find((e) => e.covers?.(op, d));
    if (entry) allowed[entry.id] = (allowed[entry.id] ?? 0) + 1;
    return entry === undefined;
  });
}

export async function runSequence(backends: Backends, options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const allowList = options.allowList ?? knownDifferences;
  const generator = new Generator(options.seed, { runTag: options.runTag, knownDifferences: options.exerciseKnown });
  const files = new RunFiles();
  const allowed: Record<string, number> = {};
  const recent: Op[] = [];
  const last = Math.min(options.ops, options.until ?? options.ops);
  const result = (steps: number, failure?: RunResult["failure"]): RunResult => ({
    seed: options.seed,
    runTag: options.runTag,
    target: backends.target,
    steps,
    ...(failure ? { failure } : {}),
    allowed,
    recent: recent.slice(-8),
    ms: Date.now() - started,
  });
  try {
    await findReferenceData(backends.mock);
    await findReferenceData(backends.kitsu);
    await sleep(backends.settle.quietMs);
    backends.mock.takeEvents();
    backends.kitsu.takeEvents();
    for (let step = 1; step <= last; step++) {
      const op = generator.next();
      recent.push(op);
      options.beforeStep?.(step, op);
      const m = await observe(backends.mock, op, files);
      const k = await observe(backends.kitsu, op, files);
      if (!isRead(op)) await settle(backends);
      const mock = toObservation(backends.mock, m);
      const kitsu = toObservation(backends.kitsu, k);
      const differences = compareStep(op, mock, kitsu, allowList, allowed);
      if (differences.length > 0) return result(step, { step, op, mock, kitsu, differences });
      generator.observe(op, mock.outcome.ok, mock.outcome.ok ? mock.outcome.value : null);
    }
    return result(last);
  } finally {
    files.dispose();
  }
}
