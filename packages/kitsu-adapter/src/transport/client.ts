import { AuthError, NetworkError, type RawClient, type RequestInfo, ServerError, TimeoutError } from "@gadget/core";
import ky, { type KyInstance } from "ky";
import { type KitsuTransportOptions, type ResolvedTransportOptions, resolveTransportOptions } from "../options.js";
import { type Credentials, KitsuAuth } from "./auth.js";
import { backoffDelay, retryableStatuses, sleep } from "./backoff.js";
import { resolveUrls } from "./base-url.js";
import { isExpiredSignature, parseErrorBody, retryAfterMs } from "./error-body.js";
import { mapHttpError } from "./map-error.js";
import { readText } from "./read-body.js";
import type { RequestSpec, SearchParams } from "./request-spec.js";
import { streamUpload } from "./stream-upload.js";

export interface KitsuClientOptions extends KitsuTransportOptions {
  /** The server's origin or its `/api` URL. */
  url: string;
  credentials: Credentials;
}

type Outcome<T> = { kind: "response"; response: Response } | { kind: "landed"; value: T };

/** Requests per session, for tests and benchmarks that count round trips. */
export interface ClientStats {
  requests: number;
  retries: number;
  refreshes: number;
}

/**
 * One HTTP session with a Kitsu server: ky underneath (streamed uploads on node:http, see
 * stream-upload.ts), Bearer auth with refresh, per-attempt and
 * total timeouts, retries with backoff and jitter for what is safe to repeat, and Zou's answers
 * mapped to core's typed errors.
 */
export class KitsuClient {
  readonly origin: string;
  readonly apiUrl: string;
  readonly auth: KitsuAuth;
  readonly raw: RawClient;
  readonly options: ResolvedTransportOptions;
  readonly stats: ClientStats = { requests: 0, retries: 0, refreshes: 0 };
  private readonly http: KyInstance;

  constructor(options: KitsuClientOptions) {
    const urls = resolveUrls(options.url);
    this.origin = urls.origin;
    this.apiUrl = urls.api;
    this.options = resolveTransportOptions(options);
    this.http = ky.create({
      prefixUrl: this.apiUrl,
      retry: 0,
      throwHttpErrors: false,
      headers: { "user-agent": this.options.userAgent, accept: "application/json" },
    });
    this.auth = new KitsuAuth({ send: (spec) => this.send(spec) }, options.credentials);
    this.raw = {
      get: <T>(path: string, o?: { searchParams?: SearchParams }) =>
        this.request<T>({ method: "GET", path, searchParams: o?.searchParams }),
      post: <T>(path: string, body?: unknown) => this.request<T>({ method: "POST", path, json: body ?? {} }),
      put: <T>(path: string, body?: unknown) => this.request<T>({ method: "PUT", path, json: body ?? {} }),
      delete: <T>(path: string) => this.request<T>({ method: "DELETE", path }),
    };
  }

