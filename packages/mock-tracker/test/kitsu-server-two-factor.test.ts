import { Secret, TOTP } from "otpauth";
import { afterEach, describe, expect, test } from "vitest";
import { type KitsuServer, startKitsuServer } from "../src/kitsu-server/index.js";
import { Api } from "./kitsu-server-client.js";

/*
 * Two-factor routes and login answers as Zou 1.0.67 gives them (auth/resources.py,
 * auth_service.py; checked on the real server: PUT auth/totp pre-enables, POST enables with a
 * code and answers 16 recovery codes with a new token pair, login then answers missing_OTP).
 */

const PASSWORD = "auth12-Secret-pw";
const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

describe("kitsu-server two-factor", () => {
  let server: KitsuServer;
  afterEach(async () => {
    await server?.close();
  });

  async function userApi(email = "auth12-user@example.com") {
    server = await startKitsuServer();
    const person = await server.users.addUser({ email, password: PASSWORD });
    const api = new Api(server);
    await api.login(email, PASSWORD);
    return { api, email, id: person.id };
  }

  test("TOTP: PUT gives the secret, POST enables it with a code; login then needs a code", async () => {
    const { api, email } = await userApi();
    const pre = await api.call<{ totp_provisionning_uri: string; otp_secret: string }>("PUT", "/auth/totp");
    expect(pre.status).toBe(200);
    expect(pre.body.otp_secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(pre.body.totp_provisionning_uri).toMatch(/^otpauth:\/\/totp\/Kitsu%20Kitsu:.*secret=/);
    const wrong = await api.call("POST", "/auth/totp", {
      totp: "000000" === code(pre.body.otp_secret) ? "111111" : "000000",
    });
    expect(wrong).toMatchObject({
      status: 400,
      body: { error: true, message: "TOTP verification failed.", wrong_OTP: true },
    });
    const enabled = await api.call<{ otp_recovery_codes: string[]; access_token: string; refresh_token: string }>(
      "POST",
      "/auth/totp",
      { totp: code(pre.body.otp_secret) },
    );
    expect(enabled.status).toBe(200);
    expect(enabled.body.otp_recovery_codes).toHaveLength(16);
    for (const c of enabled.body.otp_recovery_codes) expect(c).toMatch(/^[A-Z0-9]{10}$/);
    expect(Object.keys(enabled.body).sort()).toEqual(["access_token", "otp_recovery_codes", "refresh_token"]);
    expect(await api.call("PUT", "/auth/totp")).toMatchObject({
      status: 400,
      body: { error: true, message: "TOTP already enabled." },
    });

    const missing = await api.call("POST", "/auth/login", { email, password: PASSWORD });
    expect(missing).toMatchObject({
      status: 400,
      body: {
        error: true,
        login: false,
        missing_OTP: true,
        preferred_two_factor_authentication: "totp",
        two_factor_authentication_enabled: ["recovery_code", "totp"],
      },
    });
    const bad = await api.call("POST", "/auth/login", { email, password: PASSWORD, totp: "12" });
    expect(bad).toMatchObject({ status: 400, body: { error: true, login: false, wrong_OTP: true } });
    const good = await api.call<{ login: boolean }>("POST", "/auth/login", {
      email,
      password: PASSWORD,
      totp: code(pre.body.otp_secret),
    });
    expect(good.status).toBe(200);
    expect(good.body.login).toBe(true);
    const me = await api.call<{ user: Record<string, unknown> }>("GET", "/auth/authenticated");
    expect(me.body.user).toMatchObject({ totp_enabled: true, preferred_two_factor_authentication: "totp" });
  });

  test("a recovery code logs in once; DELETE auth/totp needs a code and drops the codes with the last method", async () => {
    const { api, email, id } = await userApi();
    const { secret, recoveryCodes } = server.twoFactor.enableTotp(id);
    const [first] = recoveryCodes ?? [];
    const login = () => api.call("POST", "/auth/login", { email, password: PASSWORD, recovery_code: first });
    expect((await login()).status).toBe(200);
    expect(await login()).toMatchObject({ status: 400, body: { wrong_OTP: true } });
    expect(await api.call("DELETE", "/auth/totp", {})).toMatchObject({
      status: 400,
      body: { error: true, message: "OTP verification failed.", wrong_OTP: true },
    });
    expect(await api.call("DELETE", "/auth/totp", { totp: code(secret) })).toEqual(
      expect.objectContaining({ status: 200, body: { success: true } }),
    );
    expect(await api.call("DELETE", "/auth/totp", { totp: code(secret) })).toMatchObject({
      status: 400,
      body: { error: true, message: "TOTP not enabled." },
    });
    expect((await api.call("POST", "/auth/login", { email, password: PASSWORD })).status).toBe(200);
  });

  test("email OTP: GET auth/email-otp answers the same for anyone and mails only an enabled account", async () => {
    const { api, email, id } = await userApi();
    const ask = (who: string) => api.call("GET", `/auth/email-otp?email=${encodeURIComponent(who)}`, undefined, "");
    expect(await ask("nobody@example.com")).toMatchObject({ status: 200, body: { success: true } });
    expect(await ask(email)).toMatchObject({ status: 200, body: { success: true } });
    expect(server.twoFactor.lastEmailOtp(email)).toBeUndefined();
    server.twoFactor.enableEmailOtp(id);
    await ask(email);
    const mailed = server.twoFactor.lastEmailOtp(email);
    expect(mailed).toMatch(/^\d{6}$/);
    const good = await api.call("POST", "/auth/login", { email, password: PASSWORD, email_otp: mailed });
    expect(good.status).toBe(200);
    // Used once: Zou deletes the counter of the mailed code.
    const again = await api.call("POST", "/auth/login", { email, password: PASSWORD, email_otp: mailed });
    expect(again).toMatchObject({ status: 400, body: { wrong_OTP: true } });
  });

  test("PUT auth/recovery-codes replaces the codes after a second-factor check", async () => {
    const { api, email, id } = await userApi();
    expect(await api.call("PUT", "/auth/recovery-codes", {})).toMatchObject({
      status: 400,
      body: { error: true, message: "No two factor authentication enabled." },
    });
    const { secret, recoveryCodes } = server.twoFactor.enableTotp(id);
    const fresh = await api.call<{ otp_recovery_codes: string[] }>("PUT", "/auth/recovery-codes", {
      totp: code(secret),
    });
    expect(fresh.body.otp_recovery_codes).toHaveLength(16);
    const old = await api.call("POST", "/auth/login", { email, password: PASSWORD, recovery_code: recoveryCodes?.[0] });
    expect(old.status).toBe(400);
    const renewed = fresh.body.otp_recovery_codes[0];
    expect((await api.call("POST", "/auth/login", { email, password: PASSWORD, recovery_code: renewed })).status).toBe(
      200,
    );
  });

  test("a FIDO answer is refused (no WebAuthn here) and the account lists fido", async () => {
    const { api, email, id } = await userApi();
    server.twoFactor.enableFido(id);
    const missing = await api.call("POST", "/auth/login", { email, password: PASSWORD });
    expect(missing.body).toMatchObject({
      preferred_two_factor_authentication: "fido",
      two_factor_authentication_enabled: ["recovery_code", "fido"],
    });
    const fido = await api.call("POST", "/auth/login", { email, password: PASSWORD, fido_authentication_response: {} });
    expect(fido).toMatchObject({ status: 400, body: { wrong_OTP: true } });
  });
});

describe("kitsu-server: an admin disables a person's 2FA", () => {
  let server: KitsuServer;
  afterEach(async () => {
    await server?.close();
  });

  test("every method off, the codes dropped; refused to non-admins and when nothing is on", async () => {
    server = await startKitsuServer();
    const email = "auth12-admin-off@example.com";
    const person = await server.users.addUser({ email, password: PASSWORD });
    const admin = new Api(server);
    await admin.login();
    const user = new Api(server);
    await user.login(email, PASSWORD);
    const route = `/actions/persons/${person.id}/disable-two-factor-authentication`;
    expect(await admin.call("DELETE", route)).toMatchObject({
      status: 400,
      body: { error: true, message: "Two factor authentication not enabled for this user." },
    });
    server.twoFactor.enableTotp(person.id);
    expect((await user.call("DELETE", route)).status).toBe(403);
    expect(await admin.call("DELETE", route)).toMatchObject({ status: 200, body: { success: true } });
    const login = await user.call<{ user: Record<string, unknown> }>("POST", "/auth/login", {
      email,
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ totp_enabled: false, preferred_two_factor_authentication: null });
  });
});
