import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "dotenv";
import type { AdapterModule } from "../adapter/factory.js";
import type { RequestLogger } from "../adapter/request-log.js";
import { ConfigError } from "../errors.js";
import { hasControlCharacter } from "../schema/common.js";
import { type AuthOptions, authOptionKeys, checkAuthOptions } from "./auth-options.js";
import { readCacheTtlVariable } from "./cache-ttl-env.js";
import { readDebug, stderrLogger } from "./debug.js";
import { knownTrackerTypes } from "./registry.js";
import { hideSecrets } from "./secrets.js";
import type { SessionOptions } from "./session-options.js";
import { type TrackerConfig, type TrackerType, trackerConfigSchema } from "./tracker-config.js";

/*
 * TRACKER_* variables → a validated TrackerConfig. Reads only what it is given (or process.env) and
 * never writes process.env, so two sessions to two trackers can live side by side.
 */

/** Options of `Tracker.fromEnv()`, `Project.fromEnv()` and `readTrackerConfig()`. */
export interface FromEnvOptions extends SessionOptions, AuthOptions {
  /**
   * The variables to read instead of `process.env` (tests, several trackers in one process).
   *
   * @default process.env
   * @example
   * env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: "Bunny Escape" }
   */
  env?: Record<string, string | undefined>;
  /**
   * The `.env` file to read as well: `true` reads `.env` in `cwd` when it exists, a string is a path
   * (relative to `cwd`) that must exist, `false` reads none. Variables already set in `env` win.
   *
   * @default true
   * @example
   * envFile: "config/studio.env"
   */
  envFile?: boolean | string;
  /**
   * Directory that `.env` and a relative `TRACKER_MOCK_SEED` path are resolved against.
   *
   * @default process.cwd()
   * @example
   * cwd: "/studio/tools/publisher"
   */
  cwd?: string;
  /**
   * Adapter modules to use instead of importing the adapter packages (tests, bundled tools).
   * Not read here: `Tracker.fromEnv` hands it to the registry.
   *
   * @default undefined (packages are imported by name)
   * @example
   * modules: { mock: await import("@gadget/mock-tracker") }
   */
  modules?: Partial<Record<TrackerType, AdapterModule>>;
  /**
   * Receives one line per request the session makes: method, route template, status, milliseconds,
   * attempt and sizes, plus retries with their reason and wait, token refreshes and event-stream
   * (re)connections. No line ever holds a password or token. Given here, it receives every line and
   * `GADGET_DEBUG`/`DEBUG` are not consulted; see the README's "Request logging".
   *
   * @default a stderr logger when `GADGET_DEBUG=1` or `DEBUG` matches a `gadget:` namespace
   * (`DEBUG=gadget*`, `DEBUG=gadget:kitsu`), else none
   * @example
   * logger: { debug: (line) => process.stderr.write(`${line}\n`) }
   * @example
   * logger: { debug: (line, fields) => fields.type === "request" && fields.ms > 1_000 && console.warn(line) }
   */
  logger?: RequestLogger;
}

/** What a session reads from its environment: the tracker to connect to and the request logger. */
export interface EnvSettings {
  config: TrackerConfig;
  /** `options.logger`, or the stderr logger `GADGET_DEBUG`/`DEBUG` turn on; undefined logs nothing. */
  logger?: RequestLogger;
  /** `options.cacheTtl`, or `TRACKER_CACHE_TTL` in seconds; undefined: the session's default. */
  cacheTtl?: number;
}

type Vars = Record<string, string | undefined>;

const URL_FIX = "Set it to your Kitsu API URL, e.g. TRACKER_URL=https://kitsu.example.com/api";

