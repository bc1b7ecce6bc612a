import type { z } from "zod";
import type { Id } from "./schema/common.js";

/*
 * Every error Gadget throws. Messages are built here and only here, in static factories, so that
 * they read alike (what was asked, what went wrong, what to do) and never carry a secret.
 */

/** The `code` of every Gadget error, one per error class: switch on it rather than on messages. */
export type ErrorCode =
  | "CONFIG"
  | "AUTH"
  | "PERMISSION"
  | "NOT_FOUND"
  | "AMBIGUOUS"
  | "CONFLICT"
  | "VALIDATION"
  | "UNSUPPORTED"
  | "NETWORK"
  | "TIMEOUT"
  | "RATE_LIMIT"
  | "SERVER"
  | "PARTIAL_WRITE";

/** The HTTP exchange an error came from, when it came from one. Never holds headers or bodies with secrets. */
export interface RequestInfo {
  method: string;
  /** Path relative to the API base, without the query's secrets. */
  path: string;
  status?: number;
}

/** What an error may carry besides its message. */
export interface TrackerErrorOptions {
  cause?: unknown;
  request?: RequestInfo;
}

/** Marks Gadget errors across copies of the package (two versions installed side by side). */
const BRAND = Symbol.for("@gadget/core/TrackerError");

/** Strips anything shaped like a credential from text that may echo a request. */
export function redact(text: string): string {
  return text
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, "Bearer <redacted>")
    .replace(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, "<redacted-token>")
    .replace(/("?(?:password|access_token|refresh_token|token)"?\s*[:=]\s*)("[^"]*"|[^\s,&}]+)/gi, "$1<redacted>");
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value, (_k, v: unknown) =>
      typeof v === "object" && v !== null && "id" in v ? (v as { id: unknown }).id : v,
    );
  } catch {
    return String(value);
  }
};

/** "a shot", "an asset". */
const article = (noun: string): string => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;

/** "A shot", "An asset". */
const Article = (noun: string): string => `${/^[aeiou]/i.test(noun) ? "An" : "A"} ${noun}`;

/** What can be wrong with a file to upload; the words are in `ValidationError.file`. */
export type FileProblem =
  | "not-a-path"
  | "missing"
  | "uninspectable"
  | "directory"
  | "not-a-file"
  | "unreadable"
  | "empty"
  | "read-failed";

const fileProblems: Record<FileProblem, (detail: string) => string> = {
  "not-a-path": () => "the path must be a non-empty string",
  missing: () => "it does not exist",
  uninspectable: (detail) => `it cannot be inspected (${detail})`,
  directory: () => "it is a directory, not a file",
  "not-a-file": () => "it is not a file",
  unreadable: () => "it cannot be read (check its permissions)",
  empty: () => "it is empty",
  "read-failed": (detail) => `reading it failed (${detail})`,
};

const where = (r?: RequestInfo): string =>
  r ? ` (${r.method} ${r.path}${r.status === undefined ? "" : ` → ${r.status}`})` : "";

/**
 * The base of every Gadget error: a message that says what was asked, what went wrong and what to do,
 * never a secret, and a `code` to switch on. `isTrackerError()` recognises one from any copy of the package.
 */
export class TrackerError extends Error {
  readonly code: ErrorCode = "SERVER";
  readonly request?: RequestInfo;
  readonly [BRAND] = true;

  constructor(message: string, options: TrackerErrorOptions = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options.request) this.request = options.request;
  }
}

/** True for any Gadget error, even one thrown by another copy of `@gadget/core`. */
export function isTrackerError(value: unknown): value is TrackerError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** The configuration (`TRACKER_*` variables, `.env`, an adapter package, a snapshot) is missing or wrong. */
export class ConfigError extends TrackerError {
  override readonly code = "CONFIG";
  readonly variable?: string;

  constructor(message: string, variable?: string, options?: TrackerErrorOptions) {
    super(message, options);
    if (variable) this.variable = variable;
  }

  /** A required variable is not set. */
  static missingVariable(variable: string, fix: string): ConfigError {
    return new ConfigError(`${variable} is not set. ${fix}`, variable);
  }

  /** A variable is set to something unusable. */
  static invalidVariable(variable: string, problem: string, fix: string): ConfigError {
    return new ConfigError(`${variable} is invalid: ${problem}. ${fix}`, variable);
  }

