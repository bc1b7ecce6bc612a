import { inspect } from "node:util";
import {
  AuthError,
  ConfigError,
  type OtpPrompt,
  type RequestInfo,
  type SessionTokens,
  TrackerError,
} from "@gadget/core/adapter";
import type { RequestSpec } from "./request-spec.js";
import { type MissingOtp, type SecondFactorFields, secondFactor } from "./two-factor.js";

/** The part of the client the auth layer needs: one unauthenticated exchange, and where it goes. */
export interface AuthTransport {
  send(spec: RequestSpec): Promise<Response>;
  /** The API base, for messages about a TRACKER_URL that is not the Kitsu API. */
  readonly apiUrl: string;
}

export interface Credentials {
  login?: string;
  password?: string;
  /** Bot token: used as is, never refreshed. */
  token?: string | undefined;
  /** A second-factor code for the login (config `otp`, `TRACKER_OTP`). */
  otp?: string | undefined;
  /** Asks for a second-factor code when the login needs one. */
  onOtp?: OtpPrompt | undefined;
  /** Tokens of an earlier session, used before any login. */
  tokens?: SessionTokens | undefined;
  /** Told the tokens each time they change (login, refresh). */
  onTokens?: ((tokens: SessionTokens) => void | Promise<void>) | undefined;
}

interface LoginBody extends MissingOtp {
  login?: boolean;
  access_token?: string;
  refresh_token?: string;
  too_many_failed_login_attemps?: boolean;
  missing_OTP?: boolean;
  wrong_OTP?: boolean;
  default_password?: boolean;
  unactive?: boolean;
  message?: string;
}

/** The login answer as JSON; a page (a web server, a proxy's login form) means TRACKER_URL is not the API. */
async function loginBody(response: Response, apiUrl: string): Promise<LoginBody> {
  const text = await response.text().catch(() => "");
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null) return body as LoginBody;
  } catch {
    // Not JSON: said below.
  }
  const type = response.headers.get("content-type") ?? "";
  const answer =
    type.includes("html") || text.trimStart().startsWith("<") ? "an HTML page" : "an answer that is not JSON";
  throw ConfigError.notKitsu(apiUrl, `${answer} (HTTP ${response.status}) to a login`);
}

/**
 * Session tokens. A user session logs in lazily and refreshes its access token with the refresh
 * token whenever Zou says it expired; concurrent requests share one refresh (single-flight). A bot
 * session holds a fixed token: its expiry is final (`AuthError.botTokenExpired`).
 */
export class KitsuAuth {
  readonly isBot: boolean;
  /** The session started from saved tokens (`tokens`) rather than a login. */
  readonly resumed: boolean;
  // Secrets live in private fields: util.inspect, console.log and JSON.stringify never reach them.
  #access: string | undefined;
  #refreshToken: string | undefined;
  readonly #credentials: Credentials;
  readonly #onTokens: Credentials["onTokens"];
  readonly #transport: AuthTransport;
  #inFlight: Promise<string> | undefined;

  constructor(transport: AuthTransport, credentials: Credentials) {
    this.#transport = transport;
    this.#credentials = { ...credentials };
    this.#onTokens = credentials.onTokens;
    this.isBot = credentials.token !== undefined;
    this.#access = credentials.token ?? credentials.tokens?.access;
    this.#refreshToken = credentials.tokens?.refresh;
    this.resumed = !this.isBot && credentials.tokens !== undefined;
    if (!this.isBot && !this.resumed && (!credentials.login || !credentials.password)) {
      throw ConfigError.missingVariable(
        credentials.login ? "TRACKER_PASSWORD" : "TRACKER_LOGIN",
        "Set TRACKER_LOGIN and TRACKER_PASSWORD, or TRACKER_TOKEN for a bot.",
      );
    }
  }

