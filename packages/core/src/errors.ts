import type { z } from "zod";
import { dayYears, type Id } from "./schema/common.js";

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

/** A kind as words: "taskType" → "task type". */
export const kindLabel = (kind: string): string => kind.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

/** A value as a message shows it: `undefined`, `a string ("sh010")`, `an array`, `a Map`. Never a whole value. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string") {
    if (value.length === 0) return "an empty string";
    const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    return `a string (${JSON.stringify(cut)})`;
  }
  if (typeof value === "number" || typeof value === "boolean") return `${article(typeof value)} (${String(value)})`;
  if (typeof value === "bigint") return "a BigInt";
  if (typeof value !== "object") return article(typeof value);
  if (Array.isArray(value)) return "an array";
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return "an object";
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name ? article(name) : "an object";
}

/** How a TD changes the fields that save() does not send. */
const howToChange: Readonly<Record<string, string>> = {
  statusId: "Post a comment with the new status: task.comments.new({ status })",
  assigneeIds: "Use task.assign(person) and task.unassign(person)",
  previewId: "Use preview.setMain() on one of its task's previews",
  lastPreviewId: "Publish a preview: task.comments.new({ preview })",
  team: "Use project.team.add(person) and project.team.remove(person)",
  entries: "Use playlist.add() and playlist.remove()",
  projectId: "A record stays in its project. Create a new one in the other project instead",
};

/** What can be wrong with a file to upload; the words are in `ValidationError.file`. */
export type FileProblem =
  | "not-a-path"
  | "missing"
  | "uninspectable"
  | "directory"
  | "not-a-file"
  | "unreadable"
  | "empty"
  | "read-failed"
  | "nul-byte";

const fileProblems: Record<FileProblem, (detail: string) => [problem: string, fix: string]> = {
  "not-a-path": () => ["the path must be a non-empty string", "Pass the file's path as a string"],
  missing: () => ["it does not exist", "Check the path (a relative path is read from the working directory)"],
  uninspectable: (detail) => [`it cannot be inspected (${detail})`, "Check the path and its folders"],
  directory: () => ["it is a directory, not a file", "Pass a file inside it"],
  "not-a-file": () => ["it is not a file", "Pass a regular file"],
  unreadable: () => ["it cannot be read (check its permissions)", "Check its permissions"],
  empty: () => ["it is empty", "Check that it was written completely, then send it again"],
  "read-failed": (detail) => [`reading it failed (${detail})`, "Check the disk, then send it again"],
  "nul-byte": () => ["the path holds a NUL byte", "Remove the NUL byte from the path"],
};

type ZodIssueLike = { path: PropertyKey[]; message: string; code?: string; errors?: ZodIssueLike[][] };

/**
 * An issue as a message shows it. A union ("a value or a list of them") reports each branch: the
 * branch that got furthest into the value says what is wrong.
 */