  /** `TRACKER_TYPE` names no tracker core knows. */
  static unknownTrackerType(value: string, known: readonly string[]): ConfigError {
    return new ConfigError(
      `TRACKER_TYPE is "${value}", which is not a known tracker. Set it to one of: ${known.join(", ")}.`,
      "TRACKER_TYPE",
    );
  }

  /** The adapter package of the tracker type is not installed. */
  static missingAdapterPackage(type: string, pkg: string, cause: unknown): ConfigError {
    return new ConfigError(
      `TRACKER_TYPE=${type} needs the package ${pkg}, which could not be loaded. Install it: pnpm add ${pkg}`,
      "TRACKER_TYPE",
      { cause },
    );
  }

  /** The package installed for a tracker type exports no `createAdapter`. */
  static notAnAdapterPackage(type: string, pkg: string): ConfigError {
    return new ConfigError(
      `TRACKER_TYPE=${type} loads the package ${pkg}, but it does not export createAdapter(config). Install a version of ${pkg} that matches @gadget/core.`,
      "TRACKER_TYPE",
    );
  }

  /** The `.env` file asked for cannot be read. */
  static envFile(file: string, problem: string, cause?: unknown): ConfigError {
    return new ConfigError(
      `The env file ${file} cannot be read: ${problem}. Fix the path given as envFile, or pass envFile: false to read only the environment.`,
      undefined,
      { cause },
    );
  }

  /** `TRACKER_PROJECT` names no project of the tracker; the message lists those that exist. */
  static unknownProject(name: string, existing: readonly string[], cause?: unknown): ConfigError {
    return new ConfigError(
      `TRACKER_PROJECT is "${name}", but the tracker has no project of that name. Set it to one of: ${existing.map((n) => `"${n}"`).join(", ") || "(no projects yet)"}.`,
      "TRACKER_PROJECT",
      { cause },
    );
  }

  /**
   * A session met a kind whose entity class was never loaded: the class registers itself when its
   * module is imported, so only an import graph that skips it (a deep import of a session module,
   * a bundler dropping the model) gets here.
   */
  static unregisteredEntity(kind: string): ConfigError {
    return new ConfigError(
      `No entity class is registered for the kind "${kind}": the module that defines it was not loaded. Import Gadget from "@gadget/core" (its entry loads every entity class) rather than from its internal files, and keep that package's modules when bundling.`,
    );
  }

  /** A studio snapshot (`TRACKER_MOCK_SEED`) cannot be read. */
  static snapshot(file: string, problem: string, cause?: unknown): ConfigError {
    return new ConfigError(
      `The studio snapshot ${file} cannot be used: ${problem}. Point TRACKER_MOCK_SEED at a JSON file written by tracker.snapshot(), or set it to "demo".`,
      "TRACKER_MOCK_SEED",
      { cause },
    );
  }
}

/** The tracker refused the credentials, or a token expired and cannot be refreshed. */
export class AuthError extends TrackerError {
  override readonly code = "AUTH";

  /** The login or password is wrong (the password is never echoed). */
  static badCredentials(login: string, request?: RequestInfo): AuthError {
    return new AuthError(
      `Login refused for "${login}": wrong login or password${where(request)}. Check TRACKER_LOGIN and TRACKER_PASSWORD.`,
      { request },
    );
  }

  /** A bot token expired: bot tokens are never refreshed, a new one is needed. */
  static botTokenExpired(request?: RequestInfo): AuthError {
    return new AuthError(
      `The bot token (TRACKER_TOKEN) was refused: it has expired or was revoked${where(request)}. Bot tokens cannot be refreshed; generate a new one in Kitsu and set TRACKER_TOKEN.`,
      { request },
    );
  }

  /** The access token expired and the refresh token was refused: log in again. */
  static refreshFailed(request?: RequestInfo, cause?: unknown): AuthError {
    return new AuthError(
      `The session expired and could not be refreshed${where(request)}. Log in again (check TRACKER_LOGIN and TRACKER_PASSWORD).`,
      { request, cause },
    );
  }

