/*
 * @gadget/core for tool writers: sessions, entities, collections, errors and events. What adapter
 * authors need (the contract, record schemas, the kind and rule tables, shared checks) is in
 * `@gadget/core/adapter`; the compliance suite in `@gadget/core/testing`.
 */

export type { BatchProgress } from "./adapter/contract.js";
export type { TransferProgress } from "./adapter/files.js";
export type { PreviewDownloadOptions, PreviewVariant } from "./adapter/preview-variants.js";
export type {
  RefreshLine,
  RequestLine,
  RequestLogFields,
  RequestLogger,
  RetryLine,
  StreamLine,
} from "./adapter/request-log.js";
export type { SavedFile, SaveTo } from "./adapter/save-download.js";
export { Collection, ReadCollection } from "./collections/collection.js";
export { CommentCollection } from "./collections/comment-collection.js";
export type { NewInput } from "./collections/new-input.js";
export type { FieldQuery, Query, RefInput, RelationKeysOf } from "./collections/query.js";
export { TaskCollection } from "./collections/task-collection.js";
export type { AuthOptions, OtpMethod, OtpPrompt, OtpRequest, SessionTokens } from "./config/auth-options.js";
export { stderrLogger } from "./config/debug.js";
export { type FromEnvOptions, readTrackerConfig } from "./config/env.js";
export type { AdapterModules } from "./config/registry.js";
export { defaultCacheTtl, type SessionOptions } from "./config/session-options.js";
export type { KitsuConfig, MockConfig, TrackerConfig, TrackerType } from "./config/tracker-config.js";
export {
  AmbiguousError,
  AuthError,
  type BulkWritten,
  ConfigError,
  ConflictError,
  type ErrorCode,
  isTrackerError,
  NetworkError,
  NotFoundError,
  PartialWriteError,
  PermissionError,
  type PublishWritten,
  RateLimitError,
  type RemoveWritten,
  type RequestInfo,
  ServerError,
  TimeoutError,
  TrackerError,
  UnsupportedError,
  ValidationError,
  type ValidationIssue,
  type WrittenSoFar,
} from "./errors.js";
export type { EventsAccessor, LiveEventsOptions, SinceOptions } from "./events/accessor.js";
export { isEventName, type TrackerEvent } from "./events/tracker-event.js";
export {
  type EventData,
  type EventKind,
  type EventName,
  type SpecificEventData,
  specificEventNames,
} from "./events/vocabulary.js";
export { getId, type IdLike } from "./ids.js";
export * from "./model/index.js";
export type { PublishInput } from "./publish/publish.js";
export type { CastIn, CastingLink } from "./schema/casting.js";
export type { CustomData, DurationInput, Id, IsoDate } from "./schema/common.js";
export type { CustomActionEntityType, CustomActionInput } from "./schema/custom-actions.js";
export type { CreateInput, Kind } from "./schema/kinds.js";
export type { PersonRole } from "./schema/people.js";
export type { AttachmentSummary, ChecklistItem, PlaylistEntry } from "./schema/reviews.js";
export type { TaskEntityKind } from "./schema/tasks.js";
export type { CloseOptions } from "./session/close-options.js";
export { type CustomAction, type CustomActionQuery, CustomActions } from "./session/custom-actions.js";
export { type SearchKind, Tracker, type TrackerSearchOptions } from "./session/tracker.js";
