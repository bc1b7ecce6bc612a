import { AuthError, type SessionTokens, Tracker } from "@gadget/core";
import { describe, expect, it } from "vitest";
import * as kitsu from "../src/index.js";
import { type FromEnvOptions, sessionFixture } from "./session-fixture.js";

/*
 * A session's lifecycle on the Kitsu-compatible server: close() logs a password session out
 * (revoking its tokens, as Zou does: recorded 017–019), a bot is never logged out, saved tokens
 * resume a session, whoami() names the session's person.
 */

const ADMIN = { login: "admin@example.com", password: "mysecretpassword" };
const fx = sessionFixture();
const connect = (env: Record<string, string | undefined>, options: FromEnvOptions = {}) => fx.connect(env, options);
const asAdmin = (options: FromEnvOptions = {}) =>
  connect({ TRACKER_LOGIN: ADMIN.login, TRACKER_PASSWORD: ADMIN.password }, options);

/** What Zou answers to `auth/authenticated` with a token. */
async function authenticated(token: string): Promise<number> {
  const response = await fetch(`${fx.server.url}/auth/authenticated`, {
    headers: { authorization: `Bearer ${token}`, "user-agent": "gadget-test" },
  });
  await response.body?.cancel();
  return response.status;
}

/** A session as admin with the tokens it was given, read through onTokens. */
async function adminWithTokens(options: FromEnvOptions = {}) {
  const seen: SessionTokens[] = [];
  const tracker = await asAdmin({ onTokens: (t) => void seen.push(t), ...options });
  const tokens = seen.at(-1);
  if (!tokens) throw new Error("onTokens was not called at login");
  return { tracker, tokens, seen };
}

describe("close()", () => {
  it("logs a password session out: its access and refresh tokens are revoked", async () => {
    const { tracker, tokens } = await adminWithTokens();
    expect(await authenticated(tokens.access)).toBe(200);
    const logouts = fx.server.stats.of("GET /auth/logout");
    await tracker.close();
    expect(fx.server.stats.of("GET /auth/logout")).toBe(logouts + 1);
    expect(await authenticated(tokens.access)).toBe(401);
    const refresh = await fetch(`${fx.server.url}/auth/refresh-token`, {
      headers: { authorization: `Bearer ${tokens.refresh}`, "user-agent": "gadget-test" },
    });
    expect(refresh.status).toBe(401);
    expect(await refresh.json()).toEqual({ msg: "Token has been revoked" });
  });

  it("twice is safe: the second sends nothing", async () => {
    const { tracker } = await adminWithTokens();
    await tracker.close();
    const before = fx.server.stats.total;
    await expect(tracker.close()).resolves.toBeUndefined();
    expect(fx.server.stats.total).toBe(before);
  });

  it("with { logout: false } keeps the tokens valid for a later resume", async () => {
    const { tracker, tokens } = await adminWithTokens();
    await tracker.close({ logout: false });
    expect(await authenticated(tokens.access)).toBe(200);
  });

  it("logs out with a refreshed token when the access token expired (the refresh token is revoked too)", async () => {
    const { tracker, seen } = await adminWithTokens();
    fx.server.tokens.expireAll();
    await tracker.close();
    const refreshed = seen.at(-1);
    expect(seen).toHaveLength(2);
    expect(await authenticated(refreshed?.access ?? "")).toBe(401);
  });

  it("a logout the server fails does not throw: it goes to onError", async () => {
    const reported: unknown[] = [];
    const tracker = await Tracker.connect(
      await kitsu.createAdapter(
        { type: "kitsu", url: fx.server.url, ...ADMIN },
        { onError: (error) => reported.push(error), retry: 0 },
      ),
    );
    fx.server.faults.inject({ method: "GET", path: "/auth/logout", status: 500 });
    await expect(tracker.close()).resolves.toBeUndefined();
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).not.toContain(ADMIN.password);
  });

  it("does not log a bot out: its token still works", async () => {
    const { person, token } = await fx.server.users.createBot("auth12-bot");
    const tracker = await connect({ TRACKER_TOKEN: token });
    expect((await tracker.whoami()).id).toBe(person.id);
    const logouts = fx.server.stats.of("GET /auth/logout");
    await tracker.close();
    expect(fx.server.stats.of("GET /auth/logout")).toBe(logouts);
    expect(await authenticated(token)).toBe(200);
  });
});

describe("tokens", () => {
  it("resume a session without a login request", async () => {
    const { tracker: first, tokens } = await adminWithTokens();
    await first.close({ logout: false });
    const logins = fx.server.stats.of("POST /auth/login");
    const tracker = await connect({}, { tokens });
    expect((await tracker.whoami()).email).toBe(ADMIN.login);
    expect(fx.server.stats.of("POST /auth/login")).toBe(logins);
  });

  it("whose access token expired are refreshed, and onTokens hears the new access token", async () => {
    const { tracker: first, tokens } = await adminWithTokens();
    await first.close({ logout: false });
    fx.server.tokens.expireAll();
    const seen: SessionTokens[] = [];
    const tracker = await connect({}, { tokens, onTokens: (t) => void seen.push(t) });
    expect(seen).toEqual([{ access: expect.any(String), refresh: tokens.refresh }]);
    expect(seen[0]?.access).not.toBe(tokens.access);
    expect((await tracker.whoami()).email).toBe(ADMIN.login);
  });

  it("that were logged out fall back to the login and password", async () => {
    const { tracker: first, tokens } = await adminWithTokens();
    await first.close();
    const logins = fx.server.stats.of("POST /auth/login");
    const tracker = await asAdmin({ tokens });
    expect(fx.server.stats.of("POST /auth/login")).toBe(logins + 1);
    expect((await tracker.whoami()).email).toBe(ADMIN.login);
  });

  it("that were logged out, without a password: an AuthError that says so", async () => {
    const { tracker: first, tokens } = await adminWithTokens();
    await first.close();
    const error = await connect({}, { tokens }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain("saved session tokens no longer work");
    expect((error as AuthError).message).not.toContain(tokens.access);
  });

  it("are never printed with the config", async () => {
    const { tracker: first, tokens } = await adminWithTokens();
    await first.close({ logout: false });
    const tracker = await connect({ TRACKER_OTP: "123456" }, { tokens });
    const printed = JSON.stringify(tracker.config);
    expect(printed).not.toContain(tokens.access);
    expect(printed).not.toContain("123456");
    expect(tracker.config?.type === "kitsu" && tracker.config.tokens?.access).toBe(tokens.access);
  });
});

describe("whoami()", () => {
  it("is the logged-in person, the session's own entity", async () => {
    const tracker = await asAdmin();
    const me = await tracker.whoami();
    expect(me.email).toBe(ADMIN.login);
    expect(me.role).toBe("admin");
    expect(await tracker.persons.get({ email: ADMIN.login })).toBe(me);
  });
});
