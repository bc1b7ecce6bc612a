import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTrackerConfig } from "../src/config/env.js";
import type { TrackerConfig } from "../src/config/tracker-config.js";
import { ConfigError } from "../src/errors.js";

const SECRET_TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJl";
const SECRET_PASSWORD = "hunter2-very-secret";

/** The config with its secrets as plain fields: they are hidden from JSON and inspect, but still read. */
const revealed = (config: TrackerConfig): Record<string, unknown> => {
  const { password, token } = config as { password?: string; token?: string };
  return { ...config, ...(password === undefined ? {} : { password }), ...(token === undefined ? {} : { token }) };
};

const fromEnv = (env: Record<string, string | undefined>) => revealed(readTrackerConfig({ env, envFile: false }));

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError, nothing was thrown");
}

describe("readTrackerConfig: kitsu", () => {
  it("JSON.stringify and util.inspect of the config never show the password or the token", () => {
    const env = { TRACKER_URL: "https://kitsu.example.com", TRACKER_LOGIN: "td@example.com" };
    const user = readTrackerConfig({ env: { ...env, TRACKER_PASSWORD: SECRET_PASSWORD }, envFile: false });
    const bot = readTrackerConfig({
      env: { TRACKER_URL: env.TRACKER_URL, TRACKER_TOKEN: SECRET_TOKEN },
      envFile: false,
    });
    for (const config of [user, bot]) {
      const printed = `${JSON.stringify(config)} ${inspect(config, { depth: Number.POSITIVE_INFINITY, showHidden: true })}`;
      expect(printed).not.toContain(SECRET_PASSWORD);
      expect(printed).not.toContain(SECRET_TOKEN);
    }
    expect((user as { password?: string }).password).toBe(SECRET_PASSWORD);
    expect((bot as { token?: string }).token).toBe(SECRET_TOKEN);
  });

  it("reads every kitsu variable", () => {
    expect(
      fromEnv({
        TRACKER_TYPE: "kitsu",
        TRACKER_URL: "https://kitsu.example.com/api",
        TRACKER_LOGIN: "td@example.com",
        TRACKER_PASSWORD: SECRET_PASSWORD,
        TRACKER_PROJECT: "Bunny Escape",
        TRACKER_EVENTS_URL: "https://events.example.com",
      }),
    ).toEqual({
      type: "kitsu",
      url: "https://kitsu.example.com/api",
      login: "td@example.com",
      password: SECRET_PASSWORD,
      project: "Bunny Escape",
      eventsUrl: "https://events.example.com",
    });
  });

  it("defaults TRACKER_TYPE to kitsu when TRACKER_URL is set", () => {
    expect(fromEnv({ TRACKER_URL: "http://127.0.0.1:8080/api", TRACKER_TOKEN: SECRET_TOKEN })).toEqual({
      type: "kitsu",
      url: "http://127.0.0.1:8080/api",
      token: SECRET_TOKEN,
    });
  });

  it.each([
    ["https://kitsu.example.com", "https://kitsu.example.com/api"],
    ["https://kitsu.example.com/", "https://kitsu.example.com/api"],
    ["https://kitsu.example.com/api/", "https://kitsu.example.com/api"],
    ["https://example.com/kitsu", "https://example.com/kitsu/api"],
    ["http://127.0.0.1:5000/api", "http://127.0.0.1:5000/api"],
  ])("appends /api to %s when missing", (url, expected) => {
    expect(fromEnv({ TRACKER_URL: url, TRACKER_TOKEN: "t" })).toMatchObject({ url: expected });
  });

  it("accepts TRACKER_TYPE in any case", () => {
    expect(fromEnv({ TRACKER_TYPE: "Kitsu", TRACKER_URL: "https://k.example.com", TRACKER_TOKEN: "t" }).type).toBe(
      "kitsu",
    );
  });

  it.each([
    ["not a url", "not an absolute URL"],
    ["ftp://kitsu.example.com/api", '"ftp:" URLs are not supported'],
    ["https://kitsu.example.com/api?x=1", "query string"],
  ])("rejects TRACKER_URL=%s naming the variable", (url, problem) => {
    const error = configError(() => fromEnv({ TRACKER_URL: url, TRACKER_TOKEN: "t" }));
    expect(error.variable).toBe("TRACKER_URL");
    expect(error.message).toContain(problem);
    expect(error.message).toContain("https://kitsu.example.com/api");
  });

  it("never echoes credentials embedded in TRACKER_URL", () => {
    const error = configError(() =>
      fromEnv({ TRACKER_URL: `https://td:${SECRET_PASSWORD}@kitsu.example.com`, TRACKER_TOKEN: "t" }),
    );
    expect(error.variable).toBe("TRACKER_URL");
    expect(error.message).not.toContain(SECRET_PASSWORD);
  });

  it("requires TRACKER_URL when TRACKER_TYPE is kitsu", () => {
    const error = configError(() => fromEnv({ TRACKER_TYPE: "kitsu", TRACKER_TOKEN: "t" }));
    expect(error.variable).toBe("TRACKER_URL");
    expect(error.message).toMatch(/TRACKER_URL is not set/);
  });

  it("names TRACKER_PASSWORD when only the login is given", () => {
    const error = configError(() => fromEnv({ TRACKER_URL: "https://k.example.com", TRACKER_LOGIN: "td@example.com" }));
    expect(error.variable).toBe("TRACKER_PASSWORD");
    expect(error.message).toContain("TRACKER_PASSWORD is not set");
  });

  it("names TRACKER_LOGIN when only the password is given, without echoing it", () => {
    const error = configError(() =>
      fromEnv({ TRACKER_URL: "https://k.example.com", TRACKER_PASSWORD: SECRET_PASSWORD }),
    );
    expect(error.variable).toBe("TRACKER_LOGIN");
    expect(error.message).not.toContain(SECRET_PASSWORD);
  });

  it("asks for credentials when there are none", () => {
    const error = configError(() => fromEnv({ TRACKER_URL: "https://k.example.com" }));
    expect(error.variable).toBe("TRACKER_LOGIN");
    expect(error.message).toContain("TRACKER_TOKEN");
  });

  it("refuses a token together with a login and never shows either secret", () => {
    const error = configError(() =>
      fromEnv({
        TRACKER_URL: "https://k.example.com",
        TRACKER_LOGIN: "td@example.com",
        TRACKER_PASSWORD: SECRET_PASSWORD,
        TRACKER_TOKEN: SECRET_TOKEN,
      }),
    );
    expect(error.variable).toBe("TRACKER_TOKEN");
    expect(error.message).toContain("only one way to log in");
    expect(error.message).not.toContain(SECRET_TOKEN);
    expect(error.message).not.toContain(SECRET_PASSWORD);
  });

  it("treats blank variables as unset", () => {
    expect(
      fromEnv({
        TRACKER_URL: "https://k.example.com",
        TRACKER_TOKEN: SECRET_TOKEN,
        TRACKER_LOGIN: " ",
        TRACKER_PROJECT: "",
      }),
    ).toEqual({ type: "kitsu", url: "https://k.example.com/api", token: SECRET_TOKEN });
  });

  it.each(["wss://events.example.com", "http://127.0.0.1:5001"])("accepts TRACKER_EVENTS_URL=%s", (eventsUrl) => {
    const config = fromEnv({ TRACKER_URL: "https://k.example.com", TRACKER_TOKEN: "t", TRACKER_EVENTS_URL: eventsUrl });
    expect(config).toMatchObject({ eventsUrl });
  });

  it("rejects a malformed TRACKER_EVENTS_URL naming it", () => {
    const error = configError(() =>
      fromEnv({ TRACKER_URL: "https://k.example.com", TRACKER_TOKEN: "t", TRACKER_EVENTS_URL: "events:5001" }),
    );
    expect(error.variable).toBe("TRACKER_EVENTS_URL");
  });
});

