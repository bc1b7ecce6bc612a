import { ValidationError } from "@gadget/core";
import { describe, expect, test } from "vitest";
import { demoTracker } from "../src/index.js";

/* Custom data with a BigInt or a cycle was stored, then broke every later query and snapshot(). */

describe("the mock tracker stores JSON custom data only", () => {
  test("a BigInt or a circular value is refused by name, and queries and snapshot() still work", async () => {
    const tracker = demoTracker();
    const [sequence] = (await tracker.query("sequence", { name: "sq010" })).items;
    if (!sequence) throw new Error("the demo has sq010");
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const customData of [{ budget: 10n }, { cam: circular }]) {
      const attempt = tracker.create("shot", {
        name: "sh999",
        projectId: sequence.projectId,
        sequenceId: sequence.id,
        customData,
      });
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toThrow(/customData\.(budget|cam\.self)/);
    }
    expect((await tracker.query("shot", { name: "sh999" })).items).toEqual([]);
    expect(() => JSON.stringify(tracker.snapshot())).not.toThrow();
  });
});
