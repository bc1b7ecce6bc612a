import { kitsuConfigSchema } from "@gadget/core/adapter";
import { runAdapterCompliance } from "@gadget/core/testing";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, describe } from "vitest";
import { createAdapter } from "../src/index.js";

/*
 * The compliance suite against the Kitsu-compatible test server (always), and against a real
 * Kitsu when TRACKER_URL and credentials are set (reported as skipped otherwise).
 */

let server: KitsuServer | undefined;
afterAll(async () => {
  await server?.close();
});

runAdapterCompliance("kitsu (test server)", async () => {
  server = await startKitsuServer();
  return createAdapter({ type: "kitsu", url: server.url, login: "admin@example.com", password: "mysecretpassword" });
});

const env = process.env;
const real = kitsuConfigSchema.safeParse({
  type: "kitsu",
  url: env.TRACKER_URL,
  login: env.TRACKER_LOGIN,
  password: env.TRACKER_PASSWORD,
  token: env.TRACKER_TOKEN,
});
const hasCredentials = Boolean(env.TRACKER_TOKEN || (env.TRACKER_LOGIN && env.TRACKER_PASSWORD));

describe.skipIf(!real.success || !hasCredentials)("real Kitsu (TRACKER_URL)", () => {
  if (real.success && hasCredentials) {
    runAdapterCompliance("kitsu (real server)", () => createAdapter(real.data), { timeoutMs: 60_000 });
  }
});
