export { encodeEventCursor, type ResumePoint, resumePoint } from "./cursor.js";
export { EventDeduper } from "./dedupe.js";
export { type FetchEventsOptions, fetchEventsSince, historyRecovery } from "./history.js";
export { eventSignature, fromHistoryRow, fromSocketEvent, isZouEventRow, type ZouEventRow } from "./payload.js";
export { KitsuEventStream } from "./stream.js";
export type {
  KitsuEventStreamOptions,
  ReconnectOptions,
  StreamAuth,
} from "./stream-options.js";