  /** The tracker refused the session for another reason, which `detail` gives. */
  static rejected(detail: string, request?: RequestInfo): AuthError {
    return new AuthError(`The tracker rejected the credentials: ${detail}${where(request)}.`, { request });
  }
}

/** The session may not do what was asked (Zou's 403). */
export class PermissionError extends TrackerError {
  override readonly code = "PERMISSION";

  /** The tracker answered 403 to a request. */
  static denied(request: RequestInfo, detail?: string): PermissionError {
    return new PermissionError(
      `Permission denied${where(request)}${detail ? `: ${detail}` : ""}. Ask a studio manager for access, or use an account with a higher role.`,
      { request },
    );
  }

  /**
   * A write of fields only an admin may change (a person's role, departments, active flag): Kitsu
   * drops them from anyone else's request without a word, so the adapter says so instead.
   */
  static adminOnly(kind: string, id: string, fields: readonly string[], request?: RequestInfo): PermissionError {
    return new PermissionError(
      `Cannot change ${fields.join(", ")} of ${kind} ${id}${where(request)}: only a studio admin may, and the tracker ignores the change from anyone else. Use an admin account.`,
      { request },
    );
  }

  /** Time logged for a person the task is not assigned to (Kitsu answers 403). */
  static notAssigned(taskId: string, personId: string, request?: RequestInfo): PermissionError {
    return new PermissionError(
      `Cannot log time on task ${taskId} for person ${personId}${where(request)}: the person is not assigned to the task. Assign them first (task.assign(person)).`,
      { request },
    );
  }
}

/** No record matched: an id that does not exist, or a query with no result in `get()`. */
export class NotFoundError extends TrackerError {
  override readonly code = "NOT_FOUND";

  /** No record of a kind with that id. */
  static entity(kind: string, id: string, request?: RequestInfo): NotFoundError {
    return new NotFoundError(`No ${kind} with id ${id}${where(request)}. It may have been deleted.`, { request });
  }

  /** A parent that exists, but in another project than the record's (Zou answers 404 too). */
  static inProject(kind: string, id: string, projectId: string): NotFoundError {
    return new NotFoundError(
      `No ${kind} with id ${id} in project ${projectId}: it belongs to another project. Pass one of this project's.`,
    );
  }

  /** No record of a collection matches a query (`get()`); `find()` answers undefined instead. */
  static query(kind: string, query: unknown, scope: string): NotFoundError {
    return new NotFoundError(
      `No ${kind} matches ${show(query)} in ${scope}. Names are matched exactly (case-sensitive); use find() to get undefined instead of an error.`,
    );
  }

  /** A shot or asset has no task of the task type asked; the message lists the types it has. */
  static taskOfType(taskType: string, owner: string, available: readonly string[]): NotFoundError {
    return new NotFoundError(
      `${owner} has no task of type "${taskType}". Its tasks are of type: ${available.join(", ") || "(none)"}. Create one with tasks.new({ taskType }).`,
    );
  }

  /** The tracker answered 404. */
  static http(request: RequestInfo, detail?: string): NotFoundError {
    return new NotFoundError(`Not found${where(request)}${detail ? `: ${detail}` : ""}.`, { request });
  }
}

/**
 * Several records match where one was asked for (`get()`, `find()`, a name in a relation); `matches` holds their ids.
 */
export class AmbiguousError extends TrackerError {
  override readonly code = "AMBIGUOUS";
  readonly matches: readonly string[];

  constructor(message: string, matches: readonly string[], options?: TrackerErrorOptions) {
    super(message, options);
    this.matches = matches;
  }

  /** Several records of a collection match a query; the message says how to tell them apart. */
  static query(kind: string, query: unknown, scope: string, matchIds: readonly string[]): AmbiguousError {
    return new AmbiguousError(
      `${matchIds.length} ${kind} records match ${show(query)} in ${scope} (ids ${matchIds.join(", ")}). Add a key that tells them apart, or use filter() to get them all.`,
      matchIds,
    );
  }
}

/** A record with the same name (or key) already exists where names must be unique. */
export class ConflictError extends TrackerError {
  override readonly code = "CONFLICT";

  /** A record of this kind and name already exists in `scope`, or is given twice in a batch. */
  static duplicateName(kind: string, name: string, scope: string, request?: RequestInfo): ConflictError {
    return ConflictError.duplicateKey(kind, "name", name, scope, request);
  }

