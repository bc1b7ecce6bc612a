import { z } from "zod";
import { sessionTokensSchema } from "./auth-options.js";

/*
 * A validated tracker configuration, what `TRACKER_*` variables (or code) describe. Adapters
 * receive it from core's registry; core reads it from the environment in ./env.ts.
 */

/** The configuration of the in-memory mock tracker (`TRACKER_TYPE=mock`). */
export const mockConfigSchema = z.object({
  type: z.literal("mock"),
  /**
   * `demo`, `bare` (an empty store), the path of a studio snapshot (JSON), or absent for what a
   * fresh Kitsu holds (its init-data task types, statuses, departments, asset types and admin).
   */
  seed: z.string().min(1).optional(),
  project: z.string().min(1).optional(),
});
/** A validated mock tracker configuration. */
export type MockConfig = z.infer<typeof mockConfigSchema>;

/** The configuration of a Kitsu session: API URL and a login or a bot token. */
export const kitsuConfigSchema = z.object({
  type: z.literal("kitsu"),
  /** API base URL, ending in `/api` (appended when missing). */
  url: z.string().url(),
  login: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  token: z.string().min(1).optional(),
  /** A second-factor code for the login (`TRACKER_OTP`); see AuthOptions.otp. */
  otp: z.string().min(1).optional(),
  /** Tokens of an earlier session to resume it; see AuthOptions.tokens. */
  tokens: sessionTokensSchema.optional(),
  project: z.string().min(1).optional(),
  /** Event stream origin when it is not the API's origin. */
  eventsUrl: z.string().url().optional(),
});
/** A validated Kitsu configuration. */
export type KitsuConfig = z.infer<typeof kitsuConfigSchema>;

/** Any tracker configuration, told apart by `type`. */
export const trackerConfigSchema = z.discriminatedUnion("type", [mockConfigSchema, kitsuConfigSchema]);
/** A validated tracker configuration, what `Tracker.fromEnv()` reads from `TRACKER_*`. */
export type TrackerConfig = z.infer<typeof trackerConfigSchema>;
/** The tracker types core knows: `kitsu`, `mock`. */
export type TrackerType = TrackerConfig["type"];
