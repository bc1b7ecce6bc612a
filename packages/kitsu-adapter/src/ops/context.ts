import type { KitsuClient } from "../transport/client.js";
import type { ReferenceCache } from "./reference.js";

/** What every operation needs: the session's client and its reference cache. */
export interface OpsContext {
  client: KitsuClient;
  ref: ReferenceCache;
}
