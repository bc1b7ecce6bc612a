import { z } from "zod";
import { ConfigError } from "../errors.js";

/*
 * How a user session proves who it is beyond the password (two-factor codes) and how a long-lived
 * tool keeps it across runs (tokens). The strings (`otp`, `tokens`) are config, validated with the
 * rest; the callbacks are options of `Tracker.fromEnv` that core hands to the adapter.
 */

/**
 * A second factor `onOtp` is asked for, named as Zou names them: a code from an authenticator app
 * (`totp`) or a code the tracker emails (`email_otp`). Kitsu also accepts a single-use recovery
 * code (`recovery_code`) for any account: return one instead of the code to use it.
 */
export type OtpMethod = "totp" | "email_otp";

/** The methods `onOtp` can be asked for, in Zou's names. */
export const otpMethods = ["totp", "email_otp"] as const satisfies readonly OtpMethod[];

/** A session's tokens: what `onTokens` receives and what `tokens` resumes a session from. */
export const sessionTokensSchema = z.object({
  /** The access token (Kitsu: 7 days by default). */
  access: z.string().min(1),
  /** The refresh token that renews `access` (Kitsu: 15 days); without it the session logs in again. */
  refresh: z.string().min(1).optional(),
});
/** A session's access and refresh tokens. Secrets: store them as you would a password. */
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

/** What `onOtp` is told besides the method. */
export interface OtpRequest {
  /** The login being completed. */
  login: string;
  /** Every method the account accepts, as the tracker lists them (Kitsu: always `recovery_code` too). */
  methods: readonly string[];
  /** True when the tracker was just asked to email the code (`email_otp`). */
  emailSent: boolean;
}

/** Answers the tracker's request for a second factor: the code, or a recovery code instead. */
export type OtpPrompt = (method: OtpMethod, request: OtpRequest) => string | Promise<string>;

/** Options of a user session about two-factor login and its tokens (`Tracker.fromEnv`, `createAdapter`). */
export interface AuthOptions {
  /**
   * The second-factor code for this login, for one-shot scripts: a 6-digit code (authenticator app,
   * or the email the tracker sent), or one of the account's recovery codes (10 letters and digits,
   * used up once accepted). Ignored when the account has no 2FA. Also read from `TRACKER_OTP`.
   * A code expires within a minute (app) or five (email): for a session that may need to log in
   * again later, give `onOtp` instead.
   *
   * @default process.env.TRACKER_OTP
   * @example
   * otp: "492039"
   */
  otp?: string;
  /**
   * Called when the tracker asks for a second factor, with the method the account prefers: return
   * the code (a 6-digit one, or a recovery code to use that instead). For `email_otp` the tracker
   * has just been asked to email it. Called again only if the session must log in again (its
   * refresh token died). A wrong code is an AuthError, not a second prompt.
   *
   * @default undefined (a 2FA account without `otp` is an AuthError naming the method)
   * @example
   * onOtp: (method) => ask(method === "email_otp" ? "Code Kitsu just emailed you: " : "Authenticator code: ")
   */
  onOtp?: OtpPrompt;
  /**
   * Tokens saved from an earlier session (`onTokens`), to resume it without logging in. When they
   * no longer work (expired, logged out), the session logs in with the login and password when it
   * has them, else fails with an AuthError saying so.
   *
   * @default undefined (log in with the login and password)
   * @example
   * tokens: savedTokens
   */
  tokens?: SessionTokens;
  /**
   * Called with the session's tokens each time they change: after a login and after each refresh,
   * so that a long-lived tool can store them and resume (`tokens`). Awaited; what it throws
   * fails the request that led to the change. Never called for a bot token.
   *
   * @default undefined
   * @example
   * onTokens: (tokens) => saveTokens(tokens)
   */
  onTokens?: (tokens: SessionTokens) => void | Promise<void>;
}

/** The `fromEnv()` option names of AuthOptions. */
export const authOptionKeys = ["otp", "onOtp", "tokens", "onTokens"] as const;

/** The auth options of `fromEnv()`, checked; their values are secrets and never echoed. */
export function checkAuthOptions(options: Record<string, unknown>): void {
  const { otp, onOtp, tokens, onTokens } = options;
  if (otp !== undefined && (typeof otp !== "string" || otp.trim() === "")) {
    throw ConfigError.invalidSecretOption("otp", otp, "a string: the 6-digit code or a recovery code");
  }
  if (tokens !== undefined && !sessionTokensSchema.safeParse(tokens).success) {
    throw ConfigError.invalidSecretOption("tokens", tokens, "the object onTokens gave, { access, refresh }");
  }
  for (const [name, value] of [
    ["onOtp", onOtp],
    ["onTokens", onTokens],
  ] as const) {
    if (value !== undefined && typeof value !== "function") {
      throw ConfigError.invalidOption(name, value, "a function");
    }
  }
}
