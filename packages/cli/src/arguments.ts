import { InvalidArgumentError } from "commander";

/*
 * Parsers of option values; commander reports what they throw as a usage error naming the option.
 */

/** A whole number of 1 or more (`--count 3`). */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number of 1 or more, got "${value}"`);
  return n;
}

/** A JSON document (`--data '{"name":"x"}'`). */
export function jsonValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new InvalidArgumentError(`expected JSON: ${(error as Error).message}`);
  }
}

/** Methods of the tracker's raw client. */
export const rawMethods = ["GET", "POST", "PUT", "DELETE"] as const;
export type RawMethod = (typeof rawMethods)[number];

/** An HTTP method of the raw client, in any case (`get`, `GET`). */
export function rawMethod(value: string): RawMethod {
  const method = rawMethods.find((m) => m === value.toUpperCase());
  if (!method) throw new InvalidArgumentError(`expected one of ${rawMethods.join(", ")}, got "${value}"`);
  return method;
}
