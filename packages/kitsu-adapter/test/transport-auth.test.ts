import { AuthError, NetworkError } from "@gadget/core";
import { afterEach, describe, expect, it } from "vitest";
import { KitsuClient } from "../src/transport/client.js";
import { closedPort, type Fixture, json, startFixture } from "./http-fixture.js";

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** A Zou-like auth server whose access tokens can be expired on demand. */
async function authServer() {
  let generation = 1;
  const state = { refreshCalls: 0, loginCalls: 0, expire: () => generation++ };
  fixture = await startFixture((req, res, body) => {
    const auth = req.headers.authorization ?? "";
    if (req.url === "/api/auth/login") {
      state.loginCalls++;
      const creds = JSON.parse(body) as { email: string; password: string };
      if (creds.password !== "mysecretpassword") return json(res, 400, { login: false });
      return json(res, 200, { login: true, access_token: `access-${generation}`, refresh_token: "refresh-1" });
    }
    if (req.url === "/api/auth/refresh-token") {
      state.refreshCalls++;
      if (auth !== "Bearer refresh-1") return json(res, 422, { msg: "Only refresh tokens are allowed" });
      // Answer late so that concurrent requests pile up behind one refresh.
      setTimeout(() => json(res, 200, { access_token: `access-${generation}` }), 30);
      return;
    }
    if (auth === `Bearer access-${generation}` || auth === "Bearer bot-ok") return json(res, 200, [{ id: "p1" }]);
    if (auth.startsWith("Bearer access-") || auth === "Bearer bot-old")
      return json(res, 401, { error: true, message: "Signature has expired" });
    return json(res, 401, { msg: "Missing JWT in cookies or headers" });
  });
  return state;
}

describe("KitsuClient auth", () => {
  it("logs in lazily, appends /api and sends a non-browser User-Agent with the Bearer token", async () => {
    await authServer();
    const client = new KitsuClient({
      url: fixture!.url,
      credentials: { login: "admin@example.com", password: "mysecretpassword" },
    });
    expect(client.apiUrl).toBe(`${fixture!.url}/api`);
    expect(client.origin).toBe(fixture!.url);
    await expect(client.raw.get("data/projects")).resolves.toEqual([{ id: "p1" }]);
    expect(fixture!.seen).toEqual(["POST /api/auth/login", "GET /api/data/projects"]);
    expect(fixture!.headers[1]?.authorization).toBe("Bearer access-1");
    expect(fixture!.headers[1]?.["user-agent"]).toMatch(/^gadget-kitsu\/.* \(node\)$/);
  });

  it("wrong password gives an AuthError naming the login, never the password", async () => {
    await authServer();
    const client = new KitsuClient({
      url: fixture!.url,
      credentials: { login: "admin@example.com", password: "hunter2" },
    });
    const error = await client.raw.get("data/projects").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain("admin@example.com");
    expect((error as AuthError).message).not.toContain("hunter2");
    expect((error as AuthError).request).toMatchObject({ method: "POST", path: "/auth/login", status: 400 });
  });

  it("refreshes once for many concurrent requests, and again at each later expiry", async () => {
    const state = await authServer();
    const client = new KitsuClient({
      url: fixture!.url,
      credentials: { login: "admin@example.com", password: "mysecretpassword" },
    });
    await client.raw.get("data/projects");
    state.expire();
    const results = await Promise.all(Array.from({ length: 6 }, () => client.raw.get("data/projects")));
    expect(results).toHaveLength(6);
    expect(state.refreshCalls).toBe(1);
    state.expire();
    await client.raw.get("data/projects");
    expect(state.refreshCalls).toBe(2);
    expect(state.loginCalls).toBe(1);
  });

  it("a bot token is never refreshed: its expiry is AuthError.botTokenExpired", async () => {
    const state = await authServer();
    const client = new KitsuClient({ url: fixture!.url, credentials: { token: "bot-old" } });
    const error = await client.raw.get("data/projects").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain("TRACKER_TOKEN");
    expect((error as Error).message).not.toContain("bot-old");
    expect(state.refreshCalls).toBe(0);
    expect(client.auth.isBot).toBe(true);
    await expect(client.auth.refresh()).rejects.toBeInstanceOf(AuthError);
  });

  it("a valid bot token is used as is and re-validated by refresh()", async () => {
    const state = await authServer();
    const client = new KitsuClient({ url: fixture!.url, credentials: { token: "bot-ok" } });
    await expect(client.raw.get("data/projects")).resolves.toEqual([{ id: "p1" }]);
    await expect(client.auth.accessToken()).resolves.toBe("bot-ok");
    expect(state.loginCalls).toBe(0);
  });

  it("an unreachable URL gives a NetworkError naming the URL", async () => {
    const port = await closedPort();
    const client = new KitsuClient({
      url: `http://127.0.0.1:${port}/api`,
      credentials: { token: "bot-ok" },
      retry: { limit: 1, backoffLimit: 5 },
    });
    const error = await client.raw.get("data/projects").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain(`http://127.0.0.1:${port}/api/data/projects`);
    expect(client.stats.requests).toBe(2);
  });

  it("refreshes on 422 'Signature has expired' too, and logs in again when the refresh token was revoked", async () => {
    let generation = 1;
    let refreshRevoked = false;
    const seenRefresh: string[] = [];
    fixture = await startFixture((req, res) => {
      const auth = req.headers.authorization ?? "";
      if (req.url === "/api/auth/login") {
        return json(res, 200, { access_token: `access-${generation}`, refresh_token: `refresh-${generation}` });
      }
      if (req.url === "/api/auth/refresh-token") {
        seenRefresh.push(auth);
        if (refreshRevoked) return json(res, 401, { msg: "Token has been revoked" });
        return json(res, 200, { access_token: `access-${generation}` });
      }
      if (auth === `Bearer access-${generation}`) return json(res, 200, []);
      return json(res, 422, { msg: "Signature has expired" });
    });
    const client = new KitsuClient({
      url: fixture.url,
      credentials: { login: "admin@example.com", password: "mysecretpassword" },
    });
    await client.raw.get("data/projects");
    generation++;
    await expect(client.raw.get("data/projects")).resolves.toEqual([]);
    expect(seenRefresh).toEqual(["Bearer refresh-1"]);
    generation++;
    refreshRevoked = true;
    await expect(client.raw.get("data/projects")).resolves.toEqual([]);
    expect(fixture.seen.filter((s) => s === "POST /api/auth/login")).toHaveLength(2);
    expect(client.stats.refreshes).toBe(2);
  });
});
