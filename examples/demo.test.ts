import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

test("the demo narrates the studio workflow on the mock tracker and exits 0", () => {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("TRACKER_")) delete env[key];
  const run = spawnSync(process.execPath, [tsx, "--conditions=@gadget/source", "examples/demo.ts"], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  for (const heading of [
    "Sequences and shots",
    "Task status per task type",
    "Publishing an animation preview",
    "Casting of",
    "Review playlist",
    "Events received",
  ]) {
    expect(run.stdout).toContain(heading);
  }
  expect(run.stdout).toMatch(/Animation\s+wip\s+wfa\s+\d+\s+true/);
  expect(run.stdout).toContain("task:status-changed");
});
