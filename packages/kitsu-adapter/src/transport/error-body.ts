import type { ErrorBody } from "@gadget/core";

// Zou's error bodies are parsed in core (adapter/http-errors.ts), shared with the mock tracker's `raw`.
export { type ErrorBody, parseErrorBody } from "@gadget/core";

/** Zou's expired-token answer (401, and 422 on older flask-jwt-extended). */
export const isExpiredSignature = (status: number, body: ErrorBody): boolean =>
  (status === 401 || status === 422) && body.message === "Signature has expired";

/** Milliseconds from a `Retry-After` header (seconds or an HTTP date). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
