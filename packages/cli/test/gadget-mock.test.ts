import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { gadget, mockEnv } from "./run-gadget.js";

test("on the mock tracker (TRACKER_TYPE=mock TRACKER_MOCK_SEED=demo) the commands answer from the demo studio", async () => {
  const shots = await gadget(["shots", "--json"], { env: mockEnv });
  expect(shots.stderr).toBe("");
  expect(shots.status).toBe(0);
  expect(JSON.parse(shots.stdout)).toHaveLength(12);

  const whoami = await gadget(["whoami"], { env: mockEnv });
  expect(whoami.stdout).toMatch(/^tracker\s+mock$/m);
  // The mock acts as a fresh Kitsu's admin, as a real Kitsu session acts as its login.
  expect(whoami.stdout).toMatch(/^person\s+Super Admin <admin@example\.com>$/m);
});

test("raw on the mock answers Kitsu's API paths over the demo studio", async () => {
  const run = await gadget(["raw", "GET", "data/projects"], { env: mockEnv });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject([{ name: "Bunny Escape" }]);
});

test("pnpm gadget (the source through tsx with the source condition) runs the same command", async () => {
  const run = await gadget(["projects", "--json"], { env: mockEnv, source: true });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject([{ name: "Bunny Escape" }]);
});

test("raw GET --out writes a route's file (a preview's thumbnail) into a folder", async () => {
  const list = await gadget(["raw", "GET", "data/preview-files"], { env: mockEnv });
  const [first] = JSON.parse(list.stdout) as { id: string }[];
  const dir = await mkdtemp(join(tmpdir(), "gadget-cli-out-"));
  const run = await gadget(["raw", "GET", `pictures/thumbnails/preview-files/${first?.id}.png`, "--out", dir], {
    env: mockEnv,
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const saved = JSON.parse(run.stdout) as { path: string; size: number };
  expect(saved.path).toBe(join(dir, `${first?.id}.png`));
  const bytes = await readFile(saved.path);
  expect(bytes.length).toBe(saved.size);
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([150, 100]);
});

test("raw POST --out is a usage error", async () => {
  const run = await gadget(["raw", "POST", "data/projects", "--out", "x.png"], { env: mockEnv });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain("--out writes the answer of a GET");
});