describe("readTrackerConfig: type", () => {
  it("names TRACKER_TYPE and TRACKER_URL when neither is set", () => {
    const error = configError(() => fromEnv({}));
    expect(error.variable).toBe("TRACKER_TYPE");
    expect(error.message).toContain("TRACKER_URL");
    expect(error.message).toContain("TRACKER_TYPE=mock");
  });

  it("lists the known types for an unknown TRACKER_TYPE", () => {
    const error = configError(() => fromEnv({ TRACKER_TYPE: "shotgrid" }));
    expect(error.variable).toBe("TRACKER_TYPE");
    expect(error.message).toContain('"shotgrid"');
    expect(error.message).toContain("kitsu, mock");
  });
});

describe("readTrackerConfig: mock", () => {
  it("reads the demo seed and the project, ignoring kitsu credentials", () => {
    expect(
      fromEnv({ TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: "Bunny", TRACKER_TOKEN: "t" }),
    ).toEqual({ type: "mock", seed: "demo", project: "Bunny" });
  });

  it("starts an empty studio without a seed", () => {
    expect(fromEnv({ TRACKER_TYPE: "mock" })).toEqual({ type: "mock" });
  });
});

describe("readTrackerConfig: files", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "gadget-config-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("resolves a TRACKER_MOCK_SEED path against cwd", () => {
    writeFileSync(join(dir, "studio.json"), "{}");
    const config = readTrackerConfig({
      env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "studio.json" },
      envFile: false,
      cwd: dir,
    });
    expect(config).toEqual({ type: "mock", seed: join(dir, "studio.json") });
  });

  it("names TRACKER_MOCK_SEED when the snapshot does not exist", () => {
    const error = configError(() =>
      readTrackerConfig({ env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "missing.json" }, envFile: false, cwd: dir }),
    );
    expect(error.variable).toBe("TRACKER_MOCK_SEED");
    expect(error.message).toContain(join(dir, "missing.json"));
  });

  it("reads .env in cwd without overriding variables already set", () => {
    writeFileSync(
      join(dir, ".env"),
      "TRACKER_TYPE=kitsu\nTRACKER_URL=https://from-file.example.com\nTRACKER_TOKEN=file-token\nTRACKER_PROJECT=FromFile\n",
    );
    const env = { TRACKER_URL: "https://from-env.example.com", TRACKER_PROJECT: "FromEnv" };
    const config = revealed(readTrackerConfig({ env, cwd: dir }));
    expect(config).toEqual({
      type: "kitsu",
      url: "https://from-env.example.com/api",
      token: "file-token",
      project: "FromEnv",
    });
    expect(env).toEqual({ TRACKER_URL: "https://from-env.example.com", TRACKER_PROJECT: "FromEnv" });
  });

  it("never writes the .env values into process.env", () => {
    writeFileSync(join(dir, ".env"), "TRACKER_GADGET_TEST_ONLY=1\nTRACKER_TYPE=mock\n");
    expect(readTrackerConfig({ env: {}, cwd: dir })).toEqual({ type: "mock" });
    expect(process.env.TRACKER_GADGET_TEST_ONLY).toBeUndefined();
  });

  it("ignores .env with envFile: false", () => {
    writeFileSync(join(dir, ".env"), "TRACKER_TYPE=mock\n");
    const error = configError(() => readTrackerConfig({ env: {}, cwd: dir, envFile: false }));
    expect(error.variable).toBe("TRACKER_TYPE");
  });

  it("reads the env file given as a path relative to cwd", () => {
    writeFileSync(join(dir, "studio.env"), "TRACKER_TYPE=mock\nTRACKER_MOCK_SEED=demo\n");
    expect(readTrackerConfig({ env: {}, cwd: dir, envFile: "studio.env" })).toEqual({ type: "mock", seed: "demo" });
  });

  it("fails on a named env file that does not exist", () => {
    const error = configError(() => readTrackerConfig({ env: {}, cwd: dir, envFile: "nope.env" }));
    expect(error.message).toContain(join(dir, "nope.env"));
    expect(error.message).toContain("envFile: false");
  });

  it("is fine without a .env in cwd", () => {
    expect(readTrackerConfig({ env: { TRACKER_TYPE: "mock" }, cwd: dir })).toEqual({ type: "mock" });
  });

  it("never shows a token read from .env in an error", () => {
    writeFileSync(join(dir, ".env"), `TRACKER_TOKEN=${SECRET_TOKEN}\nTRACKER_LOGIN=td@example.com\n`);
    const error = configError(() => readTrackerConfig({ env: { TRACKER_URL: "https://k.example.com" }, cwd: dir }));
    expect(error.message).not.toContain(SECRET_TOKEN);
    expect(error.message).not.toContain("c2VjcmV0");
  });
});
