import { RateLimitError, ServerError, TimeoutError, ValidationError } from "@gadget/core";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAdapter, type KitsuAdapter } from "../src/index.js";
import type { KitsuTransportOptions } from "../src/options.js";
import { KitsuClient } from "../src/transport/client.js";
import type { RetryOptions } from "../src/transport/retry.js";

/*
 * The `retry` option as a user sets it, against the Kitsu-compatible server's fault injection:
 * each fault answers (or drops, or delays) the next matching request before the server handles it.
 */

let server: KitsuServer;
const admin = { login: "admin@example.com", password: "mysecretpassword" };
const projectId = "0a641b91-09a6-4c5e-98c8-74f05d4a3eb0";

beforeAll(async () => {
  server = await startKitsuServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  server.faults.clear();
});

/** A logged-in session whose backoff waits last at most 5 ms (unless the policy says otherwise); counts start after login. */
async function session(retry: number | RetryOptions, extra: Omit<KitsuTransportOptions, "retry"> = {}) {
  const client = new KitsuClient({
    url: server.url,
    credentials: admin,
    retry: typeof retry === "number" ? retry : { backoffLimit: 5, ...retry },
    ...extra,
  });
  await client.auth.accessToken();
  server.stats.reset();
  return client;
}

const failing = (status: number, extra: { retryAfterSeconds?: number; times?: number } = {}) =>
  server.faults.inject({ method: "GET", path: "/data/projects", status, ...extra });
const listProjects = (client: KitsuClient) => client.raw.get("data/projects").catch((e: unknown) => e);
const sentProjects = () => server.stats.of("GET /data/projects");

