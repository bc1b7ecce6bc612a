import { AuthError, type OtpMethod, type SessionTokens, Tracker } from "@gadget/core";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as kitsu from "../src/index.js";

/*
 * 2FA and the session lifecycle on a real Zou (TRACKER_URL with an admin's TRACKER_LOGIN and
 * TRACKER_PASSWORD); skipped when it is not set or does not answer. Creates a user `auth12-2fa-…`,
 * enables TOTP for it as Zou's web UI does (PUT then POST auth/totp), logs in with Gadget, and
 * disables and deletes the user at the end.
 */

const env = process.env;
const url = env.TRACKER_URL;
const admin = { login: env.TRACKER_LOGIN, password: env.TRACKER_PASSWORD };

async function answers(): Promise<boolean> {
  if (!url || !admin.login || !admin.password) return false;
  try {
    const response = await fetch(`${url.replace(/\/+$/, "")}/`, { signal: AbortSignal.timeout(15_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

const reachable = await answers();
const PASSWORD = `auth12-${Math.random().toString(36).slice(2)}-Pw`;
const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

describe.skipIf(!reachable)("2FA and logout on the real Zou (TRACKER_URL)", { timeout: 120_000 }, () => {
  const email = `auth12-2fa-${Date.now()}@example.com`;
  let adminTracker: Tracker;
  let personId = "";
  let secret = "";
  let recoveryCodes: string[] = [];
  /** The last test turns TOTP off itself; afterAll does it as admin otherwise. */
  let totpOn = false;

  const connect = async (options: Parameters<typeof Tracker.fromEnv>[0] = {}) =>
    Tracker.fromEnv({
      env: { TRACKER_URL: url, TRACKER_LOGIN: email, TRACKER_PASSWORD: PASSWORD },
      envFile: false,
      modules: { kitsu },
      ...options,
    });

  beforeAll(async () => {
    adminTracker = await Tracker.fromEnv({
      env: { TRACKER_URL: url, TRACKER_LOGIN: admin.login, TRACKER_PASSWORD: admin.password },
      envFile: false,
      modules: { kitsu },
    });
    const person = await adminTracker.raw.post<{ id: string }>("data/persons", {
      email,
      first_name: "auth12",
      last_name: "2fa",
      password: PASSWORD,
      role: "user",
      active: true,
    });
    personId = person.id;
    // Enabling TOTP hashes 16 recovery codes with bcrypt: slow on a busy shared server.
    const user = Tracker.connect(
      await kitsu.createAdapter(
        { type: "kitsu", url: url ?? "", login: email, password: PASSWORD },
        { timeout: 150_000 },
      ),
    );
    const pre = await user.raw.put<{ otp_secret: string; totp_provisionning_uri: string }>("auth/totp");
    secret = pre.otp_secret;
    const enabled = await user.raw.post<{ otp_recovery_codes: string[] }>("auth/totp", { totp: code(secret) });
    recoveryCodes = enabled.otp_recovery_codes;
    totpOn = true;
    await user.close();
  }, 300_000);

  afterAll(async () => {
    if (!personId) return;
    try {
      if (totpOn) await adminTracker.raw.delete(`actions/persons/${personId}/disable-two-factor-authentication`);
    } finally {
      await adminTracker.raw.put(`data/persons/${personId}`, { active: false });
      await adminTracker.raw.delete(`data/persons/${personId}?force=true`);
      await adminTracker.close();
    }
  }, 300_000);

  it("Zou answered 16 recovery codes when TOTP was enabled", () => {
    expect(recoveryCodes).toHaveLength(16);
  });

  it("without a code: an AuthError naming totp", async () => {
    const error = await connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain("needs a second factor (totp)");
    expect((error as AuthError).message).not.toContain(PASSWORD);
  });

  it("a wrong code: an AuthError saying so", async () => {
    const wrong = code(secret) === "000000" ? "111111" : "000000";
    const error = await connect({ otp: wrong }).catch((e: unknown) => e);
    expect((error as AuthError).message).toContain("the totp code is wrong or has expired");
  });

  it("logs in with otp; close() logs out and Zou then refuses the tokens", async () => {
    const seen: SessionTokens[] = [];
    const tracker = await connect({ otp: code(secret), onTokens: (t) => void seen.push(t) });
    expect((await tracker.whoami()).email).toBe(email);
    await tracker.close();
    const response = await fetch(`${url}/auth/authenticated`, {
      headers: { authorization: `Bearer ${seen[0]?.access}`, "user-agent": "gadget-test" },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ msg: "Token has been revoked" });
  });

  it("logs in with onOtp, asked for totp", async () => {
    const asked: OtpMethod[] = [];
    const tracker = await connect({
      onOtp: (method) => {
        asked.push(method);
        return code(secret);
      },
    });
    expect(asked).toEqual(["totp"]);
    expect((await tracker.whoami()).id).toBe(personId);
    await tracker.close();
  });

  it("logs in with a recovery code, once", async () => {
    const tracker = await connect({ otp: recoveryCodes[0] });
    expect((await tracker.whoami()).id).toBe(personId);
    await tracker.close();
    const error = await connect({ otp: recoveryCodes[0] }).catch((e: unknown) => e);
    expect((error as AuthError).message).toContain("recovery code (each works once) is wrong");
  });

  it("resumes from saved tokens without the password", async () => {
    const seen: SessionTokens[] = [];
    const first = await connect({ otp: code(secret), onTokens: (t) => void seen.push(t) });
    await first.close({ logout: false });
    const tokens = seen[0];
    if (!tokens) throw new Error("no tokens");
    const resumed = await Tracker.fromEnv({ env: { TRACKER_URL: url }, envFile: false, modules: { kitsu }, tokens });
    expect((await resumed.whoami()).id).toBe(personId);
    await resumed.close();
    const dead = await Tracker.fromEnv({ env: { TRACKER_URL: url }, envFile: false, modules: { kitsu }, tokens }).catch(
      (e: unknown) => e,
    );
    expect((dead as AuthError).message).toContain("saved session tokens no longer work");
  });

  it("raw.delete sends a body: DELETE auth/totp with the code turns TOTP off, and login needs no code again", async () => {
    const tracker = await connect({ otp: code(secret) });
    expect(await tracker.raw.delete("auth/totp", { totp: code(secret) })).toEqual({ success: true });
    totpOn = false;
    await tracker.close();
    const plain = await connect();
    expect((await plain.whoami()).id).toBe(personId);
    await plain.close();
  });
});
