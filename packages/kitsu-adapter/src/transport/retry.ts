import { AuthError, type TrackerError, ValidationError } from "@gadget/core/adapter";
import { type BeforeRetryHook, isHTTPError, type Options as KyOptions, type ShouldRetryState } from "ky";
import { retryAfterMs } from "./error-body.js";
import type { RequestSpec } from "./request-spec.js";

/*
 * The retry policy: which failed attempts are sent again, after how long, and what a request must
 * say about itself to be sent again. ky runs the loop (its `retry` option, `shouldRetry` and the
 * `beforeRetry` hook); this module decides. What ky cannot say stays here as well: the total
 * timeout across attempts and waits, the read-back before a write is sent again, the token a retry
 * carries, and the expired token, which is not a retry (no limit, no wait): it is refreshed, and the
 * request starts over with the retries it has left.
 */

/** The methods retried as such; a POST is retried only where its request says it is safe (`RequestSpec`). */
export type RetryMethod = "get" | "put" | "delete";

/** What `shouldRetry` and a read-back are told about the failed attempt. */
export interface RetryState {
  /** The failure as the request would throw it: NetworkError, TimeoutError, ServerError, RateLimitError, … */
  error: TrackerError;
  /** The retry being decided on: 1 for the first. */
  retryCount: number;
}

/**
 * When and how the Kitsu adapter sends a failed request again. The names and meanings are ky's
 * (`RetryOptions` in ky 1.14); the defaults are the adapter's own, and POSTs follow their route.
 */
export interface RetryOptions {
  /**
   * How many times a failed request is sent again after its first attempt. `0` turns retries off.
   *
   * @default 3
   * @example limit: 5
   */
  limit?: number;
  /**
   * The methods retried after a failure. A POST cannot be listed (that is a ValidationError): the
   * adapter sends a POST again only where it knows that is safe, either because Zou makes the write
   * idempotent (creating a shot, setting time spent, logging in, a search) or because a read-back
   * first showed that the failed attempt did not land (comments, publishes, previews, creates: see
   * `retryRules` in routes.ts). Those POSTs follow every other setting here.
   *
   * @default ["get", "put", "delete"]
   * @example methods: ["get"]
   */
  methods?: readonly (RetryMethod | Uppercase<RetryMethod>)[];
  /**
   * The HTTP statuses retried. Network errors are always retried, timeouts when `retryOnTimeout` is
   * on. 401 and 422 are never retried: an expired token is refreshed instead.
   *
   * @default [429, 502, 503, 504]
   * @example statusCodes: [500, 502, 503, 504]
   */
  statusCodes?: readonly number[];
  /**
   * The statuses whose `Retry-After` header (or `RateLimit-Reset`, `X-RateLimit-Reset`, …) sets the
   * wait instead of the backoff. Without such a header the backoff applies.
   *
   * @default [429]
   * @example afterStatusCodes: [429, 503]
   */
  afterStatusCodes?: readonly number[];
  /**
   * The longest wait in milliseconds a `Retry-After` is granted; a longer one is cut to this. A wait
   * that would end after `totalTimeout` is not started: the request fails at once with the server's
   * answer (a RateLimitError carries the wait it asked for in `retryAfterMs`).
   *
   * @default 10000
   * @example maxRetryAfter: 60_000
   */
  maxRetryAfter?: number;
  /**
   * The longest backoff wait in milliseconds, applied after `delay` and `jitter`.
   *
   * @default 10000
   * @example backoffLimit: 30_000
   */
  backoffLimit?: number;
  /**
   * The backoff wait in milliseconds before retry number `attemptCount` (1 for the first), before
   * `jitter` and `backoffLimit`.
   *
   * @default (attemptCount) => 250 * 2 ** (attemptCount - 1)
   * @example delay: (attemptCount) => 1_000 * attemptCount
   */
  delay?: (attemptCount: number) => number;
  /**
   * Randomizes backoff waits so that many clients that failed together do not come back together:
   * `true` waits a random time between 0 and the computed delay (full jitter); a function maps the
   * delay to the wait. A `Retry-After` wait is never jittered.
   *
   * @default true
   * @example jitter: (delay) => delay * (0.8 + Math.random() * 0.4)
   */
  jitter?: boolean | ((delay: number) => number);
  /**
   * Whether an attempt that ran out of `timeout` (or `transferTimeout`) is sent again.
   *
   * @default true
   * @example retryOnTimeout: false
   */
  retryOnTimeout?: boolean;
  /**
   * Decides before the rest of the policy: `true` retries, `false` gives up, `undefined` leaves it to
   * the other settings. Called for each failed attempt of a request that may be retried at all (within
   * `limit`, of a method in `methods` or a POST that is safe to repeat) while `totalTimeout` lasts.
   *
   * @default undefined
   * @example shouldRetry: ({ error, retryCount }) => (error.code === "SERVER" && retryCount === 1 ? true : undefined)
   */
  shouldRetry?: (state: RetryState) => boolean | undefined | Promise<boolean | undefined>;
}

