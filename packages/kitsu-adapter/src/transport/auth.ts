import { inspect } from "node:util";
import { AuthError, ConfigError, type RequestInfo, TrackerError } from "@gadget/core/adapter";
import type { RequestSpec } from "./request-spec.js";

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
  token?: string;
}

interface LoginBody {
  login?: boolean;
  access_token?: string;
  refresh_token?: string;
  too_many_failed_login_attemps?: boolean;
  missing_OTP?: boolean;
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
  // Secrets live in private fields: util.inspect, console.log and JSON.stringify never reach them.
  #access: string | undefined;
  #refreshToken: string | undefined;
  readonly #credentials: Credentials;
  readonly #transport: AuthTransport;
  #inFlight: Promise<string> | undefined;

  constructor(transport: AuthTransport, credentials: Credentials) {
    this.#transport = transport;
    this.#credentials = { ...credentials };
    this.isBot = credentials.token !== undefined;
    this.#access = credentials.token;
    if (!this.isBot && (!credentials.login || !credentials.password)) {
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
    let response: Response;
    try {
      response = await this.#transport.send({
        method: "POST",
        path: "auth/login",
        json: { email: login, password: this.#credentials.password },
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
    const info = { ...request, status: response.status };
    const body = await loginBody(response, this.#transport.apiUrl);
    if (response.ok && body.access_token) {
      this.#access = body.access_token;
      this.#refreshToken = body.refresh_token;
      return body.access_token;
    }
    if (body.too_many_failed_login_attemps) throw AuthError.rejected(`too many failed logins for "${login}"`, info);
    if (body.missing_OTP) throw AuthError.rejected(`"${login}" needs two-factor authentication`, info);
    if (body.default_password) throw AuthError.rejected(`"${login}" must change the default password first`, info);
    if (body.unactive) throw AuthError.rejected(`the account "${login}" is inactive`, info);
    throw AuthError.badCredentials(login, info);
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
