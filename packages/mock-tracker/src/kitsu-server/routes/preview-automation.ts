import { zou } from "../zou-errors.js";
import type { Row } from "./helpers.js";

/*
 * A project's `is_set_preview_automated` as Zou's crud takes it (checked on Zou 1.0.67): a boolean
 * column, so true/false, and null (kept by Zou, read as off); a string is refused with the
 * database's "invalid format". The tracker applies the setting itself (the mock's previews).
 */

/** The `mainPreviewAutomated` patch a create or update body asks for, or nothing when it names none. */
export function previewAutomationOf(body: Row): { mainPreviewAutomated?: boolean } {
  const value = body.is_set_preview_automated;
  if (value === undefined) return {};
  if (value === null || typeof value === "boolean") return { mainPreviewAutomated: value === true };
  throw zou.integrity("One of the provided values has an invalid format.");
}
