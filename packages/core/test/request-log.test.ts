import { describe, expect, it } from "vitest";
import { type RequestLogFields, requestLog } from "../src/adapter/request-log.js";
import { debugMatcher, stderrLogger } from "../src/config/debug.js";
import { readEnvSettings } from "../src/config/env.js";
import { ConfigError } from "../src/errors.js";

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJl";

function collect() {
  const lines: string[] = [];
  const fields: RequestLogFields[] = [];
  const log = requestLog({
    debug: (line, f) => {
      lines.push(line);
      fields.push(f);
    },
  });
  return { lines, fields, log: log! };
}

describe("requestLog", () => {
  it("writes one line per kind of fields, durations in whole milliseconds", () => {
    const { lines, log } = collect();
    const base = { namespace: "gadget:kitsu", method: "GET", route: "data/shots/:id" };
    log({ ...base, type: "request", status: 200, ms: 12.4, attempt: 1, receivedBytes: 1830 });
    log({ ...base, type: "request", status: "ECONNRESET", ms: 3, attempt: 2, sentBytes: 59 });
    log({ ...base, type: "retry", attempt: 2, reason: "503", waitedMs: 211.6 });
    log({ ...base, type: "refresh", reason: "401" });
    log({
      type: "stream",
      namespace: "gadget:kitsu:events",
      action: "disconnected",
      url: "http://kitsu/events",
      reason: "transport close",
      waitMs: 180.2,
    });
    expect(lines).toEqual([
      "gadget:kitsu GET data/shots/:id 200 12ms attempt=1 received=1830B",
      "gadget:kitsu GET data/shots/:id ECONNRESET 3ms attempt=2 sent=59B",
      "gadget:kitsu retry GET data/shots/:id attempt=2 reason=503 waited=212ms",
      "gadget:kitsu refresh-token GET data/shots/:id reason=401",
      'gadget:kitsu:events disconnected http://kitsu/events reason="transport close" wait=180ms',
    ]);
  });

  it("redacts a token an adapter let into any value, in the line and in the fields", () => {
    const { lines, fields, log } = collect();
    log({
      type: "retry",
      namespace: "gadget:kitsu",
      method: "GET",
      route: `data/x?access_token=${TOKEN}`,
      attempt: 2,
      reason: `Bearer ${TOKEN}`,
      waitedMs: 1,
    });
    expect(JSON.stringify([lines, fields])).not.toContain(TOKEN);
    expect(lines[0]).toContain("<redacted");
  });

  it("a logger that throws does not break the caller", () => {
    const log = requestLog({
      debug: () => {
        throw new Error("disk full");
      },
    });
    expect(() =>
      log?.({ type: "refresh", namespace: "gadget:kitsu", method: "GET", route: "x", reason: "401" }),
    ).not.toThrow();
  });

  it("is undefined without a logger, so adapters build no fields", () => {
    expect(requestLog(undefined)).toBeUndefined();
  });
});

describe("debugMatcher: the debug package's DEBUG rules", () => {
  it.each([
    ["gadget*", "gadget:kitsu", true],
    ["gadget*", "gadget:kitsu:events", true],
    ["gadget:kitsu", "gadget:kitsu:events", false],
    ["gadget:kitsu*", "gadget:kitsu:events", true],
    ["gadget:*,-gadget:mock", "gadget:mock", false],
    ["gadget:* -gadget:mock", "gadget:kitsu", true],
    ["*", "gadget:mock", true],
    ["express:*", "gadget:kitsu", false],
  ])("DEBUG=%s → %s is %s", (list, namespace, on) => {
    expect(debugMatcher(list)?.(namespace) ?? false).toBe(on);
  });

  it("turns nothing on for an empty list or exclusions only", () => {
    expect(debugMatcher("")).toBeUndefined();
    expect(debugMatcher("-gadget:mock")).toBeUndefined();
  });
});

describe("readEnvSettings: the request-log switch", () => {
  const settings = (vars: Record<string, string>, logger?: { debug(): void }) =>
    readEnvSettings({ env: { TRACKER_TYPE: "mock", ...vars }, envFile: false, logger });

  it("no logger unless GADGET_DEBUG or DEBUG turns one on", () => {
    expect(settings({}).logger).toBeUndefined();
    expect(settings({ GADGET_DEBUG: "0" }).logger).toBeUndefined();
    expect(settings({ DEBUG: "express:*" }).logger).toBeUndefined();
    expect(settings({ GADGET_DEBUG: "1" }).logger).toBeDefined();
    expect(settings({ DEBUG: "gadget:mock" }).logger).toBeDefined();
    expect(settings({ DEBUG: "gadget:kitsu" }).logger).toBeUndefined();
  });

  it("a GADGET_DEBUG that is neither 1 nor 0 is a ConfigError naming it and the fix", () => {
    let error: unknown;
    try {
      settings({ GADGET_DEBUG: "verbose" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe("GADGET_DEBUG");
    expect((error as Error).message).toContain("GADGET_DEBUG=1");
  });

  it("the logger option wins over the variables", () => {
    const mine = { debug() {} };
    expect(settings({ GADGET_DEBUG: "1" }, mine).logger).toBe(mine);
  });
});

describe("stderrLogger", () => {
  it("writes the lines of the enabled namespaces after a timestamp", () => {
    const written: string[] = [];
    const logger = stderrLogger(debugMatcher("gadget:kitsu")!, (text) => written.push(text));
    const line = { namespace: "gadget:kitsu", type: "refresh", method: "GET", route: "x", reason: "401" } as const;
    logger.debug("gadget:kitsu refresh-token GET x reason=401", line);
    logger.debug("gadget:mock …", { ...line, namespace: "gadget:mock" });
    expect(written).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z gadget:kitsu refresh-token GET x reason=401\n$/),
    ]);
  });
});
