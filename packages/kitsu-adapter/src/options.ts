import type { KitsuConfig } from "@gadget/core";

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
   * Retries after the first attempt, for requests that are safe to repeat (GET, PUT, DELETE and
   * POSTs whose result can be looked up first).
   *
   * @default 3
   * @example retries: 0
   */
  retries?: number;
  /**
   * First backoff delay in milliseconds; doubles on each retry, with full jitter.
   *
   * @default 250
   * @example backoffBase: 1_000
   */
  backoffBase?: number;
  /**
   * Longest single backoff wait in milliseconds (also caps a server's `Retry-After`).
   *
   * @default 10000
   * @example backoffMax: 30_000
   */
  backoffMax?: number;
  /**
   * User-Agent header. Zou hands tokens to browsers as cookies, so this must not look like a browser.
   *
   * @default "gadget-kitsu/0.1 (node)"
   * @example userAgent: "studio-publisher/2.3 (node)"
   */
  userAgent?: string;
}

/** What `new KitsuAdapter()` takes besides the config. */
export interface KitsuSessionOptions extends KitsuTransportOptions {
  /**
   * Called with what goes wrong in the event stream where no caller can catch it: an event
   * handler that threw, and the AuthError that ends the stream (the session cannot authenticate
   * any more; the next `subscribe` opens a new stream).
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
  retries: number;
  backoffBase: number;
  backoffMax: number;
  userAgent: string;
}

export const transportDefaults: ResolvedTransportOptions = {
  timeout: 30_000,
  totalTimeout: 120_000,
  transferTimeout: 600_000,
  retries: 3,
  backoffBase: 250,
  backoffMax: 10_000,
  userAgent: "gadget-kitsu/0.1 (node)",
};

export function resolveTransportOptions(options: KitsuTransportOptions = {}): ResolvedTransportOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...transportDefaults, ...defined };
}
