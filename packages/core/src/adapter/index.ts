/*
 * @gadget/core/adapter for adapter authors: the contract an adapter implements, the record schemas
 * it speaks, the kind and rule tables, the shared checks that keep every backend's rules and
 * messages the same, event records, and the errors to throw. Tool writers use `@gadget/core`.
 */
export {
  type AuthOptions,
  type OtpMethod,
  type OtpPrompt,
  type OtpRequest,
  otpMethods,
  type SessionTokens,
  sessionTokensSchema,
} from "../config/auth-options.js";
export { debugMatcher, stderrLogger } from "../config/debug.js";
export { type EnvSettings, readEnvSettings } from "../config/env.js";
export { type AdapterModules, knownTrackerTypes, loadAdapter } from "../config/registry.js";
export * from "../config/tracker-config.js";
export * from "../errors.js";
export { eventKindOf, kindOfEventKind, splitEventName } from "../events/vocabulary.js";
export { getId, type IdLike } from "../ids.js";
export * from "../schema/index.js";
export type { CloseOptions } from "../session/close-options.js";
export * from "./capabilities.js";
export * from "./comment-as-check.js";
export * from "./contract.js";
export * from "./custom-action-ops.js";
export * from "./event-record.js";
export * from "./factory.js";
export * from "./field-check.js";
export * from "./file-check.js";
export * from "./files.js";
export * from "./filter-check.js";
export * from "./http-errors.js";
export * from "./id-check.js";
export * from "./main-preview-automation.js";
export * from "./parent-check.js";
export * from "./preview-variants.js";
export * from "./raw-fetch.js";
export * from "./remove-check.js";
export * from "./request-log.js";
export * from "./save-download.js";
export * from "./time-spent-check.js";
export * from "./unique-check.js";