function readableIssue(issue: ZodIssueLike): ValidationIssue {
  if (issue.code === "invalid_union" && issue.errors && issue.errors.length > 0) {
    const firsts = issue.errors.map((branch) => branch[0]).filter((i): i is ZodIssueLike => i !== undefined);
    const deepest = firsts.reduce<ZodIssueLike | undefined>(
      (a, b) => (!a || b.path.length > a.path.length ? b : a),
      undefined,
    );
    if (deepest) {
      const inner = readableIssue(deepest);
      return { path: [...issue.path, ...inner.path], message: inner.message };
    }
  }
  return { path: issue.path, message: issue.message };
}

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

  /** TRACKER_URL answers, but not as the Kitsu API does (an HTML page, a proxy's login form). */
  static notKitsu(url: string, answer: string, cause?: unknown): ConfigError {
    return new ConfigError(
      `TRACKER_URL (${url}) answers with ${answer}, not the Kitsu API. Point TRACKER_URL at the Kitsu API, e.g. TRACKER_URL=https://kitsu.example.com/api.`,
      "TRACKER_URL",
      { cause },
    );
  }

  /** Options `fromEnv()` does not have. */
  static unknownOptions(keys: readonly string[], allowed: readonly string[]): ConfigError {
    return new ConfigError(
      `fromEnv() has no option ${keys.map((k) => `"${k}"`).join(", ")}. Use one of: ${allowed.join(", ")}.`,
    );
  }

  /** An option of `fromEnv(options)` that is not what it must be. */
  static invalidOption(option: string, value: unknown, expected: string): ConfigError {
    const what = option === "options" ? "The fromEnv() options object" : `The fromEnv() option ${option}`;
    return new ConfigError(
      `${what} is ${describeValue(value)}, but it must be ${expected}. Pass ${expected}, or leave it out.`,
    );
  }

  /** A secret option (`otp`, `tokens`) of the wrong shape: its type is said, never its value. */
  static invalidSecretOption(option: string, value: unknown, expected: string): ConfigError {
    const type = value === null ? "null" : Array.isArray(value) ? "an array" : article(typeof value);
    return new ConfigError(
      `The fromEnv() option ${option} is ${type}, but it must be ${expected}. Pass ${expected}, or leave it out.`,
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
      `The bot token (TRACKER_TOKEN) was refused: it has expired or was revoked${where(request)}. Bot tokens cannot be refreshed. Generate a new one in Kitsu (Settings → Bots) and set TRACKER_TOKEN to it.`,
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

  /** The account has two-factor login and the session was given no code (`otp`, `TRACKER_OTP`, `onOtp`). */
  static otpRequired(login: string, method: string, request?: RequestInfo): AuthError {
    const source = method === "email_otp" ? "the code the tracker just emailed" : "the code of the authenticator app";
    return new AuthError(
      `Login of "${login}" needs a second factor (${method})${where(request)}. Set TRACKER_OTP (or the otp option) to ${source}, or to one of the account's recovery codes; give an interactive tool onOtp; or use a bot token (TRACKER_TOKEN) for unattended scripts.`,
      { request },
    );
  }

  /** The second-factor code was refused (a wrong or expired code, or a recovery code already used). */
  static wrongOtp(login: string, method: string, request?: RequestInfo): AuthError {
    const what = method === "recovery_code" ? "recovery code (each works once)" : `${method} code`;
    return new AuthError(
      `Login of "${login}" refused: the ${what} is wrong or has expired${where(request)}. Log in again with a fresh code; repeated failures lock the account for a minute.`,
      { request },
    );
  }

  /** The account's only second factor is a FIDO security key, which a script cannot present. */
  static fidoOnly(login: string, request?: RequestInfo): AuthError {
    return new AuthError(
      `Login of "${login}" needs a FIDO security key${where(request)}, which a script cannot use. Use a bot token (TRACKER_TOKEN), enable TOTP or email codes on the account, or give one of its recovery codes as TRACKER_OTP.`,
      { request },
    );
  }

  /** Saved tokens (`tokens`) no longer work and the session has no password to log in with. */
  static tokensExpired(request?: RequestInfo, cause?: unknown): AuthError {
    return new AuthError(
      `The saved session tokens no longer work (expired or logged out)${where(request)} and no password is set to log in again. Set TRACKER_LOGIN and TRACKER_PASSWORD (with TRACKER_OTP or onOtp for a 2FA account), or save new tokens from a fresh login.`,
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

  /**
   * `comments.new({ author, createdAt })` from a session whose role on the project is not admin or
   * manager: Kitsu would post the comment as the session's own person, now, without a word.
   */
  static commentAs(taskId: string, fields: readonly string[], role: string): PermissionError {
    return new PermissionError(
      `Cannot post on task ${taskId} with ${fields.join(" and ")}: only a studio admin or a manager of the project may set a comment's author or date (this session's role there is "${role}"), and the tracker would post it as the session's person, now. Use an admin or manager account (a bot of that role does), or leave ${fields.join(" and ")} out.`,
    );
  }

  /** The tracker posted the comment, but not as the author or at the date asked (its roles changed mid-way). */
  static commentAsIgnored(taskId: string, commentId: string, fields: readonly string[]): PermissionError {
    return new PermissionError(
      `The tracker posted comment ${commentId} on task ${taskId} but ignored its ${fields.join(" and ")}: the session is not allowed to set them (its role changed since it was checked). The comment exists as the session's person, now: delete it (tracker.raw) or keep it, and post again with an admin or manager account.`,
    );
  }

  /** Time logged for a person the task is not assigned to (Kitsu answers 403). */
  static notAssigned(taskId: string, personId: string, request?: RequestInfo): PermissionError {
    return new PermissionError(
      `Cannot log time on task ${taskId} for person ${personId}${where(request)}: the person is not assigned to the task. Assign them first (task.assign(person)).`,
      { request },
    );
  }

  /** A write only a studio admin may make (a custom action), asked by another role. */
  static adminOnlyAction(what: string, role: string, request?: RequestInfo): PermissionError {
    return new PermissionError(
      `Cannot ${what}${where(request)}: only a studio admin may, and the session's person is a ${role}. Use an admin account.`,
      { request },
    );
  }

  /**
   * A custom action's POST that does not hold together (a person who is not who the payload says, a
   * selection outside the project, a page of another origin): the handler answers 403 with it.
   */
  static customActionRefused(reason: string, fix: string): PermissionError {
    return new PermissionError(`Custom action refused: ${reason}. ${fix}`);
  }
}

/** No record matched: an id that does not exist, or a query with no result in `get()`. */
export class NotFoundError extends TrackerError {
  override readonly code = "NOT_FOUND";

  /** No record of a kind with that id. */
  static entity(kind: string, id: string, request?: RequestInfo): NotFoundError {
    return new NotFoundError(
      `No ${kindLabel(kind)} with id "${id}"${where(request)}. It may have been deleted. Check the id, or look the record up by name with get({ name }).`,
      { request },
    );
  }

  /** A parent that exists, but in another project (`project "Bunny"`) than the record's (Zou answers 404 too). */
  static inProject(kind: string, id: string, project: string): NotFoundError {
    return new NotFoundError(
      `No ${kindLabel(kind)} with id "${id}" in ${project}: it belongs to another project. Pass one of this project's.`,
    );
  }

  /** No record of a collection matches a query (`get()`); `find()` answers undefined instead. */
  static query(kind: string, query: unknown, scope: string): NotFoundError {
    return new NotFoundError(
      `No ${kindLabel(kind)} matches ${show(query)} in ${scope}. Check the spelling (names are matched exactly, case-sensitive), or use find() to get undefined instead of an error.`,
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
    return new NotFoundError(
      `Not found${where(request)}${detail ? `: ${detail}` : ""}. Check the path and the ids in it.`,
      { request },
    );
  }

  /**
   * A reference of an input (`new shot (sequence)`) to a record the tracker does not have; `kinds`
   * are the kinds it may point to.
   */
  static reference(where: string, kinds: string, id: string): NotFoundError {
    return new NotFoundError(
      `${where}: no ${kinds} has the id "${id}". It may have been deleted, or belong to another tracker. Pass an entity of this session, its id, or its name.`,
    );
  }

  /** `what` is not among `among` (a person not in a team, a shot not in a playlist). */
  static notAmong(what: string, among: string, fix: string): NotFoundError {
    return new NotFoundError(`${what} is not ${among}. ${fix}`);
  }

  /**
   * A preview has no file of the variant asked: a `movie` of a picture, a `thumbnail` of a file kept
   * as sent, or a movie the tracker has not finished encoding (`status`).
   */
  static previewVariant(
    previewId: string,
    extension: string | null,
    variant: string,
    has: readonly string[],
    status?: string,
  ): NotFoundError {
    const what = has.includes("movie")
      ? "a movie"
      : has.includes("thumbnail")
        ? "a picture"
        : `a ${extension || "bin"} file`;
    const state =
      status && status !== "ready" ? ` (its status is "${status}": the tracker has not built its files yet)` : "";
    return new NotFoundError(
      `Preview "${previewId}" (${what}) has no "${variant}" file${state}. It has: ${has.join(", ")}. Ask for one of those with download({ variant }).`,
    );
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
      `${matchIds.length} ${kindLabel(kind)} records match ${show(query)} in ${scope} (ids ${matchIds.join(", ")}). Add a key that tells them apart, or use filter() to get them all.`,
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

  /** A second task of one type (and name) on an entity: Kitsu keys tasks by entity, type and name. */
  static duplicateTask(owner: string, taskType: string, name: string, cause?: unknown): ConflictError {
    return new ConflictError(
      `${owner} already has a task of type "${taskType}" named "${name}". Give the new one another name (tasks.new({ taskType, name })), or get the existing one: tasks.fetch("${taskType}").`,
      { cause },
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
    const issues = error.issues.map(readableIssue);
    const lines = issues.map((i) => `${i.path.length ? i.path.join(".") : "(input)"}: ${i.message}`);
    const fields = [...new Set(issues.map((i) => (i.path.length ? i.path.join(".") : "the input")))];
    return new ValidationError(
      `Invalid ${what}: ${lines.join("; ")}. Fix ${fields.join(", ")} and call again; nothing was written.`,
      issues,
    );
  }

  /** `what` must be a plain object (`example`), and was given something else. */
  static notAnObject(what: string, value: unknown, example: string, hint = ""): ValidationError {
    return new ValidationError(
      `${what} must be a plain object such as ${example}, but was given ${describeValue(value)}. Pass ${example}${hint ? `; ${hint}` : ""}.`,
      [{ path: [], message: "expected a plain object" }],
    );
  }

  /** `what` takes an array (`example`), and was given something else. */
  static notAList(what: string, value: unknown, example: string): ValidationError {
    return new ValidationError(
      `${what} takes an array such as ${example}, but was given ${describeValue(value)}. Pass an array (wrap a single item in [ ]).`,
      [{ path: [], message: "expected an array" }],
    );
  }

  /** Keys an input or options object does not have (`noun`: "option", "key"). */
  static unknownOptions(what: string, keys: readonly string[], allowed: readonly string[], noun = "option") {
    return new ValidationError(
      `${what} has no ${noun} ${keys.map((k) => `"${k}"`).join(", ")}. Use one of: ${allowed.join(", ")}.`,
      keys.map((k) => ({ path: [k], message: `unknown ${noun}` })),
    );
  }

  /** A value of the wrong type: `what` must be `expected`; `fix` says what to pass instead. */
  static wrongType(what: string, value: unknown, expected: string, fix: string): ValidationError {
    return new ValidationError(`${what} must be ${expected}, but was given ${describeValue(value)}. ${fix}.`, [
      { path: [], message: `expected ${expected}` },
    ]);
  }

  /** A playlist of shots given an asset (or the reverse). */
  static playlistFor(playlist: string, forEntity: string, kind: string, name: string): ValidationError {
    return new ValidationError(
      `Playlist "${playlist}" is for ${forEntity}s, and ${kind} "${name}" is not one. Add ${forEntity}s to it, or use a playlist for ${kind}s.`,
      [{ path: ["entity"], message: `expected a ${forEntity}` }],
    );
  }

  /** More time on one task and day than the day has. */
  static timeSpentTooLong(seconds: number): ValidationError {
    const hours = Math.round((seconds / 3600) * 100) / 100;
    return new ValidationError(
      `Time spent on one day must be at most 24 hours (86400 seconds), got ${hours} hours (${seconds} seconds). Pass the time of that day only.`,
      [{ path: ["seconds"], message: "more than 24 hours" }],
    );
  }

  /** A key whose value is undefined in a query, where it would widen the query to everything. */
  static undefinedKey(what: string, key: string): ValidationError {
    return new ValidationError(
      `${what} has "${key}" set to undefined, which would match every record. Remove the key, or give it a value.`,
      [{ path: [key], message: "undefined" }],
    );
  }

  /** An object with symbol keys, which Gadget cannot read (they are not sent, and never JSON). */
  static symbolKey(what: string): ValidationError {
    return new ValidationError(`${what} has a symbol key, and only string keys are read. Use a string key.`, [
      { path: [], message: "symbol key" },
    ]);
  }

  /** A text longer than the tracker keeps (its column length). */
  static tooLong(what: string, field: string, length: number, max: number): ValidationError {
    return new ValidationError(
      `${what}: ${field} is ${length} characters long, and the tracker keeps at most ${max} characters. Pass a shorter ${field}.`,
      [{ path: [field], message: `longer than ${max} characters` }],
    );
  }

  /** Two fields in the wrong order (`frameIn` after `frameOut`). */
  static outOfOrder(what: string, low: string, high: string, lowValue: unknown, highValue: unknown): ValidationError {
    return new ValidationError(
      `${what}: ${low} (${show(lowValue)}) is after ${high} (${show(highValue)}). Pass a ${low} that is not after ${high}.`,
      [{ path: [low], message: `after ${high}` }],
    );
  }

  /** A value JSON cannot carry as it is (a BigInt, a cycle), found at `path` of what is sent. */
  static notJson(what: string, path: readonly (string | number)[], problem: string): ValidationError {
    return new ValidationError(
      `${what}: ${path.length ? path.join(".") : "the value"} ${problem}. Fix it and call again; nothing was sent.`,
      [{ path: [...path], message: problem }],
    );
  }

  /** A problem with item `index` of a list input (`newMany`, `casting.set`), named by its place. */
  static inList(where: string, index: number, cause: ValidationError): ValidationError {
    return new ValidationError(
      `${where}[${index}]: ${cause.message}`,
      cause.issues.map((i) => ({ path: [index, ...i.path], message: i.message })),
      { cause },
    );
  }

  /** The same record listed twice in one call. */
  static listedTwice(where: string, label: string): ValidationError {
    return new ValidationError(`${where} lists ${label} twice. List it once.`, [{ path: [], message: "listed twice" }]);
  }

  /** An id the session knows as a record of another kind than `expected`. */
  static idOfKind(where: string, expected: string, id: string, actual: string): ValidationError {
    return new ValidationError(
      `${where} expects ${article(kindLabel(expected))}, but "${id}" is the id of ${article(kindLabel(actual))}. Pass ${article(kindLabel(expected))} (or its id).`,
      [{ path: [], message: `expected ${expected}` }],
    );
  }

  /** A kind name (`tracker.load(kind, id)`) that is not one of the model's kinds. */
  static unknownKind(value: unknown, known: readonly string[]): ValidationError {
    const text = typeof value === "string" ? value : "";
    const near = known.find((k) => k.toLowerCase() === text.toLowerCase().replace(/s$/, ""));
    return new ValidationError(
      `${typeof value === "string" ? `"${value}"` : describeValue(value)} is not an entity kind${near ? `; did you mean "${near}"?` : "."} Use one of: ${known.join(", ")}.`,
      [{ path: ["kind"], message: "unknown kind" }],
    );
  }

  /** An event name (`project.on(name)`) outside the vocabulary, with the closest name when there is one. */
  static unknownEventName(where: string, value: unknown, suggestion: string | undefined): ValidationError {
    const given = typeof value === "string" ? `"${value}"` : describeValue(value);
    return new ValidationError(
      `${where}: ${given} is not an event name${suggestion ? `; did you mean "${suggestion}"?` : "."} Listen to a name of the vocabulary ("shot:new", "task:status-changed", …), or to "*" for every event (then read event.kind).`,
      [{ path: ["name"], message: "unknown event name" }],
    );
  }

  /** A handler or callback that is not a function. */
  static notAFunction(what: string, value: unknown): ValidationError {
    return new ValidationError(`${what} must be a function, but was given ${describeValue(value)}. Pass a function.`, [
      { path: [], message: "expected a function" },
    ]);
  }

  /** Text that must hold something (a search, a name to look up) and holds nothing. */
  static emptyText(what: string): ValidationError {
    return new ValidationError(`${what} is empty. Pass at least one character that is not a space.`, [
      { path: [], message: "empty" },
    ]);
  }

  /** Time spent that would make a person's day longer than a day. */
  static dayOverflow(date: string, person: string, seconds: number): ValidationError {
    const hours = Math.round((seconds / 3600) * 100) / 100;
    return new ValidationError(
      `Time spent by ${person} on ${date} would total ${hours} hours, more than the 24 hours of a day. Check the duration (seconds, or { hours, minutes }) and the day.`,
      [{ path: ["seconds"], message: "more than 24 hours in a day" }],
    );
  }

  /** A relation that would make a record point at itself (an asset cast in itself). */
  static selfReference(what: string, label: string): ValidationError {
    return new ValidationError(`${label} cannot be ${what} itself. Remove it from the entries.`, [
      { path: [], message: "points at itself" },
    ]);
  }

  /** A record given where a collection's scope already fixes another (a sequence's shots get its project). */
  static scopeConflict(where: string, key: string, scope: string): ValidationError {
    return new ValidationError(
      `${where} creates in ${scope}, but ${key} names another one. Leave ${key} out, or create through that ${key}'s own collection.`,
      [{ path: [key], message: "conflicts with the collection" }],
    );
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
      `${where} expects ${article(kindLabel(expected))}, but was given ${article(kindLabel(got))}. Pass ${article(kindLabel(expected))} (or its id).`,
      [{ path: [], message: `expected ${expected}` }],
    );
  }

  /** A value is not a valid id for the tracker. */
  static invalidId(value: string, what: string): ValidationError {
    return new ValidationError(
      `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}" is not a valid ${what} id (ids are UUIDs). Pass the id, or look the record up by name: get({ name }) on its collection.`,
      [{ path: ["id"], message: "not a UUID" }],
    );
  }

  /** A file to upload is missing, unreadable or empty. */
  static file(path: string, problem: FileProblem, detail = ""): ValidationError {
    const [text, fix] = fileProblems[problem](detail);
    return new ValidationError(
      `The file ${path.replaceAll("\u0000", "\\0")} cannot be sent: ${text}. Nothing was written to the tracker. ${fix}.`,
      [{ path: ["file"], message: text }],
    );
  }

  /** A comment date (`createdAt`) that is not a valid Date from 1900 to 2999. */
  static commentDate(value: unknown): ValidationError {
    return new ValidationError(
      `comments.new() createdAt must be a valid Date from ${dayYears.min} to ${dayYears.max}, got ${show(value)}. Pass new Date("2024-03-01T09:30:00Z") (kept to the second, in UTC).`,
      [{ path: ["createdAt"], message: `expected a valid Date from ${dayYears.min} to ${dayYears.max}` }],
    );
  }

  /** A time-spent day that is not a `YYYY-MM-DD` date. */
  static timeSpentDay(date: unknown, problem = "expected YYYY-MM-DD"): ValidationError {
    const given = typeof date === "string" ? `"${date}"` : describeValue(date);
    return new ValidationError(
      `${given} is not a day for time spent (${problem}). Pass the day as YYYY-MM-DD, e.g. "2026-01-09".`,
      [{ path: ["date"], message: problem }],
    );
  }

  /** Time spent of zero or fewer seconds. */
  static timeSpentSeconds(seconds: number): ValidationError {
    return new ValidationError(`Time spent must be more than 0 seconds, got ${seconds}. Pass a positive duration.`, [
      { path: ["seconds"], message: "must be greater than 0" },
    ]);
  }

  /** A task whose task type is for another kind of entity (a shot task type on an asset). */
  static taskTypeMismatch(taskType: string, forEntity: string, entityKind: string): ValidationError {
    return new ValidationError(
      `Task type of the task does not match entity type: "${taskType}" is for ${forEntity}s, the entity is ${article(entityKind)}. Pick a task type for ${entityKind}s.`,
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
    const fix = canForce ? "Delete them first, or pass { force: true } to delete them with it" : "Delete them first";
    return new ValidationError(`Cannot delete ${kind} "${name}": ${held} still point at it. ${fix}.`, [
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
    const how = Object.hasOwn(howToChange, field) ? `${howToChange[field]}.` : `${hint} Leave ${field} as it is.`;
    return new ValidationError(`${kind}.${field} cannot be changed through save(). ${how}`, [
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

  /** Where a download should be written is not a place a file can be written to; nothing was requested. */
  static downloadTarget(path: string, problem: string): ValidationError {
    return new ValidationError(
      `Cannot download to ${path.replaceAll("\u0000", "\\0")}: ${problem}. Nothing was downloaded. Pass \`to\` as a file path in a writable folder, or an existing folder to keep the tracker's file name.`,
      [{ path: ["to"], message: problem }],
    );
  }

  /** A value given to `events.since()` is neither a time nor a cursor the tracker knows. */
  static eventCursor(value: unknown): ValidationError {
    const given =
      value instanceof Date ? "an invalid Date" : typeof value === "string" ? `"${value}"` : describeValue(value);
    return new ValidationError(
      `${given} is neither an event cursor nor a timestamp. Pass a Date, an ISO timestamp ("2026-11-29T16:04:11Z"), or the cursor of an event or page that since() returned.`,
      [{ path: ["since"], message: "not an event cursor or timestamp" }],
    );
  }

  /** A tracker rule is broken; the message is the whole explanation. */
  static rule(message: string, request?: RequestInfo): ValidationError {
    return new ValidationError(`${message}${where(request)}.`, [], { request });
  }

  /** The tracker refused the input (Zou's 400). */
  static http(request: RequestInfo, message: string, issues: readonly ValidationIssue[] = []): ValidationError {
    const text = message.replace(/\.+$/, "");
    return new ValidationError(`The tracker refused the request${where(request)}: ${text}.`, issues, { request });
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

  /** A JSON read (`raw.get()`) of a route whose answer is a file. */
  static fileAnswer(contentType: string, request?: RequestInfo): ServerError {
    return new ServerError(
      `The tracker answered${where(request)} with a file (${contentType}), not JSON. Read a route that answers a file with raw.stream(path).`,
      { request },
    );
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
 * What a forced removal that deletes what the record holds one by one (Kitsu: a sequence's shots,
 * an episode's sequences) had removed when a later step failed.
 */
export interface RemoveWritten {
  readonly operation: "remove";
  /** The kind of the record being removed (`sequence`, `episode`). */
  readonly kind: string;
  /** Human-readable list of what is gone from the tracker. */
  readonly steps: readonly string[];
  /** The records removed before the failure, in removal order; the record itself is not among them. */
  readonly ids: { readonly removed: readonly Id[] };
}

/**
 * What a multi-step write had written when a later step failed, told apart by `operation`, so that
 * `error.written.ids` is typed once narrowed: `if (error.written.operation === "publish") ...`.
 */
export type WrittenSoFar = PublishWritten | BulkWritten | RemoveWritten;

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

  /** A forced removal stopped after removing some of what the record held; the record is still there. */
  static remove(
    kind: string,
    id: Id,
    removed: readonly { kind: string; id: Id; name: string }[],
    failedStep: string,
    cause: unknown,
  ): PartialWriteError<RemoveWritten> {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const steps = removed.map((r) => `${r.kind} ${r.id} (${r.name}) removed`);
    return new PartialWriteError<RemoveWritten>(
      `Removing ${kind} ${id} stopped at "${failedStep}": ${reason}. The ${kind} is still there; already removed: ${steps.join("; ") || "nothing"} (ids in error.written.ids.removed). Remove it again with force to finish.`,
      failedStep,
      { operation: "remove", kind, steps, ids: { removed: removed.map((r) => r.id) } },
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
