import { AuthError, type OtpMethod, type SessionTokens } from "@gadget/core";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { type FromEnvOptions, sessionFixture } from "./session-fixture.js";

/*
 * Two-factor login through the Kitsu-compatible server, which follows Zou 1.0.67's answers
 * (missing_OTP with the methods, wrong_OTP, single-use recovery codes, email codes). Codes are
 * computed with otpauth as an authenticator app would.
 */

const PASSWORD = "auth12-Secret-pw";
const fx = sessionFixture();

let serial = 0;
async function user(): Promise<{ email: string; id: string }> {
  const email = `auth12-2fa-${++serial}@example.com`;
  const person = await fx.server.users.addUser({ email, password: PASSWORD });
  return { email, id: person.id };
}

const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

const connect = (email: string, extra: Record<string, string | undefined> = {}, options: FromEnvOptions = {}) =>
  fx.connect({ TRACKER_LOGIN: email, TRACKER_PASSWORD: PASSWORD, ...extra }, options);

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("TOTP", () => {
  it("logs in with TRACKER_OTP, the code of the authenticator app", async () => {
    const { email, id } = await user();
    const { secret } = fx.server.twoFactor.enableTotp(id);
    const tracker = await connect(email, { TRACKER_OTP: code(secret) });
    expect((await tracker.whoami()).id).toBe(id);
  });

  it("asks onOtp for the totp code, once, and keeps the session through refreshes without asking again", async () => {
    const { email, id } = await user();
    const { secret } = fx.server.twoFactor.enableTotp(id);
    const asked: OtpMethod[] = [];
    const tokens: SessionTokens[] = [];
    const tracker = await connect(
      email,
      {},
      {
        onOtp: (method, request) => {
          asked.push(method);
          expect(request).toEqual({ login: email, methods: ["recovery_code", "totp"], emailSent: false });
          return code(secret);
        },
        onTokens: (t) => {
          tokens.push(t);
        },
      },
    );
    expect(asked).toEqual(["totp"]);
    fx.server.tokens.expireAll();
    expect((await tracker.whoami()).email).toBe(email);
    expect(asked).toEqual(["totp"]);
    // The login, then the refresh: each with the refresh token the login gave.
    expect(tokens).toHaveLength(2);
    expect(tokens[1]?.refresh).toBe(tokens[0]?.refresh);
    expect(tokens[1]?.access).not.toBe(tokens[0]?.access);
  });

  it("without a code: an AuthError naming the method and the ways to give one, never the password", async () => {
    const { email, id } = await user();
    fx.server.twoFactor.enableTotp(id);
    const error = await failure(connect(email));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain("needs a second factor (totp)");
    expect((error as AuthError).message).toContain("TRACKER_OTP");
    expect((error as AuthError).message).not.toContain(PASSWORD);
  });

  it("a wrong code: an AuthError saying the code is wrong", async () => {
    const { email, id } = await user();
    const { secret } = fx.server.twoFactor.enableTotp(id);
    const wrong = code(secret) === "000000" ? "111111" : "000000";
    const error = await failure(connect(email, { TRACKER_OTP: wrong }));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain("the totp code is wrong or has expired");
    expect((error as AuthError).message).not.toContain(PASSWORD);
  });

  it("raw.delete sends its body: DELETE auth/totp with the code turns TOTP off (it used to send none)", async () => {
    const { email, id } = await user();
    const { secret } = fx.server.twoFactor.enableTotp(id);
    const tracker = await connect(email, { TRACKER_OTP: code(secret) });
    expect(await tracker.raw.delete("auth/totp", { totp: code(secret) })).toEqual({ success: true });
    expect((await (await connect(email)).whoami()).id).toBe(id);
  });
});

describe("recovery codes", () => {
  it("log in once each, as TRACKER_OTP or as what onOtp returns", async () => {
    const { email, id } = await user();
    const { recoveryCodes } = fx.server.twoFactor.enableTotp(id);
    const [first, second] = recoveryCodes ?? [];
    // Typed in lower case: Zou's codes are upper case, the adapter sends them so.
    await connect(email, { TRACKER_OTP: first?.toLowerCase() });
    const reused = await failure(connect(email, { TRACKER_OTP: first }));
    expect((reused as AuthError).message).toContain("recovery code (each works once) is wrong");
    const tracker = await connect(email, {}, { onOtp: () => second ?? "" });
    expect((await tracker.whoami()).id).toBe(id);
  });
});

describe("email OTP", () => {
  it("onOtp is asked after Zou was asked to email the code", async () => {
    const { email, id } = await user();
    fx.server.twoFactor.enableEmailOtp(id);
    const tracker = await connect(
      email,
      {},
      {
        onOtp: (method, request) => {
          expect(method).toBe("email_otp");
          expect(request.emailSent).toBe(true);
          return fx.server.twoFactor.lastEmailOtp(email) ?? "";
        },
      },
    );
    expect((await tracker.whoami()).id).toBe(id);
  });

  it("a one-shot script: the first run has the code emailed and says so, the second logs in with TRACKER_OTP", async () => {
    const { email, id } = await user();
    fx.server.twoFactor.enableEmailOtp(id);
    const error = await failure(connect(email));
    expect((error as AuthError).message).toContain("needs a second factor (email_otp)");
    expect((error as AuthError).message).toContain("the code the tracker just emailed");
    const mailed = fx.server.twoFactor.lastEmailOtp(email);
    expect(mailed).toMatch(/^\d{6}$/);
    const tracker = await connect(email, { TRACKER_OTP: mailed });
    expect((await tracker.whoami()).id).toBe(id);
  });
});

describe("FIDO", () => {
  it("a FIDO-only account is an AuthError pointing at a bot token or another method", async () => {
    const { email, id } = await user();
    const { recoveryCodes } = fx.server.twoFactor.enableFido(id);
    const error = await failure(connect(email, {}, { onOtp: () => "123456" }));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain("needs a FIDO security key");
    expect((error as AuthError).message).toContain("bot token");
    // A recovery code is the other way in.
    const tracker = await connect(email, { TRACKER_OTP: recoveryCodes?.[0] });
    expect((await tracker.whoami()).id).toBe(id);
  });
});
