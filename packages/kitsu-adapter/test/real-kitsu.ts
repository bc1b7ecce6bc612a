import { kitsuConfigSchema } from "@gadget/core/adapter";

/* The real Kitsu the TRACKER_* variables describe, for the tests that also run against one. */

const env = process.env;

/** TRACKER_URL and its credentials, parsed as a Kitsu config (`success: false` when unset or malformed). */
export const real = kitsuConfigSchema.safeParse({
  type: "kitsu",
  url: env.TRACKER_URL,
  login: env.TRACKER_LOGIN,
  password: env.TRACKER_PASSWORD,
  token: env.TRACKER_TOKEN,
});

/** Whether a login/password or a bot token is set. */
export const hasCredentials = Boolean(env.TRACKER_TOKEN || (env.TRACKER_LOGIN && env.TRACKER_PASSWORD));