  /** A record whose unique key (`field` naming it, within `scope`) another record already has. */
  static duplicateKey(kind: string, field: string, value: string, scope: string, request?: RequestInfo) {
    const what = field === "name" ? `named "${value}"` : `with ${field} "${value}"`;
    return new ConflictError(
      `${Article(kind)} ${what} already exists in ${scope}${where(request)}. Pick another ${field}, or get() the existing one.`,
      { request },
    );
  }

  /** Something that must be unique already exists. */
  static duplicate(what: string, request?: RequestInfo): ConflictError {
    return new ConflictError(`${what} already exists${where(request)}.`, { request });
  }

  /** The tracker answered with a conflict (a duplicate it refused). */
  static http(request: RequestInfo, detail: string): ConflictError {
    return new ConflictError(`Conflict${where(request)}: ${detail}.`, { request });
  }
}

/** One problem with an input, in zod's shape. */
export interface ValidationIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * Bad input, caught before any request where core can check it: unknown query keys, wrong kinds of
 * entity, missing files, statuses not enabled on the project, broken tracker rules. `issues` lists zod's findings.
 */
export class ValidationError extends TrackerError {
  override readonly code = "VALIDATION";
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, issues: readonly ValidationIssue[] = [], options?: TrackerErrorOptions) {
    super(message, options);
    this.issues = issues;
  }

  /** An input failed its zod schema; `what` names the input. */
  static fromZod(what: string, error: z.ZodError): ValidationError {
    const issues = error.issues.map((i) => ({ path: i.path, message: i.message }));
    const lines = issues.map((i) => `${i.path.length ? i.path.join(".") : "(input)"}: ${i.message}`);
    return new ValidationError(`Invalid ${what}: ${lines.join("; ")}.`, issues);
  }

  /** A query or input used keys the kind does not have (Kitsu would ignore them silently). */
  static unknownKeys(kind: string, keys: readonly string[], allowed: readonly string[]): ValidationError {
    return new ValidationError(
      `A ${kind} query cannot use ${keys.map((k) => `"${k}"`).join(", ")}: ${kind} has no such field. Use one of: ${allowed.join(", ")}.`,
      keys.map((k) => ({ path: [k], message: "unknown key" })),
    );
  }

  /** An entity of another kind was passed where a `expected` is required. */
  static wrongKind(expected: string, got: string, where: string): ValidationError {
    return new ValidationError(
      `${where} expects ${article(expected)}, but was given ${article(got)}. Pass ${article(expected)} (or its id).`,
      [{ path: [], message: `expected ${expected}` }],
    );
  }

  /** A value is not a valid id for the tracker. */
  static invalidId(value: string, what: string): ValidationError {
    return new ValidationError(
      `"${value}" is not a valid ${what} id (ids are UUIDs). Pass the id, or look the record up by name.`,
      [{ path: ["id"], message: "not a UUID" }],
    );
  }

  /** A file to upload is missing, unreadable or empty. */
  static file(path: string, problem: FileProblem, detail = ""): ValidationError {
    const text = fileProblems[problem](detail);
    return new ValidationError(`The file ${path} cannot be sent: ${text}. Nothing was written to the tracker.`, [
      { path: ["file"], message: text },
    ]);
  }

  /** A time-spent day that is not a `YYYY-MM-DD` date. */
  static timeSpentDay(date: string): ValidationError {
    return new ValidationError(`"${date}" is not a day for time spent; pass the date as YYYY-MM-DD.`, [
      { path: ["date"], message: "expected YYYY-MM-DD" },
    ]);
  }

  /** Time spent of zero or fewer seconds. */
  static timeSpentSeconds(seconds: number): ValidationError {
    return new ValidationError(`Time spent must be more than 0 seconds, got ${seconds}. Pass a positive duration.`, [
      { path: ["seconds"], message: "must be greater than 0" },
    ]);
  }

  /** A task whose task type is for another kind of entity (a shot task type on an asset). */
  static taskTypeMismatch(taskType: string, forShots: boolean, entityKind: string): ValidationError {
    return new ValidationError(
      `Task type of the task does not match entity type: "${taskType}" is for ${forShots ? "shots" : "assets"}, the entity is ${article(entityKind)}. Pick a task type for ${entityKind}s.`,
      [{ path: ["taskTypeId"], message: "task type for another kind of entity" }],
    );
  }

  /** A removal the record's own state forbids (Kitsu: an open project). */
  static removeRequires(kind: string, name: string, field: string, wanted: unknown, actual: unknown) {
    return new ValidationError(
      `Cannot remove ${kind} "${name}": its ${field} is ${show(actual)}, and only a ${kind} whose ${field} is ${show(wanted)} can be removed. Update it with { ${field}: ${show(wanted)} } first.`,
      [{ path: [field], message: `must be ${show(wanted)}` }],
    );
  }

  /** A removal refused while other records point at the record (`held`: "2 shots, 1 task"). */
  static stillHeld(kind: string, name: string, held: string, canForce: boolean): ValidationError {
    const fix = canForce ? "delete them first, or pass { force: true } to delete them with it" : "delete them first";
    return new ValidationError(`Cannot delete ${kind} "${name}": ${held} still point at it; ${fix}.`, [
      { path: [], message: "still referenced" },
    ]);
  }

  /** A value given as an id or entity carries no id. */
  static notAnId(given: string, where: string): ValidationError {
    return new ValidationError(
      `${where} expects an id, an entity or { id }, but was given ${given}. Pass the entity or its id.`,
      [{ path: ["id"], message: "expected an id" }],
    );
  }

  /** A field was written that the tracker sets itself; `hint` says how to change it. */
  static readOnly(kind: string, field: string, hint: string): ValidationError {
    return new ValidationError(`${kind}.${field} cannot be changed through save(). ${hint}`, [
      { path: [field], message: "read-only" },
    ]);
  }

  /** A task status is not among those enabled on the project; the message lists them. */
  static unknownStatus(value: string, scope: string, valid: readonly string[]): ValidationError {
    return new ValidationError(
      `"${value}" is not a task status of ${scope}. Use one of the short names: ${valid.join(", ")}.`,
      [{ path: ["status"], message: "unknown status" }],
    );
  }

  /** An option has a value outside what it accepts. */
  static invalidOption(option: string, value: unknown, expected: string): ValidationError {
    return new ValidationError(`${option} is ${String(value)}, but it must be ${expected}. Pass ${expected}.`, [
      { path: [option], message: `expected ${expected}` },
    ]);
  }

  /** A value given to `events.since()` is neither a time nor a cursor the tracker knows. */
  static eventCursor(value: string): ValidationError {
    return new ValidationError(
      `"${value}" is neither an event cursor nor a timestamp. Pass a Date, an ISO timestamp ("2026-11-29T16:04:11Z"), or the cursor of an event or page that since() returned.`,
      [{ path: ["since"], message: "not an event cursor or timestamp" }],
    );
  }

  /** A tracker rule is broken; the message is the whole explanation. */
  static rule(message: string, request?: RequestInfo): ValidationError {
    return new ValidationError(`${message}${where(request)}.`, [], { request });
  }

  /** The tracker refused the input (Zou's 400). */
  static http(request: RequestInfo, message: string, issues: readonly ValidationIssue[] = []): ValidationError {
    return new ValidationError(`The tracker refused the request${where(request)}: ${message}.`, issues, { request });
  }

  /** The tracker refused a body as too large (413). */
  static tooLarge(request: RequestInfo, limit?: string): ValidationError {
    return new ValidationError(
      `The upload is larger than the server accepts${limit ? ` (${limit})` : ""}${where(request)}. Send a smaller file or raise the server's upload limit (nginx client_max_body_size, Zou MAX_CONTENT_LENGTH).`,
      [{ path: ["file"], message: "too large" }],
      { request },
    );
  }
}

