import { isTrackerError, type RequestLogger, requestLog, type TrackerAdapter } from "@gadget/core/adapter";
import type { FaultOperation } from "./faults.js";

/*
 * The mock tracker's request log: one line per adapter call, in the format the Kitsu adapter logs
 * HTTP requests in, the operation as the method and the kind as the route
 * (`gadget:mock query shot ok 1ms attempt=1`), so that a script shows the same kind of trace on the
 * mock as on Kitsu.
 */

/** Operations whose first argument is the kind. */
const kindFirst = new Set<FaultOperation>([
  "query",
  "get",
  "getMany",
  "create",
  "createMany",
  "update",
  "remove",
  "queryWithTasks",
]);

/** The kind the other operations are about. `subscribe` and `close` are left out: on Kitsu they send no request either. */
const kindOf: Partial<Record<FaultOperation, string>> = {
  comment: "comment",
  publish: "comment",
  addPreview: "preview",
  setMainPreview: "preview",
  downloadPreview: "preview",
  addAttachments: "attachment",
  downloadAttachment: "attachment",
  getCasting: "casting",
  setCasting: "casting",
  castIn: "casting",
  assign: "task",
  unassign: "task",
  setTimeSpent: "timeSpent",
  addTimeSpent: "timeSpent",
  addPlaylistEntries: "playlist",
  removePlaylistEntries: "playlist",
  addTeamMember: "project",
  removeTeamMember: "project",
  addToProject: "project",
  search: "search",
  eventsSince: "event",
};

type Operation = (...args: unknown[]) => Promise<unknown>;

/**
 * Makes `tracker`'s adapter calls log through `logger`: each operation is replaced, on this object
 * only, by one that times the call and logs its outcome (`ok` or the error's code).
 */
export function logCalls(tracker: TrackerAdapter, logger: RequestLogger): void {
  const log = requestLog(logger);
  if (!log) return;
  const target = tracker as unknown as Record<string, unknown>;
  const operations = [...kindFirst, ...(Object.keys(kindOf) as FaultOperation[])];
  for (const operation of operations) {
    const original = target[operation];
    if (typeof original !== "function") continue;
    const call = original.bind(tracker) as Operation;
    target[operation] = async (...args: unknown[]) => {
      const start = performance.now();
      let status = "ok";
      try {
        return await call(...args);
      } catch (error) {
        status = isTrackerError(error) ? error.code : "error";
        throw error;
      } finally {
        const route = kindFirst.has(operation) ? String(args[0]) : (kindOf[operation] ?? operation);
        log({
          type: "request",
          namespace: "gadget:mock",
          method: operation,
          route,
          status,
          ms: performance.now() - start,
          attempt: 1,
        });
      }
    };
  }
}
