import { AuthError, type RawClient, type RawTransport, rawClient, type TrackerAdapter } from "@gadget/core/adapter";
import type { Studio } from "./studio/studio.js";

/** Why a bare mock cannot act as anyone, and the fix. */
export const noSessionPerson =
  "a bare mock tracker has no person to act as: set `tracker.studio.sessionPersonId` to a person's id, or start the mock without `bare`";

/**
 * `MockTracker.raw`: Kitsu's API paths answered in process by the Kitsu-compatible server's routes
 * over the mock's store, as the session's person. The routes load on the first request, so a mock
 * that never uses `raw` never loads them.
 */
export function mockRaw(tracker: TrackerAdapter, studio: Studio): RawClient {
  let client: Promise<RawTransport> | undefined;
  const load = () => {
    client ??= import("./kitsu-server/in-process.js").then(({ inProcessRaw }) =>
      inProcessRaw(tracker, async () => {
        const personId = studio.sessionPerson();
        if (!personId) {
          throw AuthError.rejected(noSessionPerson);
        }
        return { personId, role: studio.require("person", personId).role };
      }),
    );
    return client;
  };
  return rawClient({
    get: async (path, options) => (await load()).get(path, options),
    post: async (path, body) => (await load()).post(path, body),
    put: async (path, body) => (await load()).put(path, body),
    delete: async (path, body) => (await load()).delete(path, body),
    stream: async (path, options) => (await load()).stream(path, options),
  });
}
