import { type KitsuConfig, kitsuConfigSchema } from "@gadget/core/adapter";

/*
 * The real Kitsu a test may also run against: TRACKER_URL with a login/password or a bot token in the
 * environment. Without them, the tests that need it are reported as skipped; CI never depends on it.
 */

/** The real Kitsu's configuration from the environment, or undefined when it is not set. */
export function realKitsu(env: NodeJS.ProcessEnv = process.env): KitsuConfig | undefined {
  const parsed = kitsuConfigSchema.safeParse({
    type: "kitsu",
    url: env.TRACKER_URL,
    login: env.TRACKER_LOGIN,
    password: env.TRACKER_PASSWORD,
    token: env.TRACKER_TOKEN,
  });
  const hasCredentials = Boolean(env.TRACKER_TOKEN || (env.TRACKER_LOGIN && env.TRACKER_PASSWORD));
  return parsed.success && hasCredentials ? parsed.data : undefined;
}
