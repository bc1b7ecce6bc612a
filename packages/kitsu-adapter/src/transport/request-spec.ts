import type { RetryState } from "./retry.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type SearchParams = Record<string, string | number | boolean>;

/** A request body built anew for each attempt, so a retried upload re-opens its file streams. */
export type BodyFactory = () => { body: ReadableStream<Uint8Array>; headers: Record<string, string> };

/** Reads back a write whose attempt failed: what landed, or undefined when nothing did. */
export type ReadBack<T> = (state: RetryState) => Promise<T | undefined>;

export interface RequestSpec<T = unknown> {
  method: HttpMethod;
  /** API path relative to the `/api` base, e.g. `data/projects` or `/data/projects`. */
  path: string;
  searchParams?: SearchParams;
  json?: unknown;
  body?: BodyFactory;
  /**
   * Safe to send again after a failed attempt (the retry policy, transport/retry.ts, decides when).
   * Defaults to true for GET, PUT and DELETE, false for POST; a POST says true where Zou makes the
   * write idempotent (the same call twice leaves one result).
   */
  idempotent?: boolean;
  /**
   * For a write that is not idempotent: looks on the server whether the failed attempt landed, before
   * the policy sends it again. What it finds is the request's result, and nothing is sent again;
   * undefined sends it again. Without it such a write is never retried.
   */
  readBack?: ReadBack<T>;
  /** `json` (default; an empty body gives undefined) or `response` (streamed by the caller). */
  responseType?: "json" | "response";
  signal?: AbortSignal;
  /** Per-attempt timeout override (uploads and downloads use the transfer timeout). */
  timeout?: number;
  /** False for login and refresh, which carry their own credentials. */
  auth?: boolean;
  /** Bearer token for requests with `auth: false`. */
  bearer?: string;
  /** Statuses handed back to the caller as a response instead of being thrown (login reads its 400 body). */
  passStatus?: readonly number[];
}
