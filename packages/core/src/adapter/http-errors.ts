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
  type ValidationIssue,
} from "../errors.js";

/*
 * Zou's error answers as core's typed errors: for adapters that speak Kitsu's REST API, over HTTP
 * (the Kitsu adapter's transport) or in process (the mock tracker's `raw`), so that both raise the
 * same error for the same answer.
 */

/** What an error response says, whichever of Zou's shapes it used (`message`, JWT `msg`, string `error`). */
export interface ErrorBody {
  message: string | undefined;
  issues: ValidationIssue[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Reads an error answer's text (JSON in any of Zou's shapes, or nginx's HTML) into its message and issues. */
export function parseErrorBody(text: string): ErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // nginx answers 413/502 with HTML: never echo markup, only a short plain-text body.
    const plain = text.trim();
    return { message: plain && !plain.startsWith("<") ? plain.slice(0, 200) : undefined, issues: [] };
  }
  if (!isRecord(json)) return { message: undefined, issues: [] };
  const message =
    typeof json.message === "string"
      ? json.message
      : typeof json.msg === "string"
        ? json.msg
        : typeof json.error === "string"
          ? json.error
          : undefined;
  const issues: ValidationIssue[] = [];
  const data = json.data;
  if (isRecord(data) && Array.isArray(data.errors)) {
    for (const e of data.errors) {
      if (isRecord(e)) issues.push({ path: [String(e.field ?? "")], message: String(e.message ?? "invalid") });
    }
  }
  return { message, issues };
}

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
