import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { organisation } from "./codec/people.js";
import type { ServerContext } from "./server-context.js";
import type { KitsuState } from "./state.js";

/*
 * Two-factor login as Zou 1.0.67 keeps it (zou/app/services/auth_service.py): per person a TOTP
 * secret, an email-OTP secret with the code last mailed (5 minutes), a FIDO flag, single-use
 * recovery codes issued with the first method enabled, and the preferred method. No mail leaves the
 * server: tests read the code it "sent" through `server.twoFactor`.
 */

export type TwoFactorMethod = "totp" | "email_otp" | "fido";

/** The second-factor fields of a login or of a 2FA-protected route (Zou's TwoFactorAuthSchema). */
export interface SecondFactorInput {
  totp?: unknown;
  email_otp?: unknown;
  fido_authentication_response?: unknown;
  recovery_code?: unknown;
}

interface PersonTwoFactor {
  totpSecret?: string;
  totpEnabled: boolean;
  emailOtpEnabled: boolean;
  fidoEnabled: boolean;
  recoveryCodes: string[];
  preferred: TwoFactorMethod | null;
}

const EMAIL_OTP_TTL_MS = 5 * 60 * 1000;
/** When the preferred method is disabled, Zou falls back in this order (TWO_FACTOR_FALLBACKS). */
const fallbacks: Record<TwoFactorMethod, TwoFactorMethod[]> = {
  totp: ["fido", "email_otp"],
  email_otp: ["fido", "totp"],
  fido: ["totp", "email_otp"],
};
const codeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Thrown when a code is missing: Zou's MissingOTPException, with what the login answer lists. */
export class MissingOtp extends Error {
  constructor(
    readonly preferred: TwoFactorMethod | null,
    readonly enabled: string[],
  ) {
    super("missing OTP");
  }
}

/** 2FA controls of the Kitsu-compatible server (`server.twoFactor`), for tests. */
export interface TwoFactorControls {
  /** The email code the server last "sent" to `email` (`GET auth/email-otp`), while it is valid. */
  lastEmailOtp(email: string): string | undefined;
  /** Turns TOTP on for a person without the PUT/POST dance; its secret (base32) and first recovery codes. */
  enableTotp(personId: string): { secret: string; recoveryCodes: string[] | null };
  /** Turns email OTP on for a person; its first recovery codes. */
  enableEmailOtp(personId: string): { recoveryCodes: string[] | null };
  /** Marks a person as having a FIDO key (no WebAuthn here: a FIDO answer is always refused). */
  enableFido(personId: string): { recoveryCodes: string[] | null };
}

export class TwoFactorStore {
  private readonly people = new Map<string, PersonTwoFactor>();
  private readonly emailCodes = new Map<string, { code: string; expires: number }>();

  constructor(private readonly state: KitsuState) {}

  of(personId: string): PersonTwoFactor {
    let entry = this.people.get(personId);
    if (!entry) {
      entry = { totpEnabled: false, emailOtpEnabled: false, fidoEnabled: false, recoveryCodes: [], preferred: null };
      this.people.set(personId, entry);
    }
    return entry;
  }

  enabled(personId: string): boolean {
    const p = this.of(personId);
    return p.totpEnabled || p.emailOtpEnabled || p.fidoEnabled;
  }

  /** Zou's check_two_factor_authentication: the first field its method is enabled for decides. */
  check(personId: string, email: string, input: SecondFactorInput): boolean {
    const p = this.of(personId);
    const given = (value: unknown) => value !== undefined && value !== null;
    if (p.totpEnabled && given(input.totp)) return this.checkTotp(p, String(input.totp));
    if (p.emailOtpEnabled && given(input.email_otp)) return this.checkEmailOtp(email, String(input.email_otp));
    // No WebAuthn ceremony here: like Zou without a challenge in the session, a FIDO answer fails.
    if (p.fidoEnabled && given(input.fido_authentication_response)) return false;
    if (given(input.recovery_code)) return this.useRecoveryCode(p, String(input.recovery_code));
    const enabled = ["recovery_code"];
    if (p.totpEnabled) enabled.push("totp");
    if (p.emailOtpEnabled) enabled.push("email_otp");
    if (p.fidoEnabled) enabled.push("fido");
    throw new MissingOtp(p.preferred, enabled);
  }

  /** PUT auth/totp: a new secret, not yet enabled. */
  preEnableTotp(personId: string, email: string): { uri: string; secret: string } {
    const p = this.of(personId);
    p.totpSecret = new Secret({ size: 20 }).base32;
    const issuer = `Kitsu ${String(organisation(this.state, false).name)}`;
    const uri = new TOTP({ issuer, label: email, secret: Secret.fromBase32(p.totpSecret) }).toString();
    return { uri, secret: p.totpSecret };
  }

  /** POST auth/totp: enables TOTP when the code matches the pre-enabled secret; undefined when it does not. */
  enableTotp(personId: string, code: string): { recoveryCodes: string[] | null } | undefined {
    const p = this.of(personId);
    if (!this.checkTotp(p, code)) return undefined;
    p.totpEnabled = true;
    return { recoveryCodes: this.methodEnabled(personId, "totp") };
  }

  disableTotp(personId: string): void {
    const p = this.of(personId);
    p.totpEnabled = false;
    p.totpSecret = undefined;
    this.methodDisabled(personId, "totp");
  }

