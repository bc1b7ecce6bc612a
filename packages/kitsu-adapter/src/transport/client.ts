import {
  NetworkError,
  type RawClient,
  type RequestInfo,
  type RequestLog,
  requestLog,
  ServerError,
  TimeoutError,
} from "@gadget/core/adapter";
import ky, { type Input, type KyInstance } from "ky";
import { type KitsuTransportOptions, type ResolvedTransportOptions, resolveTransportOptions } from "../options.js";
import { type Credentials, KitsuAuth } from "./auth.js";
import { resolveUrls } from "./base-url.js";
import { isExpiredSignature } from "./error-body.js";
import { answerFailure, attemptFailures, networkCause } from "./failure.js";
import { readText } from "./read-body.js";
import type { RequestSpec, SearchParams } from "./request-spec.js";
import { RequestTrace } from "./request-trace.js";
import { RetryRun } from "./retry.js";
import { streamUpload } from "./stream-upload.js";

export interface KitsuClientOptions extends KitsuTransportOptions {
  /** The server's origin or its `/api` URL. */
  url: string;
  credentials: Credentials;
}

/** Requests per session, for tests and benchmarks that count round trips. */
export interface ClientStats {
  requests: number;
  retries: number;
  refreshes: number;
}

/**
 * One HTTP session with a Kitsu server: ky underneath (streamed uploads on node:http, see
 * stream-upload.ts), Bearer auth with refresh, per-attempt and total timeouts, the retry policy of
 * retry.ts, and Zou's answers mapped to core's typed errors.
 */
export class KitsuClient {
  readonly origin: string;
  readonly apiUrl: string;
  readonly auth: KitsuAuth;
  readonly raw: RawClient;
  readonly options: ResolvedTransportOptions;
  readonly stats: ClientStats = { requests: 0, retries: 0, refreshes: 0 };
  private readonly http: KyInstance;
  private readonly log: RequestLog | undefined;

  constructor(options: KitsuClientOptions) {
    const urls = resolveUrls(options.url);
    this.origin = urls.origin;
    this.apiUrl = urls.api;
    this.options = resolveTransportOptions(options);
    this.log = requestLog(options.logger);
    this.http = ky.create({
      prefixUrl: this.apiUrl,
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
    const response = await this.exchange(spec, deadline);
    const path = trimPath(spec.path);
    const info: RequestInfo = { method: spec.method, path: `/${path}`, status: response.status };
    let text: string | undefined;
    try {
      text = await readText(response, deadline - Date.now());
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
  send(spec: RequestSpec): Promise<Response> {
    return this.exchange({ ...spec, readBack: undefined }, Date.now() + this.options.totalTimeout);
  }

  /** One request under the retry policy of retry.ts, which also refreshes an expired token. */
  private exchange(spec: RequestSpec, deadline: number): Promise<Response> {
    const o = this.options;
    const path = trimPath(spec.path);
    const info: RequestInfo = { method: spec.method, path: `/${path}` };
    const authed = spec.auth !== false;
    const bot = authed && this.auth.isBot;
    const timeout = spec.timeout ?? o.timeout;
    const trace = this.log && new RequestTrace(this.log, spec);
    const run = new RetryRun(o.retry, spec, {
      deadline,
      totalTimeout: () => TimeoutError.request(info, o.totalTimeout, "totalTimeout"),
      failureOf: attemptFailures({
        url: `${this.apiUrl}/${path}`,
        request: info,
        timeout,
        timeoutOption: spec.timeout === undefined ? "timeout" : "transferTimeout",
        bot,
        remaining: () => deadline - Date.now(),
      }),
      token: async () => (authed ? this.auth.accessToken() : spec.bearer),
      refused: async (response) => {
        const { body, failure } = await answerFailure(response, info, bot, deadline - Date.now());
        return { failure, expired: !bot && isExpiredSignature(response.status, body) };
      },
      refresh: async (stale) => {
        this.stats.refreshes++;
        trace?.refreshing();
        await this.auth.refresh(stale);
      },
      onRetry: (error) => {
        this.stats.retries++;
        trace?.retrying(error);
      },
    });
    return run.send((token, retrying) =>
      this.http(path, {
        ...retrying,
        method: spec.method,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        searchParams: spec.searchParams,
        json: spec.json,
        timeout,
        fetch: this.fetcher(spec, trace),
      }),
    );
  }

  /**
   * Counts each attempt, and logs it when the session logs; an upload goes over node:http with a
   * body built anew for the attempt.
   */
  private fetcher(spec: RequestSpec, trace?: RequestTrace): (input: Input, init?: RequestInit) => Promise<Response> {
    return (input, init) => {
      this.stats.requests++;
      const built = spec.body && input instanceof Request ? spec.body() : undefined;
      const sending =
        built && input instanceof Request
          ? streamUpload({
              url: new URL(input.url),
              method: input.method,
              headers: { ...Object.fromEntries(input.headers), ...built.headers },
              body: built.body,
              signal: input.signal,
            })
          : fetch(input, init);
      if (!trace) return sending;
      const length = built?.headers["content-length"];
      const signal = input instanceof Request ? input.signal : undefined;
      return trace.attempt(sending, signal, length === undefined ? undefined : Number(length));
    };
  }
}

const trimPath = (path: string) => path.replace(/^\/+/, "");
