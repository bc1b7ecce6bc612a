import type { KitsuConfig, TrackerAdapter } from "@gadget/core";
import { KitsuAdapter } from "./adapter.js";
import type { KitsuSessionOptions } from "./options.js";

export { KitsuAdapter } from "./adapter.js";
export { KitsuEventStream } from "./events/index.js";
export type { KitsuAdapterOptions, KitsuSessionOptions, KitsuTransportOptions } from "./options.js";
export { allRouteTemplates, type Route, routes } from "./routes.js";
export { KitsuAuth } from "./transport/auth.js";
export { type ClientStats, KitsuClient, type KitsuClientOptions } from "./transport/client.js";
export type { RetryMethod, RetryOptions, RetryState } from "./transport/retry.js";

/**
 * core's AdapterModule entry: `TRACKER_TYPE=kitsu` loads this package and calls it with the
 * validated config. Credentials are checked here, so a wrong password fails at connect time.
 */
export async function createAdapter(config: KitsuConfig, options: KitsuSessionOptions = {}): Promise<TrackerAdapter> {
  return new KitsuAdapter({ ...options, config }).connect();
}
