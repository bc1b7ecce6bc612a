import { expect, test } from "vitest";
import { gadget } from "./run-gadget.js";

const commands = ["whoami", "projects", "shots", "tasks", "publish", "watch", "raw"];

test("gadget --help lists every command and the TRACKER_* variables", async () => {
  const run = await gadget(["--help"]);
  expect(run.status).toBe(0);
  for (const command of commands) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  expect(run.stdout).toContain("TRACKER_URL");
  expect(run.stdout).toContain(".env");
});

test.each(commands)("gadget %s --help shows its usage and exits 0", async (command) => {
  const run = await gadget([command, "--help"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(new RegExp(`^Usage: gadget ${command} `));
  if (command !== "watch") expect(run.stdout).toContain("--json");
});

test("gadget --help into a pipe closed early (gadget … | head) exits 0 without an EPIPE stack trace", async () => {
  const run = await gadget(["--help"], { closeStdout: true });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
});

test("no TRACKER_* at all is a ConfigError saying what to set, exit 1", async () => {
  const run = await gadget(["projects"]);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^gadget: .*TRACKER_URL.*\[CONFIG\]\n$/);
});
