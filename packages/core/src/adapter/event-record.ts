import type { Id } from "../schema/common.js";

/**
 * An event as an adapter reports it, named as Kitsu names them (`kind:action`, kind in Kitsu's
 * kebab-case: `shot:new`, `task:status-changed`, `preview-file:add-file`). Core adds `load()`.
 */
export interface EventRecord {
  name: string;
  /** Kitsu's kind (`shot`, `task`, `preview-file`, `time-spent`, ...). */
  kind: string;
  action: string;
  /**
   * Id of the record the event is about: the kind's own id (`preview-file:*` → the preview,
   * `shot:casting-update` → the shot, `task:assign` and `task:status-changed` → the task,
   * `time-spent:new` → the time-spent row).
   */
  id: Id;
  projectId: Id | null;
  at: Date;
  /** The tracker's payload (ids, camelCased keys), e.g. `{ taskId, previousStatusId, statusId }`. */
  data: Record<string, unknown>;
  /** Resume point for `eventsSince`, when the tracker keeps history. */
  cursor: string | null;
}
