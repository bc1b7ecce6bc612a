import { AuthError, type OtpMethod, type OtpPrompt, type RequestInfo } from "@gadget/core/adapter";

/*
 * The second step of a Zou login when the account has 2FA (zou/app/services/auth_service.py,
 * check_two_factor_authentication): Zou answered 400 `missing_OTP` with the account's methods
 * (`two_factor_authentication_enabled`: always "recovery_code", plus "totp", "email_otp", "fido")
 * and the preferred one; the login is sent again with the code in the field of its method.
 */

/** What Zou's `missing_OTP` answer says about the account. */
export interface MissingOtp {
  preferred_two_factor_authentication?: string | null;
  two_factor_authentication_enabled?: string[];
}

/** The login body fields that carry a second factor, as Zou's LoginSchema names them. */
export type SecondFactorFields = { totp: string } | { email_otp: string } | { recovery_code: string };

/** Where the code comes from: the config's `otp`, or the interactive `onOtp`. */
export interface CodeSources {
  otp?: string | undefined;
  onOtp?: OtpPrompt | undefined;
}

/** What the step needs from the session: who logs in, and a way to ask Zou to email the code. */
export interface SecondFactorContext {
  login: string;
  request: RequestInfo;
  sendEmailOtp(): Promise<void>;
}

/** The second factor chosen, with the fields to send. */
export interface SecondFactor {
  method: OtpMethod | "recovery_code";
  fields: SecondFactorFields;
}

/** TOTP and email codes are digits (pyotp's 6 by default); recovery codes are 10 letters and digits. */
const isDigitCode = (code: string) => /^\d{6,8}$/.test(code);

/** The code method to ask for: the preferred one when a code can answer it, else TOTP, else email. */
function codeMethod(answer: MissingOtp, login: string, request: RequestInfo): OtpMethod {
  const methods = answer.two_factor_authentication_enabled ?? [];
  const preferred = answer.preferred_two_factor_authentication;
  const usable = (["totp", "email_otp"] as const).filter((m) => methods.includes(m));
  const method = usable.find((m) => m === preferred) ?? usable[0];
  if (method === undefined) throw AuthError.fidoOnly(login, request);
  return method;
}

/** The fields for a code: digits answer `method`; anything else is a recovery code (Zou's are upper-case). */
function fieldsFor(code: string, method: OtpMethod): SecondFactor {
  const trimmed = code.replace(/\s+/g, "");
  if (isDigitCode(trimmed)) return { method, fields: method === "totp" ? { totp: trimmed } : { email_otp: trimmed } };
  return { method: "recovery_code", fields: { recovery_code: trimmed.toUpperCase() } };
}

/**
 * Chooses the second factor and gets its code: the config's `otp` as given (never re-sending an
 * email, which would void the code the user holds), or `onOtp` after asking Zou to email the code
 * when that is the method. Without either, an email code is sent for the next run and the AuthError
 * says where to put it.
 */
export async function secondFactor(
  answer: MissingOtp,
  sources: CodeSources,
  ctx: SecondFactorContext,
): Promise<SecondFactor> {
  const { login, request } = ctx;
  const otp = sources.otp?.trim();
  // A recovery code answers any account, FIDO-only ones included.
  if (otp && !isDigitCode(otp.replace(/\s+/g, ""))) return fieldsFor(otp, "totp");
  const method = codeMethod(answer, login, request);
  if (otp) return fieldsFor(otp, method);
  if (method === "email_otp") await ctx.sendEmailOtp();
  if (!sources.onOtp) throw AuthError.otpRequired(login, method, request);
  const code = await sources.onOtp(method, {
    login,
    methods: answer.two_factor_authentication_enabled ?? [],
    emailSent: method === "email_otp",
  });
  if (typeof code !== "string" || code.trim() === "") throw AuthError.otpRequired(login, method, request);
  return fieldsFor(code, method);
}