  /** Sends a request and parses its JSON answer (undefined for an empty body). */
  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const deadline = Date.now() + this.options.totalTimeout;
    const outcome = await this.exchange(spec, deadline);
    if (outcome.kind === "landed") return outcome.value;
    const path = trimPath(spec.path);
    const info: RequestInfo = { method: spec.method, path: `/${path}`, status: outcome.response.status };
    let text: string | undefined;
    try {
      text = await readText(outcome.response, deadline - Date.now());
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      throw NetworkError.interrupted(`${this.apiUrl}/${path}`, networkCause(error), info);
    }
    if (text === undefined) throw TimeoutError.request(info, this.options.totalTimeout, "totalTimeout");
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw ServerError.unexpectedResponse(
        "answer",
        "the body is not JSON (a proxy or a login page in the way?)",
        info,
      );
    }
  }

  /** Sends a request and hands back the response unread (downloads, login). */
  async send(spec: RequestSpec): Promise<Response> {
    const outcome = await this.exchange({ ...spec, landed: undefined }, Date.now() + this.options.totalTimeout);
    if (outcome.kind === "landed") throw new TypeError("send() cannot return a looked-up result");
    return outcome.response;
  }

  private async exchange<T>(spec: RequestSpec<T>, deadline: number): Promise<Outcome<T>> {
    const o = this.options;
    const path = trimPath(spec.path);
    const info: RequestInfo = { method: spec.method, path: `/${path}` };
    const repeatable = spec.idempotent ?? spec.method !== "POST";
    const authed = spec.auth !== false;
    let attempt = 0;
    let refreshes = 0;

    const mayRetry = () => (repeatable || spec.landed !== undefined) && attempt < o.retries;
    const wait = async (ms: number, failure: Error) => {
      if (Date.now() + ms >= deadline) {
        // Out of budget: a timed-out attempt is now the total timeout's doing, and says so.
        throw failure instanceof TimeoutError ? TimeoutError.request(info, o.totalTimeout, "totalTimeout") : failure;
      }
      this.stats.retries++;
      attempt++;
      await sleep(ms, spec.signal);
    };

    for (;;) {
      const token = authed ? await this.auth.accessToken() : spec.bearer;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw TimeoutError.request(info, o.totalTimeout, "totalTimeout");
      const perAttempt = spec.timeout ?? o.timeout;
      let response: Response;
      try {
        response = await this.attempt(path, spec, token, Math.min(perAttempt, remaining));
      } catch (error) {
        if (spec.signal?.aborted) throw spec.signal.reason;
        const timedOut = error instanceof Error && error.name === "TimeoutError";
        const failure = timedOut
          ? perAttempt < remaining
            ? TimeoutError.request(info, perAttempt, spec.timeout === undefined ? "timeout" : "transferTimeout")
            : TimeoutError.request(info, o.totalTimeout, "totalTimeout")
          : NetworkError.unreachable(`${this.apiUrl}/${path}`, networkCause(error), info);
        if (!mayRetry()) throw failure;
        await wait(backoffDelay(attempt, o.backoffBase, o.backoffMax), failure);
        if (!repeatable && spec.landed) {
          const found = await spec.landed();
          if (found !== undefined) return { kind: "landed", value: found };
        }
        continue;
      }
      if (response.ok || spec.passStatus?.includes(response.status)) return { kind: "response", response };

      const body = parseErrorBody((await readText(response, deadline - Date.now()).catch(() => "")) ?? "");
      const status = { ...info, status: response.status };
      if (authed && isExpiredSignature(response.status, body)) {
        if (this.auth.isBot) throw AuthError.botTokenExpired(status);
        if (refreshes >= 2) throw AuthError.refreshFailed(status);
        refreshes++;
        this.stats.refreshes++;
        await this.auth.refresh(token);
        continue;
      }
      const after = retryAfterMs(response.headers.get("retry-after"));
      const failure = mapHttpError(status, body, { bot: authed && this.auth.isBot, retryAfterMs: after });
      if (!retryableStatuses.has(response.status) || !mayRetry()) throw failure;
      const delay =
        response.status === 429 && after !== undefined
          ? Math.min(after, o.backoffMax)
          : backoffDelay(attempt, o.backoffBase, o.backoffMax);
      await wait(delay, failure);
      if (!repeatable && spec.landed) {
        const found = await spec.landed();
        if (found !== undefined) return { kind: "landed", value: found };
      }
    }
  }

  private attempt(path: string, spec: RequestSpec, token: string | undefined, timeout: number): Promise<Response> {
    this.stats.requests++;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    const built = spec.body?.();
    if (built) {
      Object.assign(headers, built.headers, { "user-agent": this.options.userAgent, accept: "application/json" });
      const url = new URL(`${this.apiUrl}/${path}`);
      for (const [key, value] of Object.entries(spec.searchParams ?? {})) url.searchParams.set(key, String(value));
      return streamUpload({ url, method: spec.method, headers, body: built.body, timeout, signal: spec.signal });
    }
    return this.http(path, {
      method: spec.method,
      headers,
      searchParams: spec.searchParams,
      json: spec.json,
      timeout,
      signal: spec.signal,
    });
  }
}

const trimPath = (path: string) => path.replace(/^\/+/, "");

/** Node's fetch hides the socket error in `cause`; name it instead of the vague "fetch failed". */
function networkCause(error: unknown): unknown {
  if (error instanceof Error && error.cause instanceof Error) {
    const code = (error.cause as Error & { code?: string }).code;
    return new Error(code ? `${code} (${error.cause.message})` : error.cause.message, { cause: error });
  }
  return error;
}