/** The environment to read: `env` (or process.env) completed by the `.env` file, which never overrides. */
function gatherVariables(options: FromEnvOptions, cwd: string): Vars {
  const base: Vars = options.env ?? process.env;
  const envFile = options.envFile ?? true;
  if (envFile === false) return { ...base };
  const file = resolve(cwd, envFile === true ? ".env" : envFile);
  if (envFile === true && !existsSync(file)) return { ...base };
  let parsed: Record<string, string>;
  try {
    parsed = parse(readFileSync(file));
  } catch (error) {
    const problem = (error as { code?: unknown }).code === "ENOENT" ? "the file does not exist" : String(error);
    throw ConfigError.envFile(file, problem, error);
  }
  const merged: Vars = { ...base };
  for (const [key, value] of Object.entries(parsed)) if (merged[key] === undefined) merged[key] = value;
  return merged;
}

/** A variable's value, or undefined when it is unset or blank (an empty `TRACKER_TOKEN=` line means "not set"). */
function read(vars: Vars, name: string): string | undefined {
  const value = vars[name]?.trim();
  // Never echoed: the value may be a secret.
  if (value && hasControlCharacter(value)) {
    throw ConfigError.invalidVariable(
      name,
      "it holds a control character (a line break, a tab, a NUL byte)",
      `Remove it from ${name} (a value pasted with its line break, or a quoting mistake in .env)`,
    );
  }
  return value ? value : undefined;
}

const optionKeys = ["env", "envFile", "cwd", "modules", "logger", "cacheTtl", ...authOptionKeys] as const;

/** The options of `fromEnv()`, checked: plain JavaScript callers pass strings and misspelled keys. */
function checkOptions(options: unknown): FromEnvOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw ConfigError.invalidOption("options", options, "an object such as { envFile: false }");
  }
  const unknown = Object.keys(options).filter((key) => !(optionKeys as readonly string[]).includes(key));
  if (unknown.length > 0) throw ConfigError.unknownOptions(unknown, optionKeys);
  const { env, envFile, cwd, modules, logger } = options as Record<string, unknown>;
  if (env !== undefined) {
    if (typeof env !== "object" || env === null || Array.isArray(env)) {
      throw ConfigError.invalidOption("env", env, 'an object of variables such as { TRACKER_TYPE: "mock" }');
    }
    for (const [key, value] of Object.entries(env)) {
      if (key.startsWith("TRACKER_") && value !== undefined && typeof value !== "string") {
        throw ConfigError.invalidOption(`env.${key}`, value, "a string");
      }
    }
  }
  if (envFile !== undefined && typeof envFile !== "boolean" && typeof envFile !== "string") {
    throw ConfigError.invalidOption("envFile", envFile, "true, false or the path of a .env file");
  }
  if (cwd !== undefined && typeof cwd !== "string") throw ConfigError.invalidOption("cwd", cwd, "a directory path");
  if (
    logger !== undefined &&
    (typeof logger !== "object" || logger === null || typeof (logger as { debug?: unknown }).debug !== "function")
  ) {
    throw ConfigError.invalidOption(
      "logger",
      logger,
      "an object with a debug(line, fields) method, such as { debug: (line) => console.error(line) }",
    );
  }
  if (modules !== undefined && (typeof modules !== "object" || modules === null)) {
    throw ConfigError.invalidOption(
      "modules",
      modules,
      'an object such as { mock: await import("@gadget/mock-tracker") }',
    );
  }
  checkAuthOptions(options as Record<string, unknown>);
  return options as FromEnvOptions;
}

function readType(vars: Vars): TrackerType {
  const raw = read(vars, "TRACKER_TYPE");
  if (raw === undefined) {
    if (read(vars, "TRACKER_URL") !== undefined) return "kitsu";
    throw ConfigError.missingVariable(
      "TRACKER_TYPE",
      "Neither TRACKER_TYPE nor TRACKER_URL is set, so there is no tracker to connect to. Set TRACKER_URL to your Kitsu API (with TRACKER_LOGIN and TRACKER_PASSWORD, or TRACKER_TOKEN), or set TRACKER_TYPE=mock (and TRACKER_MOCK_SEED=demo) for the in-memory tracker.",
    );
  }
  const type = knownTrackerTypes.find((known) => known === raw.toLowerCase());
  if (type === undefined) throw ConfigError.unknownTrackerType(raw, knownTrackerTypes);
  return type;
}

