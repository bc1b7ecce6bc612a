import { redact } from "../errors.js";

/*
 * Request logging: which requests a session makes and why it is slow. Adapters describe what
 * happened as fields (one request attempt, a retry, a token refresh, an event-stream change); core
 * writes the line, so every adapter logs in one format, and redacts every value on the way, so no
 * line carries a password or token whatever an adapter hands it.
 */

interface LineBase {
  /**
   * The part of Gadget that logs, named as the `debug` package names things: `gadget:kitsu` (HTTP),
   * `gadget:kitsu:events` (the event stream), `gadget:mock` (the mock tracker's adapter calls).
   */
  namespace: string;
}

/** One attempt of one request: sent, and answered or failed. */
export interface RequestLine extends LineBase {
  type: "request";
  /** The HTTP method, or the adapter operation on the mock tracker (`query`, `create`, …). */
  method: string;
  /** The route template, ids as placeholders (`data/shots/:id`); on the mock tracker, the entity kind. */
  route: string;
  /**
   * The HTTP status. An attempt that got no answer says what happened instead: `timeout` (the
   * attempt's own), `totalTimeout`, `aborted` (the caller's signal) or the socket error (`ECONNRESET`).
   * On the mock tracker: `ok`, or the error's code (`NOT_FOUND`, `SERVER`, …).
   */
  status: number | string;
  /** Milliseconds until the answer's headers (a body is read after). */
  ms: number;
  /** 1 for the first attempt, 2 for the first retry or the attempt after a token refresh, … */
  attempt: number;
  /** Bytes in the request body, when it has one. */
  sentBytes?: number;
  /** Bytes in the answer's body, when the server says (`Content-Length`). */
  receivedBytes?: number;
}

/** A failed attempt about to be sent again, after its wait. */
export interface RetryLine extends LineBase {
  type: "retry";
  method: string;
  route: string;
  /** The attempt about to be sent. */
  attempt: number;
  /** Why: the status (`503`), `timeout`, or the socket error (`ECONNRESET`). */
  reason: string;
  /** Milliseconds between the failed attempt's end and the retry (the backoff, or `Retry-After`). */
  waitedMs: number;
}

/** A request refused because the access token expired: the token is refreshed and the request sent again. */
export interface RefreshLine extends LineBase {
  type: "refresh";
  /** The refused request. */
  method: string;
  route: string;
  /** The refusal's status (`401`, or `422` for Zou's "Signature has expired"). */
  reason: string;
}

/** A change of the event stream's connection. */
export interface StreamLine extends LineBase {
  type: "stream";
  /**
   * `connecting` (the first attempt), `reconnecting` (any later one), `connected`, `disconnected`
   * (a drop or a failed attempt: a new attempt follows after `waitMs`), `closed` (for good).
   */
  action: "connecting" | "reconnecting" | "connected" | "disconnected" | "closed";
  /** The stream's address (origin and namespace; its credentials travel in headers, never here). */
  url: string;
  /** Attempts since the last successful connection, this one included. */
  attempt?: number;
  /** Why it disconnected: socket.io's reason (`transport close`), `refused`, or the error's code. */
  reason?: string;
  /** Milliseconds until the next attempt. */
  waitMs?: number;
  /** Milliseconds the attempt took to connect. */
  ms?: number;
}

/** What one log line says, as data: `type` tells which. */
export type RequestLogFields = RequestLine | RetryLine | RefreshLine | StreamLine;

/**
 * Receives one line per request attempt, retry, token refresh and event-stream change. `line` is
 * ready to print (`gadget:kitsu GET data/shots/:id 200 12ms attempt=1 received=1830B`); `fields`
 * holds the same as data. Neither ever contains a password, a token or an `Authorization` header.
 * A logger that throws is ignored: logging never breaks a request.
 *
 * @example
 * import type { RequestLogger } from "@gadget/core";
 * const logger: RequestLogger = { debug: (line) => process.stderr.write(`${line}\n`) };
 * @example
 * import type { RequestLogger } from "@gadget/core";
 * const slow: RequestLogger = { debug: (line, f) => f.type === "request" && f.ms > 500 && console.error(line) };
 */
export interface RequestLogger {
  /** Called once per line; what it throws is ignored. */
  debug(line: string, fields: RequestLogFields): void;
}

/** Writes `value` as one token of a line: quoted when it has spaces, so lines stay splittable. */
const token = (value: string | number): string => {
  const text = String(value);
  return /[\s"]/.test(text) ? JSON.stringify(text) : text;
};

const optional = (key: string, value: string | number | undefined, unit = ""): string =>
  value === undefined ? "" : ` ${key}=${token(value)}${unit}`;

/** The line for some fields (already redacted). */
function formatLine(f: RequestLogFields): string {
  switch (f.type) {
    case "request":
      return `${f.namespace} ${f.method} ${token(f.route)} ${token(f.status)} ${f.ms}ms attempt=${f.attempt}${optional("sent", f.sentBytes, "B")}${optional("received", f.receivedBytes, "B")}`;
    case "retry":
      return `${f.namespace} retry ${f.method} ${token(f.route)} attempt=${f.attempt} reason=${token(f.reason)} waited=${f.waitedMs}ms`;
    case "refresh":
      return `${f.namespace} refresh-token ${f.method} ${token(f.route)} reason=${token(f.reason)}`;
    case "stream":
      return `${f.namespace} ${f.action} ${token(f.url)}${optional("attempt", f.attempt)}${optional("reason", f.reason)}${f.ms === undefined ? "" : ` ${f.ms}ms`}${optional("wait", f.waitMs, "ms")}`;
  }
}

/** Every string value redacted, every duration in whole milliseconds. */
function clean(fields: RequestLogFields): RequestLogFields {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") out[key] = redact(value);
    else if (typeof value === "number" && /ms$/i.test(key)) out[key] = Math.round(value);
    else out[key] = value;
  }
  return out as unknown as RequestLogFields;
}

/** Sends fields to a logger: the line built, secrets redacted. */
export type RequestLog = (fields: RequestLogFields) => void;

/**
 * What an adapter logs through: undefined when there is no logger, so that an adapter builds no
 * fields at all when nobody listens (`log?.({ ... })`).
 *
 * @example
 * import { type RequestLogger, requestLog } from "@gadget/core/adapter";
 * declare const options: { logger?: RequestLogger };
 * const log = requestLog(options.logger);
 * log?.({ type: "request", namespace: "gadget:kitsu", method: "GET", route: "data/projects", status: 200, ms: 4, attempt: 1 });
 */
export function requestLog(logger: RequestLogger | undefined): RequestLog | undefined {
  if (!logger) return undefined;
  return (fields) => {
    const safe = clean(fields);
    try {
      logger.debug(formatLine(safe), safe);
    } catch {
      // A logger that throws must not fail the request it describes.
    }
  };
}
