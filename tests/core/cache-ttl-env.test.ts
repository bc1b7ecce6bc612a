import { ConfigError, Project } from "@gadget/core";
import * as mockModule from "@gadget/mock-tracker";
import { describe, expect, test } from "vitest";

/* TRACKER_CACHE_TTL sets a session's cacheTtl from the environment; the option in code wins. */

const open = (vars: Record<string, string>, cacheTtl?: number) =>
  Project.fromEnv({
    env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: "Bunny Escape", ...vars },
    envFile: false,
    modules: { mock: mockModule },
    ...(cacheTtl === undefined ? {} : { cacheTtl }),
  });

/** Whether a second lookup by name sees a change made on the tracker after the first. */
async function seesChange(project: Project): Promise<boolean> {
  const sequence = await project.sequences.get({ name: "sq010" });
  await project.tracker.adapter.update("sequence", sequence.id, { description: "changed elsewhere" });
  const again = await project.sequences.get({ name: "sq010" });
  return again.description === "changed elsewhere";
}

describe("TRACKER_CACHE_TTL", () => {
  test("0 makes every lookup ask the tracker; Infinity keeps what was read", async () => {
    expect(await seesChange(await open({ TRACKER_CACHE_TTL: "0" }))).toBe(true);
    expect(await seesChange(await open({ TRACKER_CACHE_TTL: "Infinity" }))).toBe(false);
    expect(await seesChange(await open({ TRACKER_CACHE_TTL: " 2.5 " }))).toBe(false);
  });

  test("the cacheTtl option given in code wins over the variable", async () => {
    expect(await seesChange(await open({ TRACKER_CACHE_TTL: "Infinity" }, 0))).toBe(true);
  });

  test("a value that is not seconds is a ConfigError naming the variable and the fix", async () => {
    for (const value of ["-1", "1m", "abc", "1e3"]) {
      const error = await open({ TRACKER_CACHE_TTL: value }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain("TRACKER_CACHE_TTL");
      expect((error as Error).message).toContain("Infinity");
    }
  });
});
