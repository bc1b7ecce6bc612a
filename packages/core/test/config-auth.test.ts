import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { readTrackerConfig } from "../src/config/env.js";
import { hideSecrets } from "../src/config/secrets.js";
import type { KitsuConfig } from "../src/config/tracker-config.js";
import { ConfigError } from "../src/errors.js";

/* The auth parts of the config: TRACKER_OTP, saved tokens, and that none of them is ever printed. */

const URL = "https://kitsu.example.com/api";
const TOKENS = { access: "access.secret.jwt", refresh: "refresh.secret.jwt" };
const user = { TRACKER_URL: URL, TRACKER_LOGIN: "ana@example.com", TRACKER_PASSWORD: "pw-secret" };

const kitsuConfig = (env: Record<string, string>, options: Parameters<typeof readTrackerConfig>[0] = {}) =>
  readTrackerConfig({ env, envFile: false, ...options }) as KitsuConfig;

/** The message of the ConfigError `run` throws. */
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return "nothing was thrown";
};

describe("TRACKER_OTP and the otp option", () => {
  it("TRACKER_OTP is the config's otp; the option wins over it", () => {
    expect(kitsuConfig({ ...user, TRACKER_OTP: " 492039 " }).otp).toBe("492039");
    expect(kitsuConfig({ ...user, TRACKER_OTP: "492039" }, { otp: "111222" }).otp).toBe("111222");
  });

  it("an otp that is not a string is refused without echoing it", () => {
    const message = refusal(() => kitsuConfig(user, { otp: 492039 as unknown as string }));
    expect(message).toContain("The fromEnv() option otp is a number");
    expect(message).not.toContain("492039");
  });
});

describe("the tokens option", () => {
  it("opens a session without TRACKER_LOGIN or TRACKER_PASSWORD", () => {
    const config = kitsuConfig({ TRACKER_URL: URL }, { tokens: TOKENS });
    expect(config.tokens).toEqual(TOKENS);
    expect(config.login).toBeUndefined();
  });

  it("keeps the login and password as the fallback when given", () => {
    const config = kitsuConfig(user, { tokens: TOKENS });
    expect(config.login).toBe("ana@example.com");
    expect(config.password).toBe("pw-secret");
  });

  it("is refused with a bot token, and when malformed, without echoing it", () => {
    expect(refusal(() => kitsuConfig({ TRACKER_URL: URL, TRACKER_TOKEN: "bot" }, { tokens: TOKENS }))).toContain(
      "TRACKER_TOKEN",
    );
    const message = refusal(() => kitsuConfig({ TRACKER_URL: URL }, { tokens: { access: "" } }));
    expect(message).toContain("The fromEnv() option tokens is an object");
  });

  it("onOtp and onTokens must be functions", () => {
    expect(refusal(() => kitsuConfig(user, { onOtp: "123456" as never }))).toContain("onOtp");
    expect(refusal(() => kitsuConfig(user, { onTokens: {} as never }))).toContain("onTokens");
  });
});

describe("secrets", () => {
  it("otp and tokens are read but never printed", () => {
    const config = kitsuConfig({ ...user, TRACKER_OTP: "492039" }, { tokens: TOKENS });
    for (const printed of [JSON.stringify(config), inspect(config, { depth: 5, showHidden: true })]) {
      expect(printed).not.toContain("492039");
      expect(printed).not.toContain(TOKENS.access);
      expect(printed).not.toContain("pw-secret");
    }
    expect(config.otp).toBe("492039");
  });

  it("a config hidden twice still reads its secrets (the Tracker hides what fromEnv hid: a bot's token was lost)", () => {
    const once = kitsuConfig({ TRACKER_URL: URL, TRACKER_TOKEN: "bot-token-secret" });
    const twice = hideSecrets(hideSecrets(once));
    expect(twice.type === "kitsu" && twice.token).toBe("bot-token-secret");
    expect(JSON.stringify(twice)).not.toContain("bot-token-secret");
  });
});
