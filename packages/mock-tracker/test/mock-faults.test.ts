import { NetworkError, RateLimitError, ServerError, TimeoutError } from "@gadget/core";
import { describe, expect, it } from "vitest";
import { smallStudio } from "./helpers.js";

describe("fault injection", () => {
  it("failNext fails the next calls of one operation with the chosen error, then recovers", async () => {
    const { tracker, sh010 } = await smallStudio();
    tracker.faults.failNext("get", 2, "network");
    await expect(tracker.get("shot", sh010.id)).rejects.toThrow(NetworkError);
    await expect(tracker.get("shot", sh010.id)).rejects.toThrow(NetworkError);
    await expect(tracker.get("shot", sh010.id)).resolves.toMatchObject({ id: sh010.id });
  });

  it("maps each kind to its error class and writes nothing when failing", async () => {
    const { tracker, project } = await smallStudio();
    const cases = [
      ["server", ServerError],
      ["rateLimit", RateLimitError],
      ["timeout", TimeoutError],
    ] as const;
    for (const [kind, type] of cases) {
      tracker.faults.failNext("create", 1, kind);
      await expect(tracker.create("sequence", { name: `sq-${kind}`, projectId: project.id })).rejects.toThrow(type);
    }
    expect((await tracker.query("sequence", { projectId: project.id })).items).toHaveLength(1);
  });

  it("failRatio is reproducible with a seed, and clear() removes it", async () => {
    const run = async () => {
      const { tracker, sh010 } = await smallStudio();
      tracker.faults.failRatio("get", 0.5, "server", 99);
      const outcomes: boolean[] = [];
      for (let i = 0; i < 20; i++)
        outcomes.push(
          await tracker.get("shot", sh010.id).then(
            () => true,
            () => false,
          ),
        );
      tracker.faults.clear();
      await expect(tracker.get("shot", sh010.id)).resolves.toBeDefined();
      return outcomes;
    };
    const a = await run();
    expect(a).toContain(true);
    expect(a).toContain(false);
    expect(await run()).toEqual(a);
  });

  it("latency delays an operation without changing its result", async () => {
    const { tracker, sh010 } = await smallStudio();
    tracker.faults.latency("*", 5);
    let done = false;
    const pending = tracker.get("shot", sh010.id).then((r) => {
      done = true;
      return r;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    expect((await pending).id).toBe(sh010.id);
  });

  it("refuses a nonsensical fault", async () => {
    const { tracker } = await smallStudio();
    expect(() => tracker.faults.failRatio("get", 2)).toThrow(/ratio/);
    expect(() => tracker.faults.failNext("get", 0)).toThrow(/count/);
  });
});
