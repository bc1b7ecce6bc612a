import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { demoTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { emptyFolder, gadget } from "./run-gadget.js";

/*
 * Every command of the built bin against Kitsu: the Kitsu-compatible server over the demo studio,
 * on 127.0.0.1. The tests of this file run in order and share the studio (publish, then watch).
 */

let server: KitsuServer;
let env: Record<string, string>;
const startedAt = new Date();

beforeAll(async () => {
  server = await startKitsuServer({ tracker: demoTracker() });
  env = {
    TRACKER_URL: server.url,
    TRACKER_LOGIN: "admin@example.com",
    TRACKER_PASSWORD: "mysecretpassword",
    TRACKER_PROJECT: "Bunny Escape",
  };
});

afterAll(async () => {
  await server?.close();
});

const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

/** A failed run: a one-line `gadget: ... [CODE]` message, no stack. */
function expectFailure(run: { status: number | null; stdout: string; stderr: string }, code: string, text: RegExp) {
  expect(run.status).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(new RegExp(`^gadget: .*\\[${code}\\]\\n$`));
  expect(run.stderr).toMatch(text);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe("gadget on Kitsu", { timeout: 60_000 }, () => {
  test("whoami names the tracker, its URL and the person logged in, never the password", async () => {
    const run = await gadget(["whoami"], { env });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^tracker\s+kitsu$/m);
    expect(run.stdout).toContain(server.url);
    expect(run.stdout).toMatch(/^person\s+Super Admin <admin@example.com>$/m);
    expect(run.stdout).not.toContain("mysecretpassword");

    const asJson = await gadget(["whoami", "--json"], { env });
    expect(json(asJson.stdout)).toMatchObject({
      type: "kitsu",
      url: server.url,
      auth: "login",
      login: "admin@example.com",
      project: "Bunny Escape",
      person: { id: server.adminId, name: "Super Admin", email: "admin@example.com", role: "admin" },
    });
  });

  test("projects lists the projects as a table and as JSON", async () => {
    const run = await gadget(["projects"], { env });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^project\s+status\s+type\s+fps\s+id$/m);
    expect(run.stdout).toMatch(/^Bunny Escape\s+open\s+short\s+24\s+\S+$/m);
    const asJson = await gadget(["projects", "--json"], { env });
    expect(json<{ name: string }[]>(asJson.stdout).map((p) => p.name)).toContain("Bunny Escape");
  });

  test("shots names shots sequence/shot, filters by sequence, and adds their tasks", async () => {
    const run = await gadget(["shots", "--sequence", "sq010", "--with-tasks"], { env });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^shot\s+frame in\s+frame out\s+frames\s+tasks$/m);
    expect(run.stdout).toMatch(/^sq010\/sh020\s+101\s+172\s+72\s+Animation: wip, .*Layout: done/m);
    expect(run.stdout).not.toContain("sq020/");

    const asJson = json<{ name: string; sequence: string; tasks?: { taskType: string; status: string }[] }[]>(
      (await gadget(["shots", "--json"], { env })).stdout,
    );
    expect(asJson).toHaveLength(12);
    expect(asJson.map((s) => s.name).slice(0, 2)).toEqual(["sq010/sh010", "sq010/sh020"]);
    expect(asJson[0]).not.toHaveProperty("tasks");
  });

  test("tasks lists a shot's or an asset's tasks, filtered by status", async () => {
    const run = await gadget(["tasks", "sq010/sh020"], { env });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^task type\s+status\s+assignees\s+due\s+last comment\s+id$/m);
    expect(run.stdout).toMatch(/^Animation\s+wip\s+\S/m);

    const done = json<{ taskType: string; status: string }[]>(
      (await gadget(["tasks", "sq010/sh020", "--status", "done", "--json"], { env })).stdout,
    );
    expect(done.map((t) => [t.taskType, t.status])).toEqual([
      ["Compositing", "done"],
      ["Layout", "done"],
    ]);
    const asset = json<{ taskType: string }[]>((await gadget(["tasks", "Fox", "--json"], { env })).stdout);
    expect(asset.length).toBeGreaterThan(0);
  });

  test("publish posts the preview, sets the status and the main preview, with plain progress lines off a TTY", async () => {
    const folder = await emptyFolder();
    const file = join(folder, "sq010_sh020_anim_v003.png");
    await writeFile(file, Buffer.alloc(4096, 7));
    const run = await gadget(
      [
        "publish",
        "sq010/sh020",
        "Animation",
        file,
        "--status",
        "wfa",
        "--comment",
        "Blocking pass",
        "--main",
        "--json",
      ],
      { env },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("upload sq010_sh020_anim_v003.png: 100% (4.0 KiB of 4.0 KiB)");
    const result = json<{ status: string; previews: { revision: number }[]; mainPreview: boolean }>(run.stdout);
    expect(result).toMatchObject({ status: "wfa", mainPreview: true });
    expect(result.previews).toHaveLength(1);

    const tasks = json<{ taskType: string; status: string }[]>(
      (await gadget(["tasks", "sq010/sh020", "--json"], { env })).stdout,
    );
    expect(tasks.find((t) => t.taskType === "Animation")?.status).toBe("wfa");

    const table = await gadget(["publish", "sq010/sh020", "animation", "sq010_sh020_anim_v003.png", "-m", "again"], {
      cwd: folder,
      env,
    });
    expect(table.stderr).toContain("upload sq010_sh020_anim_v003.png: 100%");
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^status\s+wfa$/m);
    expect(table.stdout).toMatch(/^main preview\s+unchanged$/m);
  });

  let lastCursor: string | null = null;

  test("watch replays the events since a time as JSON lines, then stops (--no-follow)", async () => {
    const run = await gadget(["watch", "--since", startedAt.toISOString(), "--no-follow"], { env });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const events = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { name: string; at: string; cursor: string | null; data: object });
    expect(events.map((e) => e.name)).toContain("task:status-changed");
    lastCursor = events.at(-1)?.cursor ?? null;
    expect(lastCursor).toEqual(expect.any(String));

    const statusChanges = await gadget(
      ["watch", "task:status-changed", "--since", startedAt.toISOString(), "--no-follow", "--json"],
      { env },
    );
    const lines = statusChanges.stdout.trim().split("\n");
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ name: "task:status-changed", kind: "task" });
    expect(JSON.parse(lines.at(-1) ?? "{}").data).toHaveProperty("newTaskStatusId");
  });

  test("watch --since <cursor> goes on with live events and stops after --count", async () => {
    const folder = await emptyFolder();
    await writeFile(join(folder, "sh010_layout_v001.png"), Buffer.alloc(1024, 1));
    // Whether the comment lands before or after the watcher listens, it comes after the cursor: no race.
    const watching = gadget(["watch", "comment:new", "--since", lastCursor ?? "", "--count", "1"], { env });
    const published = await gadget(["publish", "sq020/sh010", "Layout", "sh010_layout_v001.png", "--json"], {
      cwd: folder,
      env,
    });
    expect(published.status).toBe(0);
    const run = await watching;
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      name: "comment:new",
      id: json<{ comment: string }>(published.stdout).comment,
    });
  });

  test("raw GET prints the tracker's own answer", async () => {
    const run = await gadget(["raw", "GET", "data/projects"], { env });
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n").length).toBeGreaterThan(3);
    expect(json<{ name: string }[]>(run.stdout).map((p) => p.name)).toContain("Bunny Escape");
    const compact = await gadget(["raw", "get", "auth/authenticated", "--json"], { env });
    expect(compact.stdout.trim().split("\n")).toHaveLength(1);
    expect(json<{ user: { email: string } }>(compact.stdout).user.email).toBe("admin@example.com");
  });

  test("a bad password exits 1 with the AuthError's message and no stack", async () => {
    const run = await gadget(["projects"], { env: { ...env, TRACKER_PASSWORD: "not-the-Pa55word" } });
    expectFailure(run, "AUTH", /admin@example\.com/);
    expect(run.stderr).not.toContain("Pa55word");
  });

  test("an unknown shot exits 1 with the NotFoundError's message", async () => {
    expectFailure(await gadget(["tasks", "sq010/sh999"], { env }), "NOT_FOUND", /sh999/);
    expectFailure(await gadget(["tasks", "Nobody"], { env }), "NOT_FOUND", /shot or asset .*Nobody/);
  });

  test("an unknown project named by --project exits 1 with the ConfigError listing the projects", async () => {
    expectFailure(await gadget(["shots", "--project", "Nope"], { env }), "CONFIG", /Nope.*Bunny Escape/);
  });

  test("bad usage exits 2 with commander's message", async () => {
    const run = await gadget(["publish", "sq010/sh020"], { env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("missing required argument 'task-type'");
    const count = await gadget(["watch", "--count", "0"], { env });
    expect(count.status).toBe(2);
    expect(count.stderr).toContain("expected a whole number of 1 or more");
    const noFollow = await gadget(["watch", "--no-follow"], { env });
    expect(noFollow.status).toBe(2);
    expect(noFollow.stderr).toContain("--no-follow needs --since");
  });

  test("the variables are read from ./.env as well", async () => {
    const folder = await emptyFolder();
    const lines = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    await writeFile(join(folder, ".env"), `${lines.join("\n")}\n`);
    const run = await gadget(["whoami", "--json"], { cwd: folder });
    expect(run.status).toBe(0);
    expect(json(run.stdout)).toMatchObject({ type: "kitsu", login: "admin@example.com" });
  });
});
