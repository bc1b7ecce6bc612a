import { z } from "zod";
import { ConfigError } from "../errors.js";

/*
 * `TRACKER_CACHE_TTL`: the session's cacheTtl from the environment, so that a deployment (a farm
 * job, a daemon) bounds how old the data its scripts act on may be without editing them. The
 * `cacheTtl` option given in code wins over it.
 */

/** Seconds, 0 or more (decimals allowed), or `Infinity`. */
export const cacheTtlVariableSchema = z.union([
  z.literal("Infinity").transform(() => Number.POSITIVE_INFINITY),
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, "expected a number of seconds, 0 or more, or Infinity")
    .transform(Number),
]);

/** The value of `TRACKER_CACHE_TTL` (already trimmed, undefined when unset or blank), in seconds. */
export function readCacheTtlVariable(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = cacheTtlVariableSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw ConfigError.invalidVariable(
    "TRACKER_CACHE_TTL",
    `"${value}" is not a number of seconds`,
    "Set it to seconds, 0 or more (TRACKER_CACHE_TTL=300), or Infinity; unset, a session keeps what it read for 60 s",
  );
}