  /** What a log shows of the session's auth: who, and whether it holds a token; never the token itself. */
  toJSON(): Record<string, unknown> {
    const who = this.isBot ? { bot: true } : { login: this.#credentials.login };
    return { ...who, hasAccessToken: this.#access !== undefined };
  }

  [inspect.custom](): string {
    return `KitsuAuth ${inspect(this.toJSON())}`;
  }

  /** The current access token; logs in first when the session has none. */
  accessToken(): Promise<string> {
    if (this.#access !== undefined) return Promise.resolve(this.#access);
    return this.singleFlight(() => this.login());
  }

  /**
   * A fresh access token. `stale` is the token a request was refused with: when another request
   * already replaced it, the new one is returned without asking the server again.
   */
  refresh(stale?: string): Promise<string> {
    if (this.#inFlight) return this.#inFlight;
    if (stale !== undefined && this.#access !== undefined && this.#access !== stale)
      return Promise.resolve(this.#access);
    return this.singleFlight(() => (this.isBot ? this.validateBot() : this.renew()));
  }

  /** Whether the session can log in (again) with a login and password. */
  get canLogin(): boolean {
    return !this.isBot && Boolean(this.#credentials.login && this.#credentials.password);
  }

  /** Whether the session holds a user's access token, which a logout would revoke. */
  get hasUserSession(): boolean {
    return !this.isBot && this.#access !== undefined;
  }

  /** Forgets the tokens (after logout); the next request logs in again. */
  clear(): void {
    if (this.isBot) return;
    this.#access = undefined;
    this.#refreshToken = undefined;
  }

  private singleFlight(run: () => Promise<string>): Promise<string> {
    if (this.#inFlight) return this.#inFlight;
    this.#inFlight = run().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  private async login(): Promise<string> {
    const login = this.#credentials.login ?? "";
    const request: RequestInfo = { method: "POST", path: "/auth/login" };
    if (!this.canLogin) throw AuthError.tokensExpired(request);
    let { response, body } = await this.postLogin({});
    let method = "";
    if (!response.ok && body.missing_OTP) {
      const factor = await secondFactor(body, this.#credentials, {
        login,
        request: { ...request, status: response.status },
        sendEmailOtp: () => this.sendEmailOtp(login),
      });
      method = factor.method;
      ({ response, body } = await this.postLogin(factor.fields));
    }
    const info = { ...request, status: response.status };
    if (response.ok && body.access_token) {
      this.#access = body.access_token;
      this.#refreshToken = body.refresh_token;
      await this.tokensChanged();
      return body.access_token;
    }
    if (body.too_many_failed_login_attemps) throw AuthError.rejected(`too many failed logins for "${login}"`, info);
    if (body.wrong_OTP) throw AuthError.wrongOtp(login, method, info);
    // A code for a method the account does not have (a TOTP code to an email-only account) leaves it missing.
    if (body.missing_OTP) throw AuthError.otpRequired(login, body.preferred_two_factor_authentication ?? "otp", info);
    if (body.default_password) throw AuthError.rejected(`"${login}" must change the default password first`, info);
    if (body.unactive) throw AuthError.rejected(`the account "${login}" is inactive`, info);
    throw AuthError.badCredentials(login, info);
  }

  /** One `POST auth/login` with the password and, on the second step, a second-factor field. */
  private async postLogin(factor: SecondFactorFields | Record<string, never>): Promise<{
    response: Response;
    body: LoginBody;
  }> {
    let response: Response;
    try {
      response = await this.#transport.send({
        method: "POST",
        path: "auth/login",
        json: { email: this.#credentials.login, password: this.#credentials.password, ...factor },
        idempotent: true,
        auth: false,
        passStatus: [400, 401],
      });
    } catch (error) {
      // Every Kitsu has a login route: a 404 there means TRACKER_URL points elsewhere.
      if (error instanceof TrackerError && error.code === "NOT_FOUND") {
        throw ConfigError.notKitsu(this.#transport.apiUrl, "404 Not Found for its login route (/auth/login)", error);
      }
      throw error;
    }
    return { response, body: await loginBody(response, this.#transport.apiUrl) };
  }

  /**
   * Asks Zou to email a login code (`GET auth/email-otp?email=`). Zou answers `{success: true}`
   * whatever the account, so there is nothing to read back.
   */
  private async sendEmailOtp(login: string): Promise<void> {
    const response = await this.#transport.send({
      method: "GET",
      path: "auth/email-otp",
      searchParams: { email: login },
      auth: false,
    });
    await response.body?.cancel();
  }

  /** Tells `onTokens` the tokens the session now holds. */
  private async tokensChanged(): Promise<void> {
    if (!this.#onTokens || this.#access === undefined) return;
    await this.#onTokens(
      this.#refreshToken === undefined
        ? { access: this.#access }
        : { access: this.#access, refresh: this.#refreshToken },
    );
  }

  private async renew(): Promise<string> {
    const request: RequestInfo = { method: "GET", path: "/auth/refresh-token" };
    if (!this.#refreshToken) return this.login();
    let response: Response;
    try {
      response = await this.#transport.send({
        method: "GET",
        path: "auth/refresh-token",
        auth: false,
        bearer: this.#refreshToken,
        passStatus: [401, 422],
      });
    } catch (error) {
      if (error instanceof TrackerError && error.code !== "AUTH") throw error;
      throw AuthError.refreshFailed(request, error);
    }
    if (!response.ok) {
      // The refresh token expired (15 days) or was revoked by a logout: a new login is the only way back.
      this.#refreshToken = undefined;
      this.#access = undefined;
      return this.login();
    }
    const body = (await response.json().catch(() => ({}))) as { access_token?: string };
    if (!body.access_token) throw AuthError.refreshFailed({ ...request, status: response.status });
    this.#access = body.access_token;
    await this.tokensChanged();
    return body.access_token;
  }

  /** Bots cannot refresh: ask whether the token still works, and say so plainly when it does not. */
  private async validateBot(): Promise<string> {
    const token = this.#credentials.token ?? "";
    const response = await this.#transport.send({
      method: "GET",
      path: "auth/authenticated",
      auth: false,
      bearer: token,
      passStatus: [401, 422],
    });
    if (!response.ok) {
      throw AuthError.botTokenExpired({ method: "GET", path: "/auth/authenticated", status: response.status });
    }
    return token;
  }
}