/** RetryOptions with every default filled in. */
export interface RetryPolicy extends Required<Omit<RetryOptions, "methods" | "shouldRetry">> {
  methods: readonly RetryMethod[];
  shouldRetry?: RetryOptions["shouldRetry"];
}

export const retryDefaults: RetryPolicy = {
  limit: 3,
  methods: ["get", "put", "delete"],
  statusCodes: [429, 502, 503, 504],
  afterStatusCodes: [429],
  maxRetryAfter: 10_000,
  backoffLimit: 10_000,
  delay: (attemptCount) => 250 * 2 ** (attemptCount - 1),
  jitter: true,
  retryOnTimeout: true,
};

const retryMethods: readonly string[] = ["get", "put", "delete"] satisfies RetryMethod[];

function check(ok: boolean, option: string, value: unknown, expected: string): void {
  if (!ok) throw ValidationError.invalidOption(option, value, expected);
}

const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
const isStatusList = (list: unknown) =>
  Array.isArray(list) && list.every((s) => Number.isInteger(s) && s >= 400 && s <= 599);

/** The `retry` option (a number is the `limit`), checked, with the defaults filled in. */
export function resolveRetryPolicy(retry: number | RetryOptions = {}): RetryPolicy {
  if (typeof retry === "number") {
    check(isCount(retry), "retry", retry, "a whole number ≥ 0");
    return { ...retryDefaults, limit: retry };
  }
  const given = Object.fromEntries(Object.entries(retry).filter(([, v]) => v !== undefined)) as RetryOptions;
  const p = { ...retryDefaults, ...given } as RetryPolicy;
  const methods = Array.isArray(p.methods) ? p.methods.map((m) => String(m).toLowerCase()) : [];
  check(
    Array.isArray(p.methods) && methods.every((m) => retryMethods.includes(m)),
    "retry.methods",
    p.methods,
    'a list of "get", "put" and "delete" (a POST is retried only where its route is safe to repeat)',
  );
  check(isCount(p.limit), "retry.limit", p.limit, "a whole number ≥ 0");
  check(isStatusList(p.statusCodes), "retry.statusCodes", p.statusCodes, "a list of HTTP error statuses (400 to 599)");
  const after = p.afterStatusCodes;
  check(isStatusList(after), "retry.afterStatusCodes", after, "a list of HTTP error statuses (400 to 599)");
  check(p.maxRetryAfter >= 0, "retry.maxRetryAfter", p.maxRetryAfter, "milliseconds ≥ 0 (or Infinity)");
  check(p.backoffLimit >= 0, "retry.backoffLimit", p.backoffLimit, "milliseconds ≥ 0 (or Infinity)");
  check(typeof p.delay === "function", "retry.delay", p.delay, "a function");
  check(["boolean", "function"].includes(typeof p.jitter), "retry.jitter", p.jitter, "true, false or a function");
  check(typeof p.retryOnTimeout === "boolean", "retry.retryOnTimeout", p.retryOnTimeout, "true or false");
  check(["undefined", "function"].includes(typeof p.shouldRetry), "retry.shouldRetry", p.shouldRetry, "a function");
  return { ...p, methods: methods as RetryMethod[] };
}

/** Whether a request may be sent again as it is: GET, PUT and DELETE, and a POST its route declares idempotent. */
const repeatable = (spec: RequestSpec): boolean => spec.idempotent ?? spec.method !== "POST";

/**
 * The methods ky may retry for this request: the policy's for a repeatable GET, PUT or DELETE, the
 * request's own method for a POST that is safe to repeat or that reads back first, none otherwise.
 */
function methodsFor(spec: RequestSpec, policy: RetryPolicy): string[] {
  if (repeatable(spec)) return spec.method === "POST" ? ["post"] : [...policy.methods];
  return spec.readBack ? [spec.method.toLowerCase()] : [];
}

/** The abort reason of a request whose total timeout ran out. */
class DeadlineReached extends Error {
  override readonly name = "DeadlineReached";
}

/** setTimeout fires at once past this; a longer total timeout is no timer at all. */
const maxTimer = 2 ** 31 - 1;

/** What a RetryRun needs from the client. */
export interface RetryEnv {
  /** When the request's total timeout runs out (epoch milliseconds). */
  deadline: number;
  /** The error for a request that ran out of its total timeout. */
  totalTimeout(): TrackerError;
  /** A failed attempt as the request would throw it; the same error object gives the same answer. */
  failureOf(error: unknown): Promise<TrackerError>;
  /** The token an attempt carries: the session's current one, which another request may have refreshed. */
  token(): Promise<string | undefined>;
  /** A 401 or 422 to an authenticated request: the error it means, and whether a new token may help. */
  refused(response: Response): Promise<{ failure: TrackerError; expired: boolean }>;
  /** Replaces the token Zou said expired (one refresh shared by the session's requests). */
  refresh(stale: string | undefined): Promise<void>;
  /** A retry is about to be sent, after its wait; `error` is what ky reports of the failed attempt (for the log). */
  onRetry(error: unknown): void;
}

/** The part of ky's options a RetryRun sets for one call. */
export type RetryingOptions = Required<Pick<KyOptions, "retry" | "hooks" | "signal" | "throwHttpErrors">>;

