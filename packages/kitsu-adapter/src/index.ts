import type { KitsuConfig, TrackerAdapter } from "@gadget/core/adapter";
import { KitsuAdapter } from "./adapter.js";
import type { KitsuSessionOptions } from "./options.js";

/*
 * @gadget/kitsu-adapter: what `TRACKER_TYPE=kitsu` loads (`createAdapter`), the adapter class for
 * tools that build a session by hand (`Tracker.connect(new KitsuAdapter(...))`), and its options.
 * The transport, codec and event stream are internals.
 */
export { KitsuAdapter } from "./adapter.js";
export type { KitsuAdapterOptions, KitsuSessionOptions, KitsuTransportOptions } from "./options.js";
export type { RetryMethod, RetryOptions, RetryState } from "./transport/retry.js";

/**
 * core's AdapterModule entry: `TRACKER_TYPE=kitsu` loads this package and calls it with the
 * validated config. Credentials are checked here, so a wrong password fails at connect time.
 */
export async function createAdapter(config: KitsuConfig, options: KitsuSessionOptions = {}): Promise<TrackerAdapter> {
  return new KitsuAdapter({ ...options, config }).connect();
}
