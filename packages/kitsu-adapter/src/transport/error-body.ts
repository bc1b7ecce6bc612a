import type { ValidationIssue } from "@gadget/core";

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

/** Milliseconds from a `Retry-After` header (seconds or an HTTP date). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
