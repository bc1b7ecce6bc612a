import { expect } from "vitest";
import { type ErrorCode, isTrackerError, type TrackerError } from "../../errors.js";

/**
 * Awaits `action` and checks it fails with a Gadget error of `code` (NOT_FOUND, CONFLICT, ...).
 * The code is compared rather than the class so that an adapter built against another copy of
 * @gadget/core still passes.
 */
export async function expectTrackerError(action: Promise<unknown>, code: ErrorCode): Promise<TrackerError> {
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await action };
  } catch (error) {
    outcome = { ok: false, error };
  }
  if (outcome.ok) {
    expect.fail(`expected a ${code} error, but the call succeeded with ${JSON.stringify(outcome.value)}`);
  }
  const { error } = outcome;
  if (!isTrackerError(error)) {
    expect.fail(`expected a ${code} TrackerError, but got ${error instanceof Error ? error.stack : String(error)}`);
  }
  expect(error.code, error.message).toBe(code);
  return error;
}