  /** GET auth/email-otp and PUT auth/email-otp: a new code "mailed" to `email`, valid 5 minutes. */
  sendEmailOtp(email: string): void {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    this.emailCodes.set(email.toLowerCase(), { code, expires: Date.now() + EMAIL_OTP_TTL_MS });
  }

  lastEmailOtp(email: string): string | undefined {
    const sent = this.emailCodes.get(email.toLowerCase());
    return sent && sent.expires > Date.now() ? sent.code : undefined;
  }

  enableEmailOtp(personId: string, email: string, code: string): { recoveryCodes: string[] | null } | undefined {
    if (!this.checkEmailOtp(email, code)) return undefined;
    this.of(personId).emailOtpEnabled = true;
    return { recoveryCodes: this.methodEnabled(personId, "email_otp") };
  }

  disableEmailOtp(personId: string): void {
    this.of(personId).emailOtpEnabled = false;
    this.methodDisabled(personId, "email_otp");
  }

  enableFido(personId: string): { recoveryCodes: string[] | null } {
    this.of(personId).fidoEnabled = true;
    return { recoveryCodes: this.methodEnabled(personId, "fido") };
  }

  /** Zou's disable_two_factor_authentication_for_person: every method off, codes and preference dropped. */
  disableAll(personId: string): void {
    this.people.delete(personId);
    this.publish(personId);
  }

  /** PUT auth/recovery-codes: a new set replaces the old one. */
  newRecoveryCodes(personId: string): string[] {
    const codes = generateRecoveryCodes();
    this.of(personId).recoveryCodes = [...codes];
    this.publish(personId);
    return codes;
  }

  private checkTotp(p: PersonTwoFactor, code: string): boolean {
    if (!p.totpSecret) return false;
    // pyotp's verify(valid_window=1): the previous, current and next 30 s steps.
    return new TOTP({ secret: Secret.fromBase32(p.totpSecret) }).validate({ token: code, window: 1 }) !== null;
  }

  /** A mailed code works once (Zou deletes its counter on success). */
  private checkEmailOtp(email: string, code: string): boolean {
    const key = email.toLowerCase();
    const sent = this.emailCodes.get(key);
    if (!sent || sent.expires <= Date.now() || sent.code !== code) return false;
    this.emailCodes.delete(key);
    return true;
  }

  private useRecoveryCode(p: PersonTwoFactor, code: string): boolean {
    const at = p.recoveryCodes.indexOf(code);
    if (at < 0) return false;
    p.recoveryCodes.splice(at, 1);
    return true;
  }

  /** Zou's _enable_two_factor_method: first recovery codes, and the preferred method when none is. */
  private methodEnabled(personId: string, method: TwoFactorMethod): string[] | null {
    const p = this.of(personId);
    let codes: string[] | null = null;
    if (p.recoveryCodes.length === 0) {
      codes = generateRecoveryCodes();
      p.recoveryCodes = [...codes];
    }
    p.preferred ??= method;
    this.publish(personId);
    return codes;
  }

  /** Zou's _disable_two_factor_method: fall back to another method, or drop codes and preference. */
  private methodDisabled(personId: string, method: TwoFactorMethod): void {
    const p = this.of(personId);
    if (!this.enabled(personId)) {
      p.recoveryCodes = [];
      p.preferred = null;
    } else if (p.preferred === method) {
      const on = { totp: p.totpEnabled, email_otp: p.emailOtpEnabled, fido: p.fidoEnabled };
      p.preferred = fallbacks[method].find((m) => on[m]) ?? p.preferred;
    }
    this.publish(personId);
  }

  /** The person row's 2FA columns, as Zou serializes them. */
  private publish(personId: string): void {
    const p = this.of(personId);
    this.state.setExtra(personId, {
      totp_enabled: p.totpEnabled,
      email_otp_enabled: p.emailOtpEnabled,
      fido_enabled: p.fidoEnabled,
      preferred_two_factor_authentication: p.preferred,
    });
  }
}

/** Zou's generate_recovery_codes: 16 codes of 10 upper-case letters and digits. */
function generateRecoveryCodes(): string[] {
  return Array.from({ length: 16 }, () =>
    Array.from({ length: 10 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join(""),
  );
}

const stores = new WeakMap<KitsuState, TwoFactorStore>();

/** The server's 2FA store (one per server state). */
export function twoFactorOf(ctx: ServerContext): TwoFactorStore {
  let store = stores.get(ctx.state);
  if (!store) {
    store = new TwoFactorStore(ctx.state);
    stores.set(ctx.state, store);
  }
  return store;
}

export function twoFactorControls(ctx: ServerContext): TwoFactorControls {
  const store = () => twoFactorOf(ctx);
  return {
    lastEmailOtp: (email) => store().lastEmailOtp(email),
    enableTotp(personId) {
      const { secret } = store().preEnableTotp(personId, personId);
      const enabled = store().enableTotp(personId, new TOTP({ secret: Secret.fromBase32(secret) }).generate());
      return { secret, recoveryCodes: enabled?.recoveryCodes ?? null };
    },
    enableEmailOtp(personId) {
      const key = `email-otp-setup-${personId}`;
      store().sendEmailOtp(key);
      const code = store().lastEmailOtp(key) ?? "";
      return { recoveryCodes: store().enableEmailOtp(personId, key, code)?.recoveryCodes ?? null };
    },
    enableFido: (personId) => store().enableFido(personId),
  };
}
