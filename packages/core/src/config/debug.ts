import type { RequestLogger } from "../adapter/request-log.js";
import { ConfigError } from "../errors.js";

/*
 * The request-log switch: `GADGET_DEBUG=1`, or the `debug` package's convention, `DEBUG=gadget*`,
 * `DEBUG=gadget:kitsu,-gadget:mock`. The matcher below follows debug 4.4's rules (comma- or
 * space-separated names, `*` matching anything, a leading `-` excluding, exclusions first) rather
 * than using the package: debug keeps one process-wide list read from `process.env.DEBUG`, while a
 * session here reads the variables it is given (`options.env`) and two sessions may log differently.
 */

/** Every namespace Gadget logs under starts with this. */
const ALL = "gadget:*";

const on = ["1", "true", "yes", "on"];
const off = ["0", "false", "no", "off"];

/** A namespace pattern as a regex: `*` matches any run of characters, the rest literally. */
const patternRegex = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );

/**
 * Which namespaces a `DEBUG`-style list turns on, or undefined when it turns none on.
 *
 * @example
 * debugMatcher("gadget*,-gadget:mock")?.("gadget:kitsu") // true
 */
export function debugMatcher(list: string): ((namespace: string) => boolean) | undefined {
  const names: RegExp[] = [];
  const skips: RegExp[] = [];
  for (const item of list
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)) {
    if (item.startsWith("-")) skips.push(patternRegex(item.slice(1)));
    else names.push(patternRegex(item));
  }
  if (names.length === 0) return undefined;
  return (namespace) => !skips.some((r) => r.test(namespace)) && names.some((r) => r.test(namespace));
}

/**
 * The namespaces `GADGET_DEBUG` and `DEBUG` turn on, or undefined when they turn on none of the
 * adapter's: an adapter logs under `gadget:<type>` and `gadget:<type>:events` (`gadget:kitsu`,
 * `gadget:kitsu:events`, `gadget:mock`), so `DEBUG=express:*` costs a session nothing.
 * `GADGET_DEBUG` is `1` (every `gadget:` namespace) or `0`; anything else is a ConfigError naming the fix.
 */
export function readDebug(
  read: (name: string) => string | undefined,
  type: string,
): ((namespace: string) => boolean) | undefined {
  const gadget = read("GADGET_DEBUG");
  const flag = gadget?.toLowerCase();
  if (flag !== undefined && !on.includes(flag) && !off.includes(flag)) {
    throw ConfigError.invalidVariable(
      "GADGET_DEBUG",
      `"${gadget}" is neither 1 nor 0`,
      "Set GADGET_DEBUG=1 to log every request on stderr, or pick namespaces with DEBUG=gadget:kitsu",
    );
  }
  const list = [flag !== undefined && on.includes(flag) ? ALL : "", read("DEBUG") ?? ""].join(",");
  const enabled = debugMatcher(list);
  return enabled && [`gadget:${type}`, `gadget:${type}:events`].some(enabled) ? enabled : undefined;
}

/**
 * The logger `GADGET_DEBUG`/`DEBUG` turn on: the lines of the enabled namespaces on stderr (never
 * stdout, which scripts pipe), each after an ISO timestamp as `debug` writes when stderr is not a
 * terminal. `write` replaces stderr (tests).
 *
 * @example
 * const logger = stderrLogger(() => true); // every line, e.g. for a CLI's --verbose
 * @example
 * const logger = stderrLogger(debugMatcher("gadget:kitsu*") ?? (() => false));
 */
export function stderrLogger(
  enabled: (namespace: string) => boolean,
  write: (text: string) => void = (text) => process.stderr.write(text),
): RequestLogger {
  return {
    debug(line, fields) {
      if (enabled(fields.namespace)) write(`${new Date().toISOString()} ${line}\n`);
    },
  };
}
