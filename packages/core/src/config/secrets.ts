import type { TrackerConfig } from "./tracker-config.js";

/*
 * A config carries the password or bot token that opens a session. Printing or serializing the
 * config (console.log(tracker.config), JSON.stringify, a logger's util.inspect at any depth) must
 * never show them, while the adapter still reads `config.password` as usual.
 */

/** The fields of a config that are secrets. */
export const secretFields = ["password", "token", "otp", "tokens"] as const;

/**
 * A copy of `config` whose secrets are non-enumerable getters: `config.password` still reads, but
 * JSON.stringify, util.inspect (even `showHidden` shows only `[Getter]`) and spreads leave them out.
 */
export function hideSecrets<C extends TrackerConfig>(config: C): C {
  const copy = { ...config };
  for (const field of secretFields) {
    // Read from `config`: a spread leaves out the getters of a config already hidden.
    const value = (config as Record<string, unknown>)[field];
    if (value === undefined) continue;
    delete (copy as Record<string, unknown>)[field];
    Object.defineProperty(copy, field, { get: () => value, enumerable: false, configurable: false });
  }
  return copy;
}