describe("retry option", () => {
  it("limit 0 sends a failed request once", async () => {
    const client = await session({ limit: 0 });
    failing(503);
    expect(await listProjects(client)).toBeInstanceOf(ServerError);
    expect(sentProjects()).toBe(1);
    expect(client.stats.retries).toBe(0);
  });

  it("a number is the limit", async () => {
    const client = await session(1);
    failing(503, { times: 2 });
    expect(await listProjects(client)).toBeInstanceOf(ServerError);
    expect(sentProjects()).toBe(2);
  });

  it("statusCodes replaces the statuses retried", async () => {
    const client = await session({ statusCodes: [500] });
    failing(500);
    expect(await listProjects(client)).toBeInstanceOf(Array);
    expect(sentProjects()).toBe(2);
    server.stats.reset();
    failing(503);
    expect(await listProjects(client)).toBeInstanceOf(ServerError);
    expect(sentProjects()).toBe(1);
  });

  it("methods limits the methods retried", async () => {
    const client = await session({ methods: ["GET"] });
    server.faults.inject({ method: "PUT", path: "/data/projects/*", status: 503 });
    const error = await client.raw.put(`data/projects/${projectId}`, { name: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(server.stats.total).toBe(1);
  });

  it("refuses POST in methods, naming the option: a POST is retried only where its route is safe", () => {
    const make = () =>
      new KitsuClient({ url: server.url, credentials: admin, retry: { methods: ["get", "POST" as "PUT"] } });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(/retry\.methods.*POST is retried only where its route is safe/);
  });

  it("refuses a limit that is not a whole number ≥ 0", () => {
    expect(() => new KitsuClient({ url: server.url, credentials: admin, retry: -1 })).toThrow(/retry is -1/);
  });

  it("a POST Zou makes idempotent (login) is retried whatever methods lists", async () => {
    server.stats.reset();
    server.faults.inject({ method: "POST", path: "/auth/login", status: 502 });
    const client = new KitsuClient({
      url: server.url,
      credentials: admin,
      retry: { methods: ["get"], backoffLimit: 5 },
    });
    await expect(client.auth.accessToken()).resolves.toEqual(expect.any(String));
    expect(server.stats.of("POST /auth/login")).toBe(2);
  });

  it("a Retry-After above maxRetryAfter is cut to maxRetryAfter", async () => {
    const client = await session({ maxRetryAfter: 1 });
    failing(429, { retryAfterSeconds: 3600 });
    expect(await listProjects(client)).toBeInstanceOf(Array);
    expect(sentProjects()).toBe(2);
  });

  it("a Retry-After that ends past the total timeout fails at once, carrying the wait asked for", async () => {
    const client = await session({ maxRetryAfter: Number.POSITIVE_INFINITY });
    failing(429, { retryAfterSeconds: 3600 });
    const error = await listProjects(client);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(sentProjects()).toBe(1);
  });

  it("afterStatusCodes chooses whose Retry-After sets the wait", async () => {
    const byDefault = await session({ maxRetryAfter: Number.POSITIVE_INFINITY });
    failing(503, { retryAfterSeconds: 3600 });
    // 503 is not among the defaults: its Retry-After is ignored and the backoff applies.
    expect(await listProjects(byDefault)).toBeInstanceOf(Array);
    const honouring = await session({ afterStatusCodes: [429, 503], maxRetryAfter: Number.POSITIVE_INFINITY });
    failing(503, { retryAfterSeconds: 3600 });
    expect(await listProjects(honouring)).toBeInstanceOf(ServerError);
    expect(sentProjects()).toBe(1);
  });

  it("shouldRetry decides first, and sees the error the request would throw", async () => {
    const seen: [string, number | undefined, number][] = [];
    const client = await session({
      shouldRetry: ({ error, retryCount }) => {
        seen.push([error.code, error.request?.status, retryCount]);
        if (error.request?.status === 500) return true;
        if (error.request?.status === 503) return false;
        return undefined;
      },
    });
    failing(500);
    expect(await listProjects(client)).toBeInstanceOf(Array);
    failing(503);
    expect(await listProjects(client)).toBeInstanceOf(ServerError);
    expect(seen).toEqual([
      ["SERVER", 500, 1],
      ["SERVER", 503, 1],
    ]);
    expect(sentProjects()).toBe(3);
  });

  it("retryOnTimeout decides whether a timed-out attempt is sent again", async () => {
    const slow = () => server.faults.inject({ method: "GET", path: "/data/projects", delayMs: 5_000 });
    const retrying = await session({}, { timeout: 1_000 });
    slow();
    expect(await listProjects(retrying)).toBeInstanceOf(Array);
    const giving = await session({ retryOnTimeout: false }, { timeout: 1_000 });
    slow();
    expect(await listProjects(giving)).toBeInstanceOf(TimeoutError);
    expect(sentProjects()).toBe(1);
  });

  it("an expired token is refreshed, not retried: it works with limit 0", async () => {
    const client = await session({ limit: 0 });
    server.tokens.expireAll();
    expect(await listProjects(client)).toBeInstanceOf(Array);
    expect(client.stats).toMatchObject({ retries: 0, refreshes: 1 });
  });

  it("a refreshed token does not give a request its retries back", async () => {
    const client = await session({
      limit: 1,
      shouldRetry: () => {
        // The retry finds its token expired (a fault without a status only lets the server handle
        // the request); the attempt after the refresh fails again.
        server.tokens.expireAll();
        server.faults.inject({ method: "GET", path: "/data/projects", delayMs: 1 });
        failing(503);
        return undefined;
      },
    });
    failing(503);
    expect(await listProjects(client)).toBeInstanceOf(ServerError);
    expect(sentProjects()).toBe(3);
    expect(client.stats).toMatchObject({ retries: 1, refreshes: 1 });
  });
});

describe("retrying a create, which Zou does not make idempotent", () => {
  const adapter = (options: KitsuTransportOptions) =>
    createAdapter({ type: "kitsu", url: server.url, ...admin }, options) as Promise<KitsuAdapter>;
  const departments = async (name: string) =>
    (await server.tracker.query("department", { name })).items.filter((d) => d.name === name);

  it("reads back a create whose connection dropped, finds nothing, and sends it again: one row", async () => {
    const kitsu = await adapter({ retry: { backoffLimit: 5 } });
    server.stats.reset();
    server.faults.inject({ method: "POST", path: "/data/departments", drop: true });
    const created = await kitsu.create("department", { name: "Retry Dropped" });
    expect(await departments("Retry Dropped")).toEqual([expect.objectContaining({ id: created.id })]);
    expect(server.stats.of("POST /data/departments")).toBe(2);
    await kitsu.close();
  });

  it("a read-back asks the server, not the session's list: a department that landed is returned, not posted twice", async () => {
    const kitsu = await adapter({
      retry: {
        backoffLimit: 5,
        // The fault drops the connection before the server handles the write; creating the row here
        // stands for an attempt that landed and whose answer was lost.
        shouldRetry: async () => {
          await server.tracker.create("department", { name: "Retry Landed" });
          return undefined;
        },
      },
    });
    server.stats.reset();
    server.faults.inject({ method: "POST", path: "/data/departments", drop: true });
    const created = await kitsu.create("department", { name: "Retry Landed" });
    expect(await departments("Retry Landed")).toEqual([expect.objectContaining({ id: created.id })]);
    expect(server.stats.of("POST /data/departments")).toBe(1);
    await kitsu.close();
  });

  it("with limit 0 a create that failed is neither read back nor sent again", async () => {
    const kitsu = await adapter({ retry: 0 });
    server.stats.reset();
    server.faults.inject({ method: "POST", path: "/data/departments", status: 502 });
    await expect(kitsu.create("department", { name: "Retry Never" })).rejects.toBeInstanceOf(ServerError);
    expect(server.stats.of("POST /data/departments")).toBe(1);
    expect(await departments("Retry Never")).toEqual([]);
    await kitsu.close();
  });
});