/** The tracker (or the entity model) cannot do what was asked. */
export class UnsupportedError extends TrackerError {
  override readonly code = "UNSUPPORTED";

  /** The tracker lacks a capability (`tracker.capabilities`). */
  static capability(adapter: string, capability: string): UnsupportedError {
    return new UnsupportedError(`The ${adapter} tracker does not support ${capability}.`);
  }

  /** `event.load()` on an event about something the entity model has no kind for. */
  static eventLoad(eventName: string, eventKind: string): UnsupportedError {
    return new UnsupportedError(
      `The event "${eventName}" is about a ${eventKind}, which the entity model does not have, so load() cannot fetch it. Read event.id and event.data, or fetch it through tracker.raw.`,
    );
  }

  /** A field that a partial answer (`withTasks()`) did not carry was read. */
  static notLoaded(kind: string, field: string): UnsupportedError {
    return new UnsupportedError(
      `${kind}.${field} is not loaded: the tracker's answer that built this ${kind} (withTasks()) does not carry it. Call await ${kind}.refresh() first.`,
    );
  }

  /** The tracker cannot do an operation; `alternative` says what to do instead. */
  static operation(adapter: string, operation: string, alternative: string): UnsupportedError {
    return new UnsupportedError(`The ${adapter} tracker cannot ${operation}. ${alternative}`);
  }
}

