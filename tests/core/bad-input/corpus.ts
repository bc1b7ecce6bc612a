import { type AnyEntity, isTrackerError, type TrackerError, ValidationError } from "@gadget/core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ADMIN, type Backend, backends, buildWorld, type World } from "./world.js";

/*
 * The bad-input corpus: a table of what a new user tries, run on both backends. Each case must
 * fail with a typed Gadget error whose message names the input and the fix, write nothing (the
 * store is compared before and after), and end in bounded time.
 */

type Says = readonly (string | RegExp)[];

type ErrorClass = abstract new (...args: never[]) => TrackerError;

export interface BadInput {
  /** What a TD tries, as the test's name. */
  name: string;
  /** The call; what it returns is awaited, and iterables are read to their first item. */
  run(world: World): unknown;
  /**
   * The error class expected.
   *
   * @default ValidationError
   */
  error?: ErrorClass;
  /** Texts the message contains: the input it names and the fix it gives. */
  says: Says | ((world: World) => Says);
  /**
   * Run on one backend only (a variable only one tracker type reads).
   *
   * @default both
   */
  only?: Backend;
}

/** A value of the wrong type, passed where the types would refuse it (as plain JavaScript callers can). */
export const bad = (value: unknown): never => value as never;

/** Longest a case may take: a bad input is refused at once, never after a hang. */
const BOUND_MS = 10_000;

/** A message offers a fix: it tells what to do. */
const FIX =
  /\b(Pass|Post|Publish|Use|Set|Give|Pick|Check|Remove|Rename|Create|Add|Assign|Call|Unset|Point|Install|Import|Log in|Delete|Close|Update|Get|Look|Make|Ask|Send|Retry|Enable|Listen|Read|Resume|Generate|Replace|Convert|Split|Keep|Wait|Raise|Slow|Store|Write|Fix|List|Leave|Move|Try|Cast|Drop|Choose|Name)\b/;

const HUNG = Symbol("hung");

async function settle(
  world: World,
  c: BadInput,
): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<typeof HUNG>((resolve) => {
    timer = setTimeout(() => resolve(HUNG), BOUND_MS);
  });
  const attempt = (async () => {
    let value = await c.run(world);
    if (value !== null && typeof value === "object" && Symbol.asyncIterator in value) {
      const iterator = (value as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      value = await iterator.next();
      await iterator.return?.();
    }
    return value;
  })();
  try {
    const value = await Promise.race([attempt, bound]);
    if (value === HUNG) expect.fail(`"${c.name}" did not end within ${BOUND_MS} ms`);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

/** The kinds (and first record) whose stored content differs. */
function storeDifference(before: string, after: string): string {
  const a = JSON.parse(before) as { records: Record<string, { id: string }[]> };
  const b = JSON.parse(after) as { records: Record<string, { id: string }[]> };
  const lines: string[] = [];
  for (const kind of new Set([...Object.keys(a.records), ...Object.keys(b.records)])) {
    const x = a.records[kind] ?? [];
    const y = b.records[kind] ?? [];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    const changed = y.find((r, i) => JSON.stringify(r) !== JSON.stringify(x[i]));
    lines.push(`${kind}: ${x.length} → ${y.length} records, first change ${JSON.stringify(changed).slice(0, 300)}`);
  }
  return lines.join("\n") || "casting, files or the event log changed";
}

function readStore(world: World): string {
  try {
    return world.store();
  } catch (error) {
    return expect.fail(`the store cannot be read any more: ${String(error)}`);
  }
}

async function check(world: World, c: BadInput): Promise<void> {
  const before = readStore(world);
  const outcome = await settle(world, c);
  if (outcome.ok) {
    const shown = isEntity(outcome.value) ? `${outcome.value.kind} ${outcome.value.id}` : safeShow(outcome.value);
    expect.fail(`"${c.name}" was accepted (it gave ${shown}); it must be refused`);
  }
  const { error } = outcome;
  if (!isTrackerError(error)) {
    expect.fail(`"${c.name}" threw ${error instanceof Error ? error.stack : String(error)}, not a TrackerError`);
  }
  const expected = c.error ?? ValidationError;
  expect(error, `${error.name}: ${error.message}`).toBeInstanceOf(expected);
  expect(typeof error.code).toBe("string");
  const says = typeof c.says === "function" ? c.says(world) : c.says;
  for (const text of says) {
    if (typeof text === "string") expect(error.message, error.message).toContain(text);
    else expect(error.message, error.message).toMatch(text);
  }
  expect(error.message, `the message offers a fix: ${error.message}`).toMatch(FIX);
  expect(`${error.message}\n${error.stack}`).not.toContain(ADMIN.password);
  const after = readStore(world);
  if (after !== before) expect.fail(`"${c.name}" wrote to the store:\n${storeDifference(before, after)}`);
}

const isEntity = (value: unknown): value is AnyEntity =>
  typeof value === "object" && value !== null && "kind" in value && "id" in value;

function safeShow(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The world's entities, to drop what a refused case left unsaved on them. */
function entitiesOf(world: World): AnyEntity[] {
  const { other, foreign, files, env, store, close, backend, tracker, ...own } = world;
  return [...Object.values(own), ...Object.values(other)] as AnyEntity[];
}

/**
 * Runs a category of the corpus on both backends: one world per backend, each case checked for a
 * typed error, its message, an unchanged store and a bounded time.
 */
export function corpus(category: string, cases: readonly BadInput[]): void {
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`The case "${c.name}" is in the ${category} corpus twice`);
    names.add(c.name);
  }
  describe.each(backends)(`bad input, ${category} (%s)`, (backend) => {
    let world: World | undefined;
    beforeAll(async () => {
      world = await buildWorld(backend);
    }, 60_000);
    afterAll(async () => {
      await world?.close();
    });
    afterEach(async () => {
      if (!world) return;
      for (const entity of entitiesOf(world)) if (entity.changed) await entity.refresh();
    });
    const mine = cases.filter((c) => c.only === undefined || c.only === backend);
    test.each(mine.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
      if (!world) expect.fail("the world was not built (see beforeAll)");
      await check(world, c);
    });
  });
}
