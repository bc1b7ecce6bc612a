import { NetworkError, type RawClient, type RequestInfo, ServerError, TimeoutError } from "@gadget/core";
import ky, { type Input, type KyInstance } from "ky";
import { type KitsuTransportOptions, type ResolvedTransportOptions, resolveTransportOptions } from "../options.js";
import { type Credentials, KitsuAuth } from "./auth.js";
import { resolveUrls } from "./base-url.js";
import { isExpiredSignature } from "./error-body.js";
import { answerFailure, attemptFailures, networkCause } from "./failure.js";
import { readText } from "./read-body.js";
import type { BodyFactory, RequestSpec, SearchParams } from "./request-spec.js";
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
  /**
   * Sequential round trips: the longest chain of requests each sent after the previous one's
   * answer came back. Requests sent side by side count once; at a given latency, this is what a
   * session's wall time grows with.
   */
  roundTrips: number;
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
  readonly stats: ClientStats = { requests: 0, retries: 0, refreshes: 0, roundTrips: 0 };
  private readonly http: KyInstance;
  /** Depth of the longest chain of requests whose last answer has come back. */
  private answeredDepth = 0;

  constructor(options: KitsuClientOptions) {
    const urls = resolveUrls(options.url);
    this.origin = urls.origin;
    this.apiUrl = urls.api;
    this.options = resolveTransportOptions(options);
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
        await this.auth.refresh(stale);
      },
      onRetry: () => {
        this.stats.retries++;
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
        fetch: this.fetcher(spec.body),
      }),
    );
  }

  /** Counts each attempt; an upload goes over node:http with a body built anew for the attempt. */
  private fetcher(body: BodyFactory | undefined): (input: Input, init?: RequestInit) => Promise<Response> {
    return (input, init) => {
      this.stats.requests++;
      const depth = this.answeredDepth + 1;
      this.stats.roundTrips = Math.max(this.stats.roundTrips, depth);
      const answered = () => {
        this.answeredDepth = Math.max(this.answeredDepth, depth);
      };
      if (!body || !(input instanceof Request)) return fetch(input, init).finally(answered);
      const built = body();
      return streamUpload({
        url: new URL(input.url),
        method: input.method,
        headers: { ...Object.fromEntries(input.headers), ...built.headers },
        body: built.body,
        signal: input.signal,
      }).finally(answered);
    };
  }
}

const trimPath = (path: string) => path.replace(/^\/+/, "");