/** Refreshes one request may ask for before its token counts as refused for good. */
const maxRefreshes = 2;

/**
 * One request under the policy, across the calls the client makes for it (a refreshed token starts
 * a new ky call; the retries it already used still count against `limit`).
 */
export class RetryRun {
  private retries = 0;
  /** Between a failure ky will retry and the retry itself: the total timeout may cut this wait short. */
  private waiting = false;
  private last: TrackerError | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly spec: RequestSpec,
    private readonly env: RetryEnv,
  ) {}

  /**
   * Runs `call` (ky with the token and options given) under the policy, and again with a fresh token
   * when Zou says the token expired. A failure is thrown as the TrackerError it means.
   */
  async send(call: (token: string | undefined, options: RetryingOptions) => Promise<Response>): Promise<Response> {
    for (let refreshes = 0; ; refreshes++) {
      const token = await this.env.token();
      const response = await this.sendOnce((options) => call(token, options));
      if (response.ok || this.spec.passStatus?.includes(response.status)) return response;
      const { failure, expired } = await this.env.refused(response);
      if (!expired) throw failure;
      if (refreshes >= maxRefreshes) throw AuthError.refreshFailed(failure.request);
      await this.env.refresh(token);
    }
  }

  private async sendOnce(call: (options: RetryingOptions) => Promise<Response>): Promise<Response> {
    const remaining = this.env.deadline - Date.now();
    if (remaining <= 0) throw this.env.totalTimeout();
    const cutoff = new AbortController();
    // Cleared once the headers are in: a download's body outlives the total timeout.
    const timer = remaining <= maxTimer ? setTimeout(() => cutoff.abort(new DeadlineReached()), remaining) : undefined;
    const signal = this.spec.signal ? AbortSignal.any([this.spec.signal, cutoff.signal]) : cutoff.signal;
    try {
      return await call({
        signal,
        retry: this.kyRetry(),
        hooks: { beforeRetry: [this.beforeRetry] },
        throwHttpErrors: (status) => !this.answered(status),
      });
    } catch (error) {
      throw await this.failure(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Answers ky hands back instead of throwing (so never retries): a status the caller reads itself,
   * and a refused token, which send() refreshes instead.
   */
  private answered(status: number): boolean {
    const authed = this.spec.auth !== false;
    return this.spec.passStatus?.includes(status) === true || (authed && (status === 401 || status === 422));
  }

  private kyRetry(): RetryingOptions["retry"] {
    const p = this.policy;
    return {
      limit: Math.max(0, p.limit - this.retries),
      methods: methodsFor(this.spec, p),
      statusCodes: [...p.statusCodes],
      afterStatusCodes: [...p.afterStatusCodes],
      maxRetryAfter: p.maxRetryAfter,
      backoffLimit: p.backoffLimit,
      delay: p.delay,
      jitter: p.jitter,
      retryOnTimeout: p.retryOnTimeout,
      shouldRetry: (state) => this.shouldRetry(state),
    };
  }

  private async shouldRetry({ error }: ShouldRetryState): Promise<boolean | undefined> {
    if (this.spec.signal?.aborted || error instanceof DeadlineReached) return false;
    const failure = await this.env.failureOf(error);
    this.last = failure;
    const verdict = await this.policy.shouldRetry?.({ error: failure, retryCount: this.retries + 1 });
    if (verdict === false || (verdict === undefined && this.retryAfterOverruns(error))) return false;
    this.waiting = true;
    return verdict;
  }

  /** A `Retry-After` that ends past the deadline is not waited out: the server's answer is the result now. */
  private retryAfterOverruns(error: Error): boolean {
    if (!isHTTPError(error) || !this.policy.afterStatusCodes.includes(error.response.status)) return false;
    const after = retryAfterMs(error.response.headers);
    return after !== undefined && Date.now() + Math.min(after, this.policy.maxRetryAfter) >= this.env.deadline;
  }

  private readonly beforeRetry: BeforeRetryHook = async ({ request, error }) => {
    this.waiting = false;
    this.retries++;
    this.env.onRetry(error);
    const token = await this.env.token();
    if (token) request.headers.set("authorization", `Bearer ${token}`);
    const { readBack } = this.spec;
    if (repeatable(this.spec) || !readBack) return;
    const failure = await this.env.failureOf(error);
    // A rate limit refuses the request before the route runs: nothing landed, nothing to look for.
    if (failure.code === "RATE_LIMIT") return;
    const found = await readBack({ error: failure, retryCount: this.retries });
    // What landed answers in place of the write: ky hands this response back instead of retrying.
    if (found !== undefined) return Response.json(found);
  };

  private async failure(error: unknown): Promise<unknown> {
    if (this.spec.signal?.aborted) return this.spec.signal.reason;
    if (error instanceof DeadlineReached) {
      // A wait cut short ends with what it was waiting out; an attempt cut short is the total timeout's doing.
      const last = this.last;
      return this.waiting && last && last.code !== "TIMEOUT" ? last : this.env.totalTimeout();
    }
    return this.env.failureOf(error);
  }
}
