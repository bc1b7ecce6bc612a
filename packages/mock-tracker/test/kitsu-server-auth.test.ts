import { afterEach, describe, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { Api, adminSession } from "./kitsu-server-client.js";

/* Auth errors exactly as Zou answers them (zou.md §2.1, §5; recorded 001–024). */

describe("kitsu-server auth", () => {
  let server: KitsuServer;
  afterEach(async () => {
    await server?.close();
  });

  test("a missing token is 401 with flask-jwt-extended's msg", async () => {
    ({ server } = await adminSession());
    const res = await new Api(server).call("GET", "/data/projects", undefined, "");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      msg: 'Missing JWT in cookies or headers (Missing cookie "access_token_cookie"; Missing Authorization Header)',
    });
  });

  test("a garbage token and a bad signature are 422", async () => {
    const session = await adminSession();
    server = session.server;
    const garbage = await session.api.call("GET", "/data/projects", undefined, "this-is-not-a-jwt");
    expect(garbage).toMatchObject({ status: 422, body: { msg: "Not enough segments" } });
    const forged = session.api.token.replace(/\.[^.]+$/, ".AAAA");
    const bad = await session.api.call("GET", "/data/projects", undefined, forged);
    expect(bad).toMatchObject({ status: 422, body: { msg: "Signature verification failed" } });
  });

  test("an expired access token is 401 'Signature has expired'", async () => {
    const session = await adminSession();
    server = session.server;
    server.tokens.expireAll();
    const res = await session.api.call("GET", "/data/projects");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: true, message: "Signature has expired" });
  });

  test("tokens.expireAll() expires access tokens but keeps refresh tokens working", async () => {
    ({ server } = await adminSession());
    const api = new Api(server);
    const { refresh_token } = await api.login();
    server.tokens.expireAll();
    expect((await api.call("GET", "/auth/authenticated")).status).toBe(401);
    const refreshed = await api.call<{ access_token: string }>("GET", "/auth/refresh-token", undefined, refresh_token);
    expect(refreshed.status).toBe(200);
    const again = await api.call("GET", "/auth/authenticated", undefined, refreshed.body.access_token);
    expect(again.status).toBe(200);
  });

  test("after logout both tokens are revoked: 401 'Token has been revoked'", async () => {
    ({ server } = await adminSession());
    const api = new Api(server);
    const { refresh_token } = await api.login();
    expect((await api.call("GET", "/auth/logout")).body).toEqual({ logout: true });
    for (const [path, token] of [
      ["/auth/authenticated", api.token],
      ["/auth/refresh-token", refresh_token],
      ["/auth/logout", api.token],
    ] as const) {
      const res = await api.call("GET", path, undefined, token);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ msg: "Token has been revoked" });
    }
  });

  test("a refresh token is refused on data routes and an access token on refresh", async () => {
    ({ server } = await adminSession());
    const api = new Api(server);
    const { refresh_token } = await api.login();
    const onData = await api.call("GET", "/data/projects", undefined, refresh_token);
    expect(onData).toMatchObject({ status: 422, body: { msg: "Only non-refresh tokens are allowed" } });
    const onRefresh = await api.call("GET", "/auth/refresh-token");
    expect(onRefresh).toMatchObject({ status: 422, body: { msg: "Only refresh tokens are allowed" } });
  });

  test("a bot cannot refresh (422) nor log out (403)", async () => {
    ({ server } = await adminSession());
    const { token } = await server.users.createBot("Pipeline Bot", "admin");
    const api = new Api(server);
    expect((await api.call("GET", "/auth/authenticated", undefined, token)).status).toBe(200);
    expect((await api.call("GET", "/auth/refresh-token", undefined, token)).status).toBe(422);
    expect((await api.call("GET", "/auth/logout", undefined, token)).status).toBe(403);
  });

  test("a wrong password or unknown email is 400 {login:false}", async () => {
    ({ server } = await adminSession());
    const api = new Api(server);
    const wrong = await api.call("POST", "/auth/login", { email: "admin@example.com", password: "nope" });
    expect(wrong).toMatchObject({ status: 400, body: { login: false } });
    const unknown = await api.call("POST", "/auth/login", { email: "who@example.com", password: "x" });
    expect(unknown).toMatchObject({ status: 400, body: { login: false } });
  });

  test("users.addUser creates a login; a non-admin sees no chat tokens", async () => {
    ({ server } = await adminSession());
    await server.users.addUser({ email: "bob@example.com", password: "bob-pass", firstName: "Bob" });
    const api = new Api(server);
    const res = await api.call<{ login: boolean; organisation: Record<string, unknown>; user: { role: string } }>(
      "POST",
      "/auth/login",
      { email: "bob@example.com", password: "bob-pass" },
    );
    expect(res.body.login).toBe(true);
    expect(res.body.user.role).toBe("user");
    expect(res.body.organisation).not.toHaveProperty("chat_token_slack");
  });
});
