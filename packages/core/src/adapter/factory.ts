import type { TrackerConfig } from "../config/tracker-config.js";
import type { TrackerAdapter } from "./contract.js";

/**
 * What an adapter package exports for core's registry: `TRACKER_TYPE=kitsu` loads
 * `@gadget/kitsu-adapter` on demand and calls its `createAdapter` with the validated config.
 */
export interface AdapterModule<C extends TrackerConfig = TrackerConfig> {
  /** Connects to the tracker the validated config describes (a bad password fails here). */
  createAdapter(config: C): Promise<TrackerAdapter>;
}
