import type { ErrorBody } from "@gadget/core/adapter";

// Zou's error bodies are parsed in core (adapter/http-errors.ts), shared with the mock tracker's `raw`.
export { type ErrorBody, parseErrorBody } from "@gadget/core/adapter";

/** Zou's expired-token answer (401, and 422 on older flask-jwt-extended). */
export const isExpiredSignature = (status: number, body: ErrorBody): boolean =>
  (status === 401 || status === 422) && body.message === "Signature has expired";

/** The headers a server may name its wait in, in the order ky reads them. */
const retryAfterHeaders = [
  "retry-after",
  "ratelimit-reset",
  "x-ratelimit-retry-after",
  "x-ratelimit-reset",
  "x-rate-limit-reset",
];

/** ky reads a number of seconds this large as a timestamp: the same cut-off, so both agree on the wait. */
const timestampFloor = Date.parse("2024-01-01");

/**
 * Milliseconds the server asks to wait (`Retry-After` and its rate-limit cousins: seconds, a Unix
 * timestamp or an HTTP date), read as ky reads them so the adapter's checks and ky's wait agree.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = retryAfterHeaders.map((name) => headers.get(name)).find((v) => v !== null);
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isNaN(seconds)) {
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
  }
  const ms = seconds * 1000;
  return Math.max(0, ms >= timestampFloor ? ms - now : ms);
}
