import { describe, expect, test } from "vitest";
import { AuthError, ConfigError, isTrackerError, NotFoundError, TrackerError, ValidationError } from "../src/errors.js";

describe("errors", () => {
  test("every error is a TrackerError with a code and its class name", () => {
    const e = NotFoundError.entity("shot", "1234");
    expect(e).toBeInstanceOf(TrackerError);
    expect(e.code).toBe("NOT_FOUND");
    expect(e.name).toBe("NotFoundError");
    expect(e.message).toContain("shot");
  });

  test("isTrackerError recognises errors from another copy of the package by brand", () => {
    const foreign = { [Symbol.for("@gadget/core/TrackerError")]: true, code: "AUTH", message: "x" };
    expect(isTrackerError(foreign)).toBe(true);
    expect(isTrackerError(new Error("x"))).toBe(false);
    expect(isTrackerError(ConfigError.missingVariable("TRACKER_URL", "Set it."))).toBe(true);
  });

  test("messages never carry a token", () => {
    const e = AuthError.rejected("bad header Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc password=hunter2");
    expect(e.message).not.toContain("eyJ");
    expect(e.message).not.toContain("hunter2");
  });

  test("a ValidationError lists the unknown keys and the allowed ones", () => {
    const e = ValidationError.unknownKeys("shot", ["nme"], ["name", "frameIn"]);
    expect(e.issues).toEqual([{ path: ["nme"], message: "unknown key" }]);
    expect(e.message).toContain('"nme"');
    expect(e.message).toContain("name, frameIn");
  });
});
