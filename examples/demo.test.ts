import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { demoTracker } from "@gadget/mock-tracker";
import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { expect, test } from "vitest";
import { runNode } from "../packages/cli/test/run-gadget.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

const headings = [
  "Sequences and shots",
  "Task status per task type",
  "Publishing an animation preview",
  "Casting of",
  "Laying out a new sequence",
  "Review playlist",
  "Events received",
];

function runDemo(tracker: Record<string, string>) {
  return runNode([tsx, "--conditions=@gadget/source", "examples/demo.ts"], root, tracker);
}

test("the demo narrates the studio workflow on the mock tracker and exits 0", async () => {
  const run = await runDemo({});
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  for (const heading of headings) expect(run.stdout).toContain(heading);
  // Off a terminal, progress is a few plain lines: the upload's end, the batch's quarters.
  expect(run.stdout).toMatch(/^upload sq010_sh020_anim_v003\.png: 100% \(\d+ B of \d+ B\)$/m);
  expect(run.stdout).toMatch(/^create shots in sq900: 2\/8$/m);
  expect(run.stdout).toMatch(/^create shots in sq900: 8\/8$/m);
  expect(run.stdout).toMatch(/Animation\s+wip\s+wfa\s+\d+\s+true/);
  expect(run.stdout).toContain("task:status-changed");
});

/** The demo on a Kitsu-compatible server over `tracker`'s studio, on its project `project`. */
async function runDemoOnKitsu(tracker: ReturnType<typeof demoTracker>, project: string) {
  const server = await startKitsuServer({ tracker });
  try {
    return await runDemo({
      TRACKER_URL: server.url,
      TRACKER_LOGIN: "admin@example.com",
      TRACKER_PASSWORD: "mysecretpassword",
      TRACKER_PROJECT: project,
    });
  } finally {
    await server.close();
  }
}

test("the same demo runs unchanged on Kitsu (the Kitsu-compatible server over the demo studio)", async () => {
  const run = await runDemoOnKitsu(demoTracker(), "Bunny Escape");
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("Gadget demo on kitsu");
  for (const heading of headings) expect(run.stdout).toContain(heading);
  expect(run.stdout).toMatch(/Animation\s+wip\s+wfa\s+\d+\s+true/);
  expect(run.stdout).toContain("task:status-changed");
});

test("on a Kitsu project the demo cannot use, it says why, exits 1 and does not hang on its open event socket", async () => {
  const tracker = demoTracker();
  await tracker.create("project", { name: "Empty Show", productionType: "short" });
  const run = await runDemoOnKitsu(tracker, "Empty Show");
  // Before, the listener's socket kept the process alive: it was killed, with no status.
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('Project "Empty Show" has no sequence');
});
