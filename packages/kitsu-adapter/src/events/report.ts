import { NetworkError, redact, TimeoutError } from "@gadget/core/adapter";

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
