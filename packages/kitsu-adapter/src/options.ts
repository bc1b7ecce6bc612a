import type { AuthOptions, KitsuConfig, RequestLogger } from "@gadget/core/adapter";
import { type RetryOptions, type RetryPolicy, resolveRetryPolicy, retryDefaults } from "./transport/retry.js";

/** How the Kitsu adapter talks to the server; every field has a default that suits a studio LAN. */
export interface KitsuTransportOptions {
  /**
   * Milliseconds one attempt may take until the response headers arrive. Uploads and downloads use
   * `transferTimeout` instead.
   *
   * @default 30000
   * @example timeout: 10_000
   */
  timeout?: number;
  /**
   * Milliseconds a request may take with all its retries and backoff waits.
   *
   * @default 120000
   * @example totalTimeout: 300_000
   */
  totalTimeout?: number;
  /**
   * Milliseconds one upload or download attempt may take until the response headers arrive.
   *
   * @default 600000
   * @example transferTimeout: 3_600_000
   */
  transferTimeout?: number;
  /**
   * When a failed request is sent again: a number of retries, or ky's retry options (`limit`,
   * `methods`, `statusCodes`, `afterStatusCodes`, `maxRetryAfter`, `backoffLimit`, `delay`, `jitter`,
   * `retryOnTimeout`, `shouldRetry`; see RetryOptions). By default GET, PUT and DELETE are retried 3
   * times after a network error, a timeout, a 502, 503 or 504, or a 429 (its `Retry-After` honoured up
   * to 10 s), with full-jitter exponential backoff from 250 ms up to 10 s. A POST is retried only
   * where that is safe: Zou makes it idempotent, or a read-back shows the failed attempt did not land.
   *
   * @default 3
   * @example retry: { limit: 5, statusCodes: [500, 502, 503, 504], backoffLimit: 30_000 }
   */
  retry?: number | RetryOptions;
  /**
   * User-Agent header. Zou hands tokens to browsers as cookies, so this must not look like a browser.
   *
   * @default "gadget-kitsu/0.1 (node)"
   * @example userAgent: "studio-publisher/2.3 (node)"
   */
  userAgent?: string;
  /**
   * Receives one line per request attempt (`gadget:kitsu GET data/shots/:id 200 12ms attempt=1
   * received=1830B`), per retry (its reason and wait) and per token refresh, and, on the adapter,
   * per event-stream connection change (`gadget:kitsu:events`). Routes are templates, so no id,
   * query string or token reaches a line. `Tracker.fromEnv` passes its own `logger`, or a stderr
   * logger under `GADGET_DEBUG=1` / `DEBUG=gadget*`.
   *
   * @default undefined (nothing is logged)
   * @example logger: { debug: (line) => process.stderr.write(`${line}\n`) }
   */
  logger?: RequestLogger;
}

/**
 * What `new KitsuAdapter()` takes besides the config: transport tuning, the error sink, and the
 * auth callbacks (`onOtp`, `onTokens`; see AuthOptions).
 */
export interface KitsuSessionOptions extends KitsuTransportOptions, Pick<AuthOptions, "onOtp" | "onTokens"> {
  /**
   * Called with what goes wrong where no caller can catch it: an event handler that threw, the
   * AuthError that ends the event stream (the session cannot authenticate any more; the next
   * `subscribe` opens a new stream), and a logout that failed in `close()`.
   *
   * @default one line through console.error, tokens redacted (failed reconnection attempts are not logged)
   * @example onError: (error) => logger.warn({ error }, "kitsu events")
   */
  onError?: (error: unknown) => void;
}

/** What `new KitsuAdapter()` takes: the validated tracker config plus transport tuning. */
export interface KitsuAdapterOptions extends KitsuSessionOptions {
  config: KitsuConfig;
}

export interface ResolvedTransportOptions {
  timeout: number;
  totalTimeout: number;
  transferTimeout: number;
  retry: RetryPolicy;
  userAgent: string;
}

export const transportDefaults: ResolvedTransportOptions = {
  timeout: 30_000,
  totalTimeout: 120_000,
  transferTimeout: 600_000,
  retry: retryDefaults,
  userAgent: "gadget-kitsu/0.1 (node)",
};

export function resolveTransportOptions(options: KitsuTransportOptions = {}): ResolvedTransportOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...transportDefaults, ...defined, retry: resolveRetryPolicy(options.retry) };
}
