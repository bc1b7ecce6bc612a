import { z } from "zod";
import { ValidationError } from "../errors.js";

/*
 * Options of a tracker session that are not about reaching the tracker: how long what it read
 * serves later lookups. `Tracker.fromEnv(options)`, `Project.fromEnv(options)` and
 * `Tracker.connect(adapter, options)` take them.
 */

/**
 * A minute: a TD's script that reads a shot twice within a minute is not slowed by a second request,
 * and a daemon or a long-lived DCC session never acts on a record more than a minute old, about the
 * time an artist takes to notice a change in Kitsu's web UI. Event listeners refresh sooner.
 */
export const defaultCacheTtl = 60;

/** What the options are checked against; `satisfies` keeps it and the documented interface below in step. */
export const sessionOptionsSchema = z.object({
  // z.number() refuses Infinity, which is a meaningful ttl here.
  cacheTtl: z.union([z.number().min(0), z.literal(Number.POSITIVE_INFINITY)]).optional(),
}) satisfies z.ZodType<SessionOptions>;

/** Options of a session (`Tracker.fromEnv`, `Project.fromEnv`, `Tracker.connect`) about what it keeps. */
export interface SessionOptions {
  /**
   * Seconds a record read from the tracker answers later lookups (`get({ name })`, relations,
   * `tracker.load`) without a request. Past it, the next lookup asks the tracker again, into the
   * same object. It bounds how old the data a long-running session serves can be when nothing
   * listens to the tracker's events (a listener, `project.on(...)`, refreshes changed records at
   * once). The adapter's own caches (Kitsu's task types, statuses, departments) are dropped on the
   * same clock. `0` asks every time; `Infinity` keeps records until `tracker.clearCache()` or an
   * event. Collections (`all()`, `filter()`, `iterate()`) always ask the tracker.
   *
   * @default 60
   * @example
   * const tracker = await Tracker.fromEnv({ cacheTtl: 300 }); // a nightly report: 5 minutes is fine
   */
  cacheTtl?: number;
}

/** The options, checked: a bad value is a ValidationError naming the option and the fix. */
export function readSessionOptions(options: SessionOptions): Required<SessionOptions> {
  const parsed = sessionOptionsSchema.safeParse({ cacheTtl: options.cacheTtl });
  if (!parsed.success) {
    throw ValidationError.invalidOption("cacheTtl", options.cacheTtl, "a number of seconds, 0 or more, or Infinity");
  }
  return { cacheTtl: parsed.data.cacheTtl ?? defaultCacheTtl };
}
