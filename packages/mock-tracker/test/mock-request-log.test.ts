import { type Id, type RequestLogFields, Tracker } from "@gadget/core";
import { describe, expect, it, vi } from "vitest";
import { MockTracker } from "../src/index.js";

function capture() {
  const lines: string[] = [];
  const fields: RequestLogFields[] = [];
  return {
    lines,
    fields,
    logger: {
      debug(line: string, f: RequestLogFields) {
        lines.push(line);
        fields.push(f);
      },
    },
  };
}

describe("the mock tracker's request log", () => {
  it("logs each adapter call as the Kitsu adapter logs a request: the operation, the kind, the outcome", async () => {
    const log = capture();
    const tracker = new MockTracker({ seed: 3, logger: log.logger });
    const project = await tracker.create("project", { name: "Bunny", productionType: "short" });
    await tracker.query("project", { name: "Bunny" });
    await tracker.addTeamMember(project.id, (await tracker.create("person", { firstName: "A", lastName: "B" })).id);
    expect(log.fields).toEqual([
      {
        type: "request",
        namespace: "gadget:mock",
        method: "create",
        route: "project",
        status: "ok",
        ms: expect.any(Number),
        attempt: 1,
      },
      {
        type: "request",
        namespace: "gadget:mock",
        method: "query",
        route: "project",
        status: "ok",
        ms: expect.any(Number),
        attempt: 1,
      },
      expect.objectContaining({ method: "create", route: "person" }),
      expect.objectContaining({ method: "addTeamMember", route: "project", status: "ok" }),
    ]);
    expect(log.lines[1]).toMatch(/^gadget:mock query project ok \d+ms attempt=1$/);
  });

  it("a failed call logs the error's code, an injected fault included", async () => {
    const log = capture();
    const tracker = new MockTracker({ seed: 3, logger: log.logger });
    tracker.faults.failNext("query", 1, "server");
    await expect(tracker.query("shot", {})).rejects.toThrow();
    await expect(tracker.get("shot", "1c1e5a3e-6f0b-4c55-9d2c-3f1f4a1b2c3d" as Id)).rejects.toThrow();
    expect(log.lines).toEqual([
      expect.stringMatching(/^gadget:mock query shot SERVER \d+ms attempt=1$/),
      expect.stringMatching(/^gadget:mock get shot NOT_FOUND \d+ms attempt=1$/),
    ]);
  });

  it("GADGET_DEBUG=1 on TRACKER_TYPE=mock logs the session's calls, not the seed's, on stderr", async () => {
    let stderr = "";
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      const tracker = await Tracker.fromEnv({
        env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", GADGET_DEBUG: "1" },
        envFile: false,
      });
      await tracker.projects.all();
      await tracker.close();
    } finally {
      spy.mockRestore();
    }
    expect(stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^\S+Z gadget:mock query project ok \d+ms attempt=1$/),
    ]);
  });
});