/** The tracker could not be reached, or a connection broke mid-exchange. */
export class NetworkError extends TrackerError {
  override readonly code = "NETWORK";

  /** No connection to the tracker (DNS, refused, reset before an answer). */
  static unreachable(url: string, cause: unknown, request?: RequestInfo): NetworkError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new NetworkError(
      `Cannot reach the tracker at ${url}${where(request)}: ${reason}. Check TRACKER_URL and that the server is up.`,
      { cause, request },
    );
  }

  /** The server answered, then the connection broke while the answer's body was being read. */
  static interrupted(url: string, cause: unknown, request?: RequestInfo): NetworkError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new NetworkError(
      `The connection to the tracker at ${url} broke while reading its answer${where(request)}: ${reason}. Retry; if it keeps happening, check the network or proxy between you and the server.`,
      { cause, request },
    );
  }

  /** A network failure injected by the mock tracker's faults. */
  static injected(operation: string): NetworkError {
    return new NetworkError(
      `Injected network failure on ${operation} (mock tracker fault injection). Clear it with tracker.faults.clear().`,
    );
  }
}

/** A request, transfer or wait took longer than its timeout; the message names the option to raise. */
export class TimeoutError extends TrackerError {
  override readonly code = "TIMEOUT";

  /** `option` is the setting whose limit ran out (`timeout`, `transferTimeout`, `totalTimeout`). */
  static request(request: RequestInfo, ms: number, option: string): TimeoutError {
    const what = option === "totalTimeout" ? "The request and its retries" : "The request";
    return new TimeoutError(
      `${what} took longer than ${ms} ms${where(request)}. Raise the ${option} option if the server is just slow.`,
      { request },
    );
  }

  /** A bounded wait for something to happen (an event to arrive, a record to change) ran out. */
  static waiting(what: string, ms: number): TimeoutError {
    return new TimeoutError(
      `Waited ${ms} ms for ${what}, and it did not happen. Check that the tracker delivers it, or wait longer (timeoutMs).`,
    );
  }

  /** A timeout injected by the mock tracker's faults. */
  static injected(operation: string): TimeoutError {
    return new TimeoutError(
      `Injected timeout on ${operation} (mock tracker fault injection). Clear it with tracker.faults.clear().`,
    );
  }
}

/** The tracker asked to slow down (429); `retryAfterMs` says how long, when it said. */
export class RateLimitError extends TrackerError {
  override readonly code = "RATE_LIMIT";
  readonly retryAfterMs?: number;

  constructor(message: string, retryAfterMs?: number, options?: TrackerErrorOptions) {
    super(message, options);
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }

  /** The tracker answered 429, with `Retry-After` when it sent one. */
  static http(request: RequestInfo, retryAfterMs?: number): RateLimitError {
    return new RateLimitError(
      `The tracker is rate limiting this client${where(request)}${retryAfterMs === undefined ? "" : `; it asks to wait ${retryAfterMs} ms`}. Slow down or retry later.`,
      retryAfterMs,
      { request },
    );
  }

  /** A rate limit injected by the mock tracker's faults. */
  static injected(operation: string, retryAfterMs?: number): RateLimitError {
    return new RateLimitError(
      `Injected rate limit on ${operation} (mock tracker fault injection). Clear it with tracker.faults.clear().`,
      retryAfterMs,
    );
  }
}

/** The tracker failed (5xx) or answered something unexpected. */
export class ServerError extends TrackerError {
  override readonly code = "SERVER";

