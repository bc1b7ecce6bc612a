import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/*
 * What a studio installs is the built `dist/` of each package, loaded by plain Node without the
 * source condition the workspace uses: this runs a script that way (`pnpm test` builds first).
 */
const examples = fileURLToPath(new URL(".", import.meta.url));

const script = `
import { Project, isTrackerError } from "@gadget/core";
import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
const project = await Project.fromEnv({
  env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: "Bunny Escape" },
  envFile: false,
});
const shots = await project.shots.all();
const server = await startKitsuServer();
const kitsu = await Project.fromEnv({ env: { TRACKER_URL: server.url, TRACKER_LOGIN: "admin@example.com",
  TRACKER_PASSWORD: "mysecretpassword", TRACKER_PROJECT: "none" }, envFile: false }).catch((e) => e);
console.log(JSON.stringify({ name: project.name, shots: shots.length, kitsuError: isTrackerError(kitsu) && kitsu.code }));
await project.tracker.close();
await server.close();
`;

test("the built packages load and run under plain Node (no source condition)", () => {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: examples,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout.trim())).toEqual({ name: "Bunny Escape", shots: 12, kitsuError: "CONFIG" });
});

/*
 * Importing the built Kitsu adapter used to load ~210 files, 95 of them zod's, and took ~250 ms
 * (issue 11; `pnpm bench` prints the time). The build bundles each package (scripts/bundle-dist.mjs):
 * this pins what a script loads, with a resolve hook that lists every module file Node opens.
 */
const listModules = `
import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(
  "export async function resolve(s, c, next) { const r = await next(s, c);" +
  " if (r.url.startsWith('file:')) process.stderr.write(r.url + '\\\\n'); return r; }"));
`;

test("the built Kitsu adapter loads zod once, from core's bundle, and few files", () => {
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      `data:text/javascript,${encodeURIComponent(listModules)}`,
      "--input-type=module",
      "-e",
      'await import("@gadget/kitsu-adapter")',
    ],
    { cwd: examples, encoding: "utf8", timeout: 60_000 },
  );
  expect(run.status).toBe(0);
  const files = [...new Set(run.stderr.trim().split("\n"))];
  const zod = files.filter((url) => /zod/.test(url));
  expect(zod).toEqual([expect.stringMatching(/packages\/core\/dist\/bundle\/zod\.js$/)]);
  // The adapter's bundle, core's adapter entry, its shared chunks, zod, dotenv: not one file per module.
  expect(files.length).toBeLessThan(15);
  expect(files.filter((url) => /socket\.io/.test(url))).toEqual([]);
});
