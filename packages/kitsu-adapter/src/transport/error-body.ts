import type { ValidationIssue } from "@gadget/core/adapter";

/** What an error response says, whichever of Zou's shapes it used (`message`, JWT `msg`, string `error`). */
export interface ErrorBody {
  message: string | undefined;
  issues: ValidationIssue[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

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
