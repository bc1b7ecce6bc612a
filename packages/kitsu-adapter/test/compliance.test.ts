import { runAdapterCompliance } from "@gadget/core/testing";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, describe } from "vitest";
import { createAdapter } from "../src/index.js";
import { realKitsu } from "./real-kitsu.js";

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

const real = realKitsu();
describe.skipIf(!real)("real Kitsu (TRACKER_URL)", () => {
  if (real) runAdapterCompliance("kitsu (real server)", () => createAdapter(real), { timeoutMs: 60_000 });
});
