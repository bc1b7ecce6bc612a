import type { AuthOptions } from "../config/auth-options.js";
import type { TrackerConfig } from "../config/tracker-config.js";
import type { TrackerAdapter } from "./contract.js";
import type { RequestLogger } from "./request-log.js";

/** What core's registry hands an adapter besides its config: the logger and the auth callbacks. */
export interface AdapterOptions extends Pick<AuthOptions, "onOtp" | "onTokens"> {
  /**
   * Receives one line per request the adapter makes (and per retry, token refresh and event-stream
   * change); see RequestLogger. `Tracker.fromEnv` passes its `logger` option, or a stderr logger when
   * `GADGET_DEBUG=1` or `DEBUG` names a `gadget:` namespace.
   *
   * @default undefined (nothing is logged)
   * @example
   * { logger: { debug: (line) => process.stderr.write(`${line}\n`) } }
   */
  logger?: RequestLogger;
}

/**
 * What an adapter package exports for core's registry: `TRACKER_TYPE=kitsu` loads
 * `@gadget/kitsu-adapter` on demand and calls its `createAdapter` with the validated config.
 */
export interface AdapterModule<C extends TrackerConfig = TrackerConfig> {
  /** Connects to the tracker the validated config describes (a bad password fails here). */
  createAdapter(config: C, options?: AdapterOptions): Promise<TrackerAdapter>;
}
