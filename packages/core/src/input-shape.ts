import type { z } from "zod";
import { ValidationError } from "./errors.js";
import { isPlainObject } from "./schema/common.js";

/*
 * The shape of what a caller passes, checked before anything else: JavaScript callers (and typed
 * ones that cast) pass a string where an object is expected, one item where a list is, or an
 * object whose keys come from its prototype. Each is a ValidationError naming the call.
 */

/**
 * ValidationError unless `value` is a plain object with string keys only. `example` shows a good
 * input; `hint` adds a way out (`use newMany() for several`).
 */
export function requirePlainObject(
  value: unknown,
  what: string,
  example: string,
  hint?: string,
): asserts value is Record<string, unknown> {
  if (!isPlainObject(value)) throw ValidationError.notAnObject(what, value, example, hint);
  if (Object.getOwnPropertySymbols(value).length > 0) throw ValidationError.symbolKey(what);
}

/** Like `requirePlainObject`, with `undefined` allowed for an optional options object. */
export function optionalObject(value: unknown, what: string, example: string): Record<string, unknown> {
  if (value === undefined) return {};
  requirePlainObject(value, what, example);
  return value;
}

/** ValidationError unless `value` is an array; `example` shows one. */
export function requireList(value: unknown, what: string, example: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw ValidationError.notAList(what, value, example);
}

/** An example object for a message: the string the caller gave, put where it belongs (`{ name: "sh010" }`). */
export const exampleFor = (value: unknown, key: string, placeholder = "..."): string =>
  `{ ${key}: ${JSON.stringify(typeof value === "string" && value.length <= 60 ? value : placeholder)} }`;

/** Runs `check` on each item of a list, naming the item's place in a ValidationError (`newMany[2]: ...`). */
export async function eachItem<T, R>(
  items: readonly T[],
  where: string,
  check: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  return Promise.all(
    items.map((item, index) =>
      check(item, index).catch((error: unknown) => {
        throw error instanceof ValidationError ? ValidationError.inList(where, index, error) : error;
      }),
    ),
  );
}

/**
 * An object checked against its schema (a strict object): an unknown key is named with the keys
 * there are, a bad value with its path. `optional` lets `undefined` through as `{}`.
 */
export function parseObject<S extends z.ZodObject>(
  schema: S,
  value: unknown,
  what: string,
  example: string,
  options: { optional?: boolean; noun?: string } = {},
): z.output<S> {
  const given = options.optional ? optionalObject(value, what, example) : value;
  requirePlainObject(given, what, example);
  const allowed = Object.keys(schema.shape);
  const unknown = Object.keys(given).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw ValidationError.unknownOptions(what, unknown, allowed, options.noun ?? "key");
  const parsed = schema.safeParse(given);
  if (!parsed.success) throw ValidationError.fromZod(what, parsed.error);
  return parsed.data;
}

/** An options object (absent is `{}`) checked against its schema. */
export const parseOptions = <S extends z.ZodObject>(schema: S, value: unknown, what: string, example: string) =>
  parseObject(schema, value, what, example, { optional: true, noun: "option" });
