import { inspect } from "node:util";
import {
  jsonProblem,
  NetworkError,
  type RawClient,
  type RequestInfo,
  type RequestLog,
  rawClient,
  requestLog,
  ServerError,
  TimeoutError,
  ValidationError,
} from "@gadget/core/adapter";
import ky, { type Input, type KyInstance } from "ky";
import { type KitsuTransportOptions, type ResolvedTransportOptions, resolveTransportOptions } from "../options.js";
import { type Credentials, KitsuAuth } from "./auth.js";
import { resolveUrls } from "./base-url.js";
import { streamDownload } from "./download-stream.js";
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
  private readonly log: RequestLog | undefined;
  /** Depth of the longest chain of requests whose last answer has come back. */
  private answeredDepth = 0;

  constructor(options: KitsuClientOptions) {
    const { url, credentials, ...transport } = options;
    const urls = resolveUrls(url);
    this.origin = urls.origin;
    this.apiUrl = urls.api;
    // Only the transport settings are kept here: the credentials live in `auth`, out of sight.
    this.options = resolveTransportOptions(transport);
    this.log = requestLog(options.logger);
    this.http = ky.create({
      prefixUrl: this.apiUrl,
      headers: { "user-agent": this.options.userAgent, accept: "application/json" },
    });
    this.auth = new KitsuAuth({ send: (spec) => this.send(spec), apiUrl: this.apiUrl }, credentials);
    this.raw = rawClient({
      get: async <T>(path: string, o?: { searchParams?: SearchParams }) =>
        this.request<T>({ method: "GET", path: rawPath("get", path), searchParams: rawSearchParams(o) }),
      post: async <T>(path: string, body?: unknown) =>
        this.request<T>({ method: "POST", path: rawPath("post", path), json: rawBody("post", body) }),
      put: async <T>(path: string, body?: unknown) =>
        this.request<T>({ method: "PUT", path: rawPath("put", path), json: rawBody("put", body) }),
      delete: async <T>(path: string, body?: unknown) =>
        this.request<T>({
          method: "DELETE",
          path: rawPath("delete", path),
          ...(body === undefined ? {} : { json: rawBody("delete", body) }),
        }),
      stream: async (path, o) =>
        streamDownload(this, rawPath("stream", path), undefined, { ...o, searchParams: rawSearchParams(o) }),
    });
  }

  /** What a log shows of the client: where it talks to and as whom, never a password or token. */
  toJSON(): Record<string, unknown> {
    return { apiUrl: this.apiUrl, auth: this.auth.toJSON(), stats: { ...this.stats } };
  }

  [inspect.custom](): string {
    return `KitsuClient ${inspect(this.toJSON(), { depth: 3 })}`;
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
      const type = response.headers.get("content-type") ?? "";
      if (/^(image|video|audio)\/|^application\/(octet-stream|pdf|zip)/.test(type)) {
        throw ServerError.fileAnswer(type, info);
      }
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
    // A body JSON cannot carry (a BigInt, a cycle) would fail inside ky and read as a network error.
    const problem = spec.json === undefined ? undefined : jsonProblem(spec.json, { dropUndefinedKeys: true });
    if (problem) throw ValidationError.notJson(`The body of ${spec.method} /${path}`, problem.path, problem.message);
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
      const depth = this.answeredDepth + 1;
      this.stats.roundTrips = Math.max(this.stats.roundTrips, depth);
      const answered = () => {
        this.answeredDepth = Math.max(this.answeredDepth, depth);
      };
      const built = spec.body && input instanceof Request ? spec.body() : undefined;
      const sending = (
        built && input instanceof Request
          ? streamUpload({
              url: new URL(input.url),
              method: input.method,
              headers: { ...Object.fromEntries(input.headers), ...built.headers },
              body: built.body,
              signal: input.signal,
            })
          : fetch(input, init)
      ).finally(answered);
      if (!trace) return sending;
      const length = built?.headers["content-length"];
      const signal = input instanceof Request ? input.signal : undefined;
      return trace.attempt(sending, signal, length === undefined ? undefined : Number(length));
    };
  }
}

const trimPath = (path: string) => path.replace(/^\/+/, "");

const pathExample = 'a path of the API such as "data/projects"';

/**
 * A raw call's path, checked: relative to the API (the session's token never goes to another
 * server), without `..` segments that would leave it.
 */
function rawPath(method: string, path: unknown): string {
  const what = `raw.${method}() path`;
  const fix = 'Pass the path relative to TRACKER_URL, e.g. raw.get("data/projects")';
  if (typeof path !== "string" || path.trim() === "") throw ValidationError.wrongType(what, path, pathExample, fix);
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(path)) {
    throw ValidationError.wrongType(what, path, `${pathExample}, relative to the API`, fix);
  }
  if (path.split(/[/?#]/).some((segment) => segment === ".." || segment === ".")) {
    throw ValidationError.wrongType(what, path, `${pathExample}, without "." or ".." segments`, fix);
  }
  return path;
}

function rawSearchParams(options: unknown): SearchParams | undefined {
  if (options === undefined) return undefined;
  const params = (options as { searchParams?: unknown } | null)?.searchParams;
  const ok =
    params === undefined ||
    (typeof params === "object" &&
      params !== null &&
      !Array.isArray(params) &&
      Object.values(params).every((v) => ["string", "number", "boolean"].includes(typeof v)));
  if (typeof options !== "object" || options === null || !ok) {
    throw ValidationError.wrongType(
      "raw.get() searchParams",
      params,
      "an object of strings, numbers and booleans",
      'Pass { searchParams: { project_id: "..." } }',
    );
  }
  return params as SearchParams | undefined;
}

/** A raw body is sent as JSON: what JSON cannot carry is refused before the request. */
function rawBody(method: string, body: unknown): unknown {
  if (body === undefined) return {};
  const problem = jsonProblem(body, { dropUndefinedKeys: true });
  if (problem) throw ValidationError.notJson(`raw.${method}() body`, problem.path, problem.message);
  return body;
}