  /** The tracker answered with a 5xx status. */
  static http(request: RequestInfo, detail?: string): ServerError {
    return new ServerError(
      `The tracker failed${where(request)}${detail ? `: ${detail}` : ""}. Retry later; if it persists, check the server's logs.`,
      { request },
    );
  }

  /** A server failure injected by the mock tracker's faults. */
  static injected(operation: string): ServerError {
    return new ServerError(`Injected server failure on ${operation} (mock tracker fault injection).`);
  }

  /** An answer whose shape the adapter did not expect (not JSON, a field missing). */
  static unexpectedResponse(what: string, problem: string, request?: RequestInfo): ServerError {
    return new ServerError(
      `The tracker answered with an unexpected ${what}${where(request)}: ${problem}. The server may be a version this client does not know; report it with the server version.`,
      { request },
    );
  }
}

/** What a publish (comment, previews, main preview) had written when a later step failed. */
export interface PublishWritten {
  readonly operation: "publish";
  /** Human-readable list of what exists now on the tracker. */
  readonly steps: readonly string[];
  /** The comment that exists, and its previews that exist with their files, in upload order. */
  readonly ids: { readonly comment: Id; readonly previews: readonly Id[] };
}

/** What a batch create (`newMany`, `createMany`) had created when a later create failed. */
export interface BulkWritten {
  readonly operation: "create";
  /** The kind of the records (`shot`, `task`, ...). */
  readonly kind: string;
  /** Human-readable list of what exists now on the tracker. */
  readonly steps: readonly string[];
  /** The records created before the failure, in input order. */
  readonly ids: { readonly created: readonly Id[] };
}

/**
 * What a multi-step write had written when a later step failed, told apart by `operation`, so that
 * `error.written.ids` is typed once narrowed: `if (error.written.operation === "publish") ...`.
 */
export type WrittenSoFar = PublishWritten | BulkWritten;

/**
 * A write of several steps failed after its first step landed: `written` says what exists on the
 * tracker, `failedStep` where it stopped, so that the caller resumes instead of writing again.
 *
 * @example
 * try {
 *   await task.comments.new({ comment: "v003", status: "wfa", preview: [movie], setMainPreview: true });
 * } catch (error) {
 *   if (!(error instanceof PartialWriteError) || error.written.operation !== "publish") throw error;
 *   const comment = await tracker.load("comment", error.written.ids.comment);
 *   if (error.written.ids.previews.length === 0) await comment.addPreview(movie, { setMain: true });
 * }
 */
export class PartialWriteError<W extends WrittenSoFar = WrittenSoFar> extends TrackerError {
  override readonly code = "PARTIAL_WRITE";
  readonly written: W;
  readonly failedStep: string;

  constructor(message: string, failedStep: string, written: W, options?: TrackerErrorOptions) {
    super(message, options);
    this.failedStep = failedStep;
    this.written = written;
  }

  /** A batch (`newMany`) stopped after creating some records. */
  static bulk(
    kind: string,
    created: readonly { id: Id; name: string }[],
    failedName: string,
    cause: unknown,
  ): PartialWriteError<BulkWritten> {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new PartialWriteError<BulkWritten>(
      `Creating ${kind} records stopped at "${failedName}": ${reason}. ${created.length} were created before it (${created.map((c) => c.name).join(", ") || "none"}); their ids are in error.written.ids.created. Create the rest again without them.`,
      `create ${kind} "${failedName}"`,
      {
        operation: "create",
        kind,
        steps: created.map((c) => `${kind} ${c.id} (${c.name})`),
        ids: { created: created.map((c) => c.id) },
      },
      { cause },
    );
  }

  /** A publish (comment, previews, main preview) stopped after the comment was posted. */
  static publish(
    failedStep: string,
    written: Omit<PublishWritten, "operation">,
    cause: unknown,
  ): PartialWriteError<PublishWritten> {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new PartialWriteError<PublishWritten>(
      `Publishing stopped at "${failedStep}": ${reason}. Already on the tracker: ${written.steps.join("; ") || "nothing"}. Resume with the ids in error.written (see the publishing guide in the README) instead of publishing again.`,
      failedStep,
      { operation: "publish", ...written },
      { cause },
    );
  }
}
