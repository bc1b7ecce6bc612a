export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type SearchParams = Record<string, string | number | boolean>;

/** A request body built anew for each attempt, so a retried upload re-opens its file streams. */
export type BodyFactory = () => { body: ReadableStream<Uint8Array>; headers: Record<string, string> };

export interface RequestSpec<T = unknown> {
  method: HttpMethod;
  /** API path relative to the `/api` base, e.g. `data/projects` or `/data/projects`. */
  path: string;
  searchParams?: SearchParams;
  json?: unknown;
  body?: BodyFactory;
  /**
   * Safe to send again after a network error, a timeout or a 429/502/503/504. Defaults to true
   * for GET, PUT and DELETE, false for POST.
   */
  idempotent?: boolean;
  /**
   * For a POST that is not idempotent: looks on the server whether the previous attempt's write
   * landed; its result is returned instead of sending again. Without it such a POST is never retried.
   */
  landed?: () => Promise<T | undefined>;
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