/** Parses an absolute URL with one of `protocols`; never echoes credentials that may be embedded in it. */
function readUrl(variable: string, value: string, protocols: readonly string[], fix: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw ConfigError.invalidVariable(variable, "it is not an absolute URL", fix);
  }
  if (url.username || url.password) {
    throw ConfigError.invalidVariable(
      variable,
      "it carries credentials (user:password@)",
      "Remove them from the URL and set TRACKER_LOGIN and TRACKER_PASSWORD, or TRACKER_TOKEN",
    );
  }
  if (!protocols.includes(url.protocol)) {
    throw ConfigError.invalidVariable(variable, `"${url.protocol}" URLs are not supported`, fix);
  }
  if (url.search || url.hash) {
    throw ConfigError.invalidVariable(variable, "it has a query string or fragment", fix);
  }
  return url;
}

/** The Kitsu API base: the URL without trailing slashes, ending in `/api`. */
function apiUrl(value: string): string {
  const url = readUrl("TRACKER_URL", value, ["http:", "https:"], URL_FIX);
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.origin}${path.endsWith("/api") ? path : `${path}/api`}`;
}

function readCredentials(vars: Vars, resuming: boolean): { login?: string; password?: string; token?: string } {
  const login = read(vars, "TRACKER_LOGIN");
  const password = read(vars, "TRACKER_PASSWORD");
  const token = read(vars, "TRACKER_TOKEN");
  if (resuming && token !== undefined) {
    throw ConfigError.invalidVariable(
      "TRACKER_TOKEN",
      "it is set together with the `tokens` option, which resumes a user session",
      "Unset TRACKER_TOKEN to resume the user session, or drop the `tokens` option to use the bot token",
    );
  }
  // Saved tokens open the session alone; a login and password, when given too, are the fallback.
  if (resuming && login === undefined && password === undefined) return {};
  if (token !== undefined && (login !== undefined || password !== undefined)) {
    throw ConfigError.invalidVariable(
      "TRACKER_TOKEN",
      `it is set together with ${login === undefined ? "TRACKER_PASSWORD" : "TRACKER_LOGIN"}, and only one way to log in may be given`,
      "Unset TRACKER_TOKEN to log in as a user, or unset TRACKER_LOGIN and TRACKER_PASSWORD to use the bot token",
    );
  }
  if (token !== undefined) return { token };
  if (login !== undefined && password === undefined) {
    throw ConfigError.missingVariable(
      "TRACKER_PASSWORD",
      `TRACKER_LOGIN is set to "${login}" but has no password. Set TRACKER_PASSWORD, or use TRACKER_TOKEN instead.`,
    );
  }
  if (password !== undefined && login === undefined) {
    throw ConfigError.missingVariable(
      "TRACKER_LOGIN",
      "TRACKER_PASSWORD is set but not the login it belongs to. Set TRACKER_LOGIN (the user's email).",
    );
  }
  if (login === undefined || password === undefined) {
    throw ConfigError.missingVariable(
      "TRACKER_LOGIN",
      "Kitsu needs credentials: set TRACKER_LOGIN and TRACKER_PASSWORD (a user), or TRACKER_TOKEN (a bot token).",
    );
  }
  return { login, password };
}

function readSeed(vars: Vars, cwd: string): string | undefined {
  const seed = read(vars, "TRACKER_MOCK_SEED");
  if (seed === undefined || seed === "demo" || seed === "bare") return seed;
  const file = resolve(cwd, seed);
  if (!existsSync(file)) throw ConfigError.snapshot(file, "the file does not exist");
  return file;
}

/** Builds the config object before zod validates it. */
function collect(vars: Vars, cwd: string, auth: AuthOptions): Record<string, unknown> {
  const type = readType(vars);
  const project = read(vars, "TRACKER_PROJECT");
  if (type === "mock") return { type, seed: readSeed(vars, cwd), project };
  const url = read(vars, "TRACKER_URL");
  if (url === undefined) {
    throw ConfigError.missingVariable("TRACKER_URL", `TRACKER_TYPE is kitsu, which needs the API address. ${URL_FIX}.`);
  }
  const eventsUrl = read(vars, "TRACKER_EVENTS_URL");
  const events =
    eventsUrl === undefined
      ? undefined
      : readUrl(
          "TRACKER_EVENTS_URL",
          eventsUrl,
          ["http:", "https:", "ws:", "wss:"],
          "Set it to the event stream's origin, e.g. TRACKER_EVENTS_URL=https://kitsu.example.com, or unset it to use TRACKER_URL's",
        ).href.replace(/\/+$/, "");
  const credentials = readCredentials(vars, auth.tokens !== undefined);
  const otp = auth.otp ?? read(vars, "TRACKER_OTP");
  return { type, url: apiUrl(url), ...credentials, otp, tokens: auth.tokens, project, eventsUrl: events };
}

const variableOf: Record<string, string> = {
  type: "TRACKER_TYPE",
  url: "TRACKER_URL",
  login: "TRACKER_LOGIN",
  password: "TRACKER_PASSWORD",
  token: "TRACKER_TOKEN",
  project: "TRACKER_PROJECT",
  eventsUrl: "TRACKER_EVENTS_URL",
  otp: "TRACKER_OTP",
  tokens: "tokens",
  seed: "TRACKER_MOCK_SEED",
};

/**
 * Reads the `TRACKER_*` variables (and a `.env` file) into a validated config. Throws a ConfigError that
 * names the variable and the fix; no message ever contains a password or token.
 *
 * @example
 * const config = readTrackerConfig();                       // process.env + ./.env
 * @example
 * const config = readTrackerConfig({ env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo" }, envFile: false });
 */
export function readTrackerConfig(options: FromEnvOptions = {}): TrackerConfig {
  return readEnvSettings(options).config;
}

/**
 * Reads the `TRACKER_*` variables like readTrackerConfig, and the request-log switch: `GADGET_DEBUG=1`
 * or `DEBUG=gadget*` (the `debug` package's convention, e.g. `DEBUG=gadget:kitsu`) turn on a logger
 * that writes the lines of those namespaces to stderr. `options.logger` wins over both.
 *
 * @example
 * const { config, logger } = readEnvSettings({ env: { TRACKER_TYPE: "mock", GADGET_DEBUG: "1" } });
 */
export function readEnvSettings(given: FromEnvOptions = {}): EnvSettings {
  const options = checkOptions(given);
  const cwd = resolve(options.cwd ?? process.cwd());
  const vars = gatherVariables(options, cwd);
  const config = validate(collect(vars, cwd, options));
  const enabled = readDebug((name) => read(vars, name), config.type);
  const logger = options.logger ?? (enabled ? stderrLogger(enabled) : undefined);
  const cacheTtl = options.cacheTtl ?? readCacheTtlVariable(read(vars, "TRACKER_CACHE_TTL"));
  return { config, ...(logger ? { logger } : {}), ...(cacheTtl === undefined ? {} : { cacheTtl }) };
}

function validate(candidate: Record<string, unknown>): TrackerConfig {
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  const result = trackerConfigSchema.safeParse(candidate);
  if (result.success) return hideSecrets(result.data);
  const issue = result.error.issues[0];
  const key = typeof issue?.path[0] === "string" ? issue.path[0] : "type";
  // zod messages describe the shape only; they never include the value, so no secret leaks through them.
  throw ConfigError.invalidVariable(
    variableOf[key] ?? "TRACKER_TYPE",
    issue?.message ?? "it does not validate",
    "See the Config section of the README",
  );
}
