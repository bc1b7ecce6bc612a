import {
  AuthError,
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type RequestInfo,
  ServerError,
  type TrackerError,
  ValidationError,
} from "@gadget/core/adapter";
import type { ErrorBody } from "./error-body.js";

/** Turns a non-2xx answer into the typed error core expects; `bot` sessions cannot recover from a 401. */
export function mapHttpError(
  request: RequestInfo,
  body: ErrorBody,
  options: { bot: boolean; retryAfterMs?: number },
): TrackerError {
  const status = request.status ?? 0;
  const detail = body.message;
  if (status === 400) {
    const issueText = body.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    const message = [detail && detail !== "Validation error." ? detail : "invalid input", issueText]
      .filter(Boolean)
      .join(" — ");
    return ValidationError.http(request, message, body.issues);
  }
  if (status === 401 || status === 422) {
    if (options.bot) return AuthError.botTokenExpired(request);
    return AuthError.rejected(detail ?? "the token is missing or invalid", request);
  }
  if (status === 403) return PermissionError.denied(request, detail);
  if (status === 404) return NotFoundError.http(request, detail);
  if (status === 405) return ValidationError.http(request, "the server does not allow this method on this route");
  if (status === 409) return ConflictError.http(request, detail ?? "the record changed on the server");
  if (status === 413) return ValidationError.tooLarge(request);
  if (status === 415) return ValidationError.http(request, detail ?? "unsupported body type");
  if (status === 429) return RateLimitError.http(request, options.retryAfterMs);
  if (status >= 500) return ServerError.http(request, detail);
  return ValidationError.http(request, detail ?? `unexpected status ${status}`);
}
