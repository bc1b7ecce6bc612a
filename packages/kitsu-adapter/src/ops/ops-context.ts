import type { TrackerRules } from "@gadget/core/adapter";
import type { KitsuClient } from "../transport/client.js";
import type { ReferenceCache } from "./reference.js";

/** What every operation needs: the session's client, its reference cache and the rules it enforces. */
export interface OpsContext {
  client: KitsuClient;
  ref: ReferenceCache;
  rules: TrackerRules;
}
