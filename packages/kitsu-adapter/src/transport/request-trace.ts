import type { RequestLog } from "@gadget/core/adapter";
import { isHTTPError, isTimeoutError } from "ky";
import { routeTemplate } from "../route-template.js";
import type { RequestSpec } from "./request-spec.js";

/*
 * The log of one request across its attempts. Each attempt is logged from the fetch that every
 * attempt goes through (ky's `fetch` option), because only there are answers and failed sends seen
 * alike (ky's afterResponse never hears of a socket error or a timeout); retries from ky's
 * beforeRetry hook, which runs after the wait; refreshes where the client refreshes.
 */

const namespace = "gadget:kitsu";

/** The socket error under what fetch (or node:http, for uploads) threw: `ECONNRESET`, `ECONNREFUSED`, … */
function socketError(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  const found = cause?.code ?? code;
  return typeof found === "string" ? found : "network";
}

/** Why a failed attempt (as ky reports it to beforeRetry) is sent again. */
function retryReason(error: unknown): string {
  if (isHTTPError(error)) return String(error.response.status);
  if (isTimeoutError(error)) return "timeout";
  return socketError(error);
}

const contentLength = (headers: Headers): number | undefined => {
  const value = headers.get("content-length");
  return value === null || !/^\d+$/.test(value) ? undefined : Number(value);
};

export class RequestTrace {
  private readonly route: string;
  private readonly jsonBytes: number | undefined;
  private attempts = 0;
  private endedAt = 0;
  private lastStatus: number | string = "";

  constructor(
    private readonly log: RequestLog,
    private readonly spec: RequestSpec,
  ) {
    this.route = routeTemplate(spec.method, spec.path);
    this.jsonBytes = spec.json === undefined ? undefined : Buffer.byteLength(JSON.stringify(spec.json));
  }

  /**
   * Logs one attempt when it is answered or fails. `sending` is the attempt's fetch, just started;
   * `signal` its request's; `uploadBytes` the length of a streamed body.
   */
  async attempt(sending: Promise<Response>, signal: AbortSignal | undefined, uploadBytes?: number): Promise<Response> {
    const attempt = ++this.attempts;
    const start = performance.now();
    let status: number | string = "";
    let receivedBytes: number | undefined;
    try {
      const response = await sending;
      status = response.status;
      receivedBytes = contentLength(response.headers);
      return response;
    } catch (error) {
      status = this.unanswered(error, signal);
      throw error;
    } finally {
      this.endedAt = performance.now();
      this.lastStatus = status;
      const sentBytes = uploadBytes ?? this.jsonBytes;
      this.log({
        type: "request",
        namespace,
        method: this.spec.method,
        route: this.route,
        status,
        ms: this.endedAt - start,
        attempt,
        ...(sentBytes === undefined ? {} : { sentBytes }),
        ...(receivedBytes === undefined ? {} : { receivedBytes }),
      });
    }
  }

  /** ky's beforeRetry: the wait is over and the next attempt is about to go. */
  retrying(error: unknown): void {
    this.log({
      type: "retry",
      namespace,
      method: this.spec.method,
      route: this.route,
      attempt: this.attempts + 1,
      reason: retryReason(error),
      waitedMs: performance.now() - this.endedAt,
    });
  }

  /** The last attempt was refused for an expired token, which is refreshed before the next one. */
  refreshing(): void {
    this.log({
      type: "refresh",
      namespace,
      method: this.spec.method,
      route: this.route,
      reason: String(this.lastStatus),
    });
  }

  /**
   * What ended an attempt with no answer. ky's own timeout aborts the request's signal with no
   * reason of its own (a plain AbortError); the total timeout and the caller give theirs.
   */
  private unanswered(error: unknown, signal: AbortSignal | undefined): string {
    if (this.spec.signal?.aborted) return "aborted";
    if (!signal?.aborted) return socketError(error);
    const reason = signal.reason as { name?: unknown } | undefined;
    return reason?.name === "DeadlineReached" ? "totalTimeout" : "timeout";
  }
}
