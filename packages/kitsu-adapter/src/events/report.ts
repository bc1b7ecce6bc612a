import { NetworkError, TimeoutError } from "@gadget/core";

/** Bearer headers, JWTs and credential fields that could ride inside a message from a library or handler. */
const secrets: readonly [RegExp, string][] = [
  [/Bearer\s+[\w.~+/=-]+/gi, "Bearer [redacted]"],
  [/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, "[redacted token]"],
  [/("?(?:password|access_token|refresh_token|token)"?\s*[:=]\s*)("[^"]*"|[^\s,&}]+)/gi, "$1[redacted]"],
];

export function redact(text: string): string {
  return secrets.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/**
 * The default `onError`: one line on stderr, tokens redacted. Failed reconnection attempts are
 * retried by the stream and not logged; what ends the stream (an AuthError) and handlers that
 * threw are.
 */
export function logStreamError(error: unknown, log: (line: string) => void = console.error): void {
  if (error instanceof NetworkError || error instanceof TimeoutError) return;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  log(`[gadget kitsu events] ${redact(message)}`);
}
