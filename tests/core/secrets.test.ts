import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { demoTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

/*
 * No password or token in anything a session prints: a child process opens a session on the
 * Kitsu-compatible server (a password login, then a token refresh; or a bot token), and prints
 * every public object with console.log, util.inspect at any depth and JSON.stringify.
 */

const PASSWORD = "s3cret-password-for-the-secrets-test";
const script = fileURLToPath(new URL("./secrets/print-session.ts", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));
/** Zou's tokens are JWTs: a header and a payload in base64url, each starting with `eyJ` (`{"`). */
const jwt = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+/;

let server: KitsuServer;

beforeAll(async () => {
  server = await startKitsuServer({
    tracker: demoTracker(),
    admin: { email: "admin@example.com", password: PASSWORD },
  });
});
afterAll(async () => {
  await server?.close();
});

/** Runs the printing script; `onReady` runs when the session is open, before its objects are printed. */
async function printSession(env: Record<string, string>, onReady: () => void): Promise<string> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ["--conditions=@gadget/source", "--import", "tsx", script],
    { cwd: root, env: { PATH: process.env.PATH ?? "", ...env, TRACKER_PROJECT: "Bunny Escape" } },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith("ready\n") && !child.stdin.writableEnded) {
      onReady();
      child.stdin.end("go\n");
    }
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(code, err).toBe(0);
  return `${out}\n${err}`;
}

describe("secrets never printed", () => {
  test("a password session, after a login and a token refresh: console.log, util.inspect, JSON.stringify", async () => {
    const refreshesBefore = server.stats.of("GET /auth/refresh-token");
    const printed = await printSession(
      { TRACKER_URL: server.url, TRACKER_LOGIN: "admin@example.com", TRACKER_PASSWORD: PASSWORD },
      () => server.tokens.expireAll(),
    );
    expect(server.stats.of("GET /auth/refresh-token")).toBeGreaterThan(refreshesBefore);
    for (const name of ["config", "tracker", "project", "adapter", "session", "client", "auth", "stream", "refused"]) {
      expect(printed).toContain(`--- ${name}`);
    }
    expect(printed).toContain("admin@example.com");
    expect(printed).not.toContain(PASSWORD);
    expect(printed).not.toContain("wrong password");
    expect(printed).not.toMatch(jwt);
    expect(printed).not.toContain("JSON.stringify threw");
  }, 60_000);

  test("a bot token session: the token is never printed", async () => {
    const bot = await server.users.createBot("secrets-bot", "admin");
    const printed = await printSession({ TRACKER_URL: server.url, TRACKER_TOKEN: bot.token }, () => undefined);
    expect(printed).toContain("--- auth");
    expect(printed).not.toContain(bot.token);
    expect(printed).not.toMatch(jwt);
  }, 60_000);
});
