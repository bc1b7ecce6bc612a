import {
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "@gadget/core";
import { afterEach, describe, expect, it } from "vitest";
import type { KitsuTransportOptions } from "../src/options.js";
import { KitsuClient } from "../src/transport/client.js";
import type { RetryOptions } from "../src/transport/retry.js";
import { type Fixture, json, startFixture } from "./http-fixture.js";

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** A bot session on the fixture; backoff waits of at most 5 ms. */
const client = (extra: Omit<KitsuTransportOptions, "retry"> = {}, retry: RetryOptions = {}) =>
  new KitsuClient({
    url: `${fixture!.url}/api`,
    credentials: { token: "bot-token" },
    retry: { backoffLimit: 5, ...retry },
    ...extra,
  });

/** Answers `failures` times with `status`, then 200. */
async function flaky(status: number, failures: number, headers: Record<string, string> = {}) {
  let left = failures;
  fixture = await startFixture((_req, res) => {
    if (left-- > 0) return json(res, status, { error: true, message: "busy" }, headers);
    return json(res, 200, { ok: true });
  });
}

describe("KitsuClient retries", () => {
  it.each([502, 503, 504])("retries a GET after %i and returns the answer", async (status) => {
    await flaky(status, 2);
    const c = client();
    await expect(c.raw.get("data/projects")).resolves.toEqual({ ok: true });
    expect(c.stats.requests).toBe(3);
  });

  it("honours Retry-After on 429", async () => {
    await flaky(429, 1, { "retry-after": "0" });
    const c = client();
    await expect(c.raw.put("data/tasks/x", {})).resolves.toEqual({ ok: true });
    expect(c.stats.retries).toBe(1);
  });

  it("gives up with RateLimitError carrying Retry-After once retries run out", async () => {
    await flaky(429, 10, { "retry-after": "0" });
    const error = await client({}, { limit: 1 })
      .raw.get("data/projects")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(0);
    expect((error as RateLimitError).request?.status).toBe(429);
  });

  it("never replays a creating POST blindly", async () => {
    await flaky(503, 1);
    const c = client();
    await expect(c.raw.post("data/projects", { name: "X" })).rejects.toBeInstanceOf(ServerError);
    expect(fixture!.seen).toEqual(["POST /api/data/projects"]);
  });

  it("a POST with a read-back looks first and returns what landed instead of posting again", async () => {
    await flaky(503, 1);
    const c = client();
    let looked = 0;
    const result = await c.request({
      method: "POST",
      path: "data/projects",
      json: { name: "X" },
      readBack: async () => {
        looked++;
        return { id: "already-there" };
      },
    });
    expect(result).toEqual({ id: "already-there" });
    expect(looked).toBe(1);
    expect(fixture!.seen).toEqual(["POST /api/data/projects"]);
  });

  it("a POST with a read-back that finds nothing is sent again", async () => {
    await flaky(503, 1);
    const c = client();
    const result = await c.request({ method: "POST", path: "data/x", json: {}, readBack: async () => undefined });
    expect(result).toEqual({ ok: true });
    expect(fixture!.seen).toHaveLength(2);
  });

  it("a POST refused with 429 is sent again without a read-back: the route did not run", async () => {
    await flaky(429, 1, { "retry-after": "0" });
    let looked = 0;
    const result = await client().request({
      method: "POST",
      path: "data/x",
      json: {},
      readBack: async () => {
        looked++;
        return { id: "never" };
      },
    });
    expect(result).toEqual({ ok: true });
    expect(looked).toBe(0);
    expect(fixture!.seen).toHaveLength(2);
  });

  it("times an attempt out with TimeoutError", async () => {
    fixture = await startFixture(() => {
      // never answers
    });
    const error = await client({ timeout: 50 }, { limit: 0 })
      .raw.get("data/projects")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain("timeout");
  });

  it("a transfer that timed out told the user to raise `timeout` instead of `transferTimeout`", async () => {
    fixture = await startFixture(() => {
      // never answers
    });
    const error = await client({ timeout: 10_000, transferTimeout: 50 }, { limit: 0 })
      .request({ method: "GET", path: "data/preview-files/x/file", timeout: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain("Raise the transferTimeout option");
  });

  it("stops at the total timeout across retries", async () => {
    fixture = await startFixture(() => {
      // never answers
    });
    const error = await client({ timeout: 40, totalTimeout: 100 }, { limit: 50 })
      .raw.get("data/projects")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain("Raise the totalTimeout option");
  });

  it("rejects with the signal's reason when aborted", async () => {
    fixture = await startFixture(() => {
      // never answers
    });
    const controller = new AbortController();
    const pending = client().request({ method: "GET", path: "data/projects", signal: controller.signal });
    controller.abort(new Error("user cancelled"));
    await expect(pending).rejects.toThrow("user cancelled");
  });
});

describe("KitsuClient error mapping", () => {
  const cases: [number, unknown, new (...args: never[]) => Error][] = [
    [403, { error: true, message: "You don't have the permission" }, PermissionError],
    [404, { error: true, message: "404 Not Found" }, NotFoundError],
    [409, { error: true, message: "stale" }, ConflictError],
    [413, "<html><body>413 Request Entity Too Large</body></html>", ValidationError],
    [500, { error: true, message: "Internal server error." }, ServerError],
  ];
  it.each(cases)("maps %i", async (status, body, type) => {
    fixture = await startFixture((_req, res) => {
      res.writeHead(status, { "content-type": typeof body === "string" ? "text/html" : "application/json" });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    });
    const error = await client({}, { limit: 0 })
      .raw.delete("data/shots/abc")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as ValidationError).request).toEqual({ method: "DELETE", path: "/data/shots/abc", status });
    expect((error as Error).message).not.toContain("<html>");
  });

  it("turns Zou's field errors into ValidationError issues", async () => {
    fixture = await startFixture((_req, res) =>
      json(res, 400, {
        error: true,
        message: "Validation error.",
        data: { errors: [{ field: "task_status_id", message: "Field required" }] },
      }),
    );
    const error = await client()
      .raw.post("actions/tasks/t/comment", { comment: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: ["task_status_id"], message: "Field required" }]);
    expect((error as Error).message).toContain("task_status_id");
  });

  it("never puts the token in an error", async () => {
    fixture = await startFixture((_req, res) => json(res, 403, { error: true, message: "no" }));
    const error = (await client()
      .raw.get("data/projects")
      .catch((e: unknown) => e)) as Error;
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("bot-token");
  });
});
