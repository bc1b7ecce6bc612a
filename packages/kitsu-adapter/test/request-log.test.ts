import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RequestLine } from "@gadget/core";
import { Project, type RequestLogFields, Tracker } from "@gadget/core";
import { demoTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as kitsu from "../src/index.js";
import { createAdapter, type KitsuAdapter, type KitsuSessionOptions } from "../src/index.js";

/*
 * The request log over real sockets: the Kitsu-compatible server (demo studio), its fault
 * injection for retries, its expirable tokens for refreshes, its socket.io for the event stream.
 */

const admin = { login: "admin@example.com", password: "mysecretpassword" };
/** How long a wait for the socket may take on a loaded machine (a wait, never an assertion on time). */
const patience = { timeout: 15_000 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let server: KitsuServer;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startKitsuServer({ tracker: demoTracker() });
});
afterEach(async () => {
  server.faults.clear();
  for (const item of open.splice(0)) await item.close();
});
afterAll(async () => {
  await server.close();
});

/** Every line and its fields, in order. */
function capture() {
  const lines: string[] = [];
  const fields: RequestLogFields[] = [];
  const logger = {
    debug(line: string, f: RequestLogFields) {
      lines.push(line);
      fields.push(f);
    },
  };
  const requests = (route: string) => fields.filter((f): f is RequestLine => f.type === "request" && f.route === route);
  return { lines, fields, logger, requests };
}

/** An admin session whose lines land in the returned capture; backoff waits of at most 5 ms. */
async function session(options: KitsuSessionOptions = {}) {
  const log = capture();
  const adapter = (await createAdapter(
    { type: "kitsu", url: server.url, ...admin },
    { retry: { backoffLimit: 5 }, ...options, logger: log.logger },
  )) as KitsuAdapter;
  open.push(adapter);
  return { adapter, log };
}

async function pngFile(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "gadget-log-")), "sh010_v001.png");
  await writeFile(path, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
  return path;
}

interface Stdio {
  stderr: string;
  stdout: string;
}

/** Runs `body` with stderr and stdout captured (and kept off the terminal). */
async function withStdio(body: (out: Stdio) => Promise<void>): Promise<Stdio> {
  const out: Stdio = { stderr: "", stdout: "" };
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.stderr += String(chunk);
    return true;
  });
  const std = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.stdout += String(chunk);
    return true;
  });
  try {
    await body(out);
  } finally {
    err.mockRestore();
    std.mockRestore();
  }
  return out;
}

describe("request log: HTTP", () => {
  it("logs each request with its method, route template (no id), status, time, attempt and sizes", async () => {
    const { adapter, log } = await session();
    const shot = (await server.tracker.query("shot", {})).items[0]!;
    await adapter.get("shot", shot.id);
    expect(log.requests("auth/login")).toEqual([
      expect.objectContaining({ namespace: "gadget:kitsu", method: "POST", status: 200, attempt: 1 }),
    ]);
    const [get] = log.requests("data/shots/:id");
    expect(get).toMatchObject({ method: "GET", status: 200, attempt: 1 });
    expect(get?.receivedBytes).toBeGreaterThan(0);
    expect(get?.sentBytes).toBeUndefined();
    expect(log.lines).toContain(
      `gadget:kitsu GET data/shots/:id 200 ${get?.ms}ms attempt=1 received=${get?.receivedBytes}B`,
    );
    expect(log.lines.join("\n")).not.toMatch(UUID);
  });

  it("logs a retried request: each failed attempt, the retry with its reason and wait, the attempt that worked", async () => {
    const { adapter, log } = await session();
    server.faults.inject({ method: "GET", path: "/data/projects", status: 503 });
    server.faults.inject({ method: "GET", path: "/data/projects", drop: true });
    await adapter.raw.get("data/projects");
    const trail = log.fields.filter((f) => f.type !== "stream" && f.route === "data/projects");
    expect(trail.map((f) => [f.type, f.type === "refresh" ? undefined : f.attempt])).toEqual([
      ["request", 1],
      ["retry", 2],
      ["request", 2],
      ["retry", 3],
      ["request", 3],
    ]);
    const [first, retry, dropped, again, last] = trail;
    expect(first).toMatchObject({ method: "GET", status: 503 });
    expect(retry).toMatchObject({ method: "GET", reason: "503" });
    expect(dropped?.type === "request" && typeof dropped.status).toBe("string");
    expect(again).toMatchObject({ reason: dropped?.type === "request" ? dropped.status : "" });
    expect(last).toMatchObject({ status: 200 });
    expect(retry?.type === "retry" && retry.waitedMs).toBeGreaterThanOrEqual(0);
    expect(log.lines).toContainEqual(
      expect.stringMatching(/^gadget:kitsu retry GET data\/projects attempt=2 reason=503 waited=\d+ms$/),
    );
  });

  it("an attempt that ran out of its timeout says so, and so does its retry", async () => {
    const { adapter, log } = await session({ timeout: 1_000 });
    server.faults.inject({ method: "GET", path: "/data/projects", delayMs: 5_000 });
    await adapter.raw.get("data/projects");
    const trail = log.fields.filter((f) => f.type !== "stream" && f.route === "data/projects");
    expect(trail.slice(0, 2)).toEqual([
      expect.objectContaining({ type: "request", status: "timeout", attempt: 1 }),
      expect.objectContaining({ type: "retry", reason: "timeout", attempt: 2 }),
    ]);
    expect(trail.at(-1)).toMatchObject({ type: "request", status: 200 });
  });

  it("logs a token refresh: the refused attempt, why, the refresh request and the attempt after it", async () => {
    const { adapter, log } = await session();
    server.tokens.expireAll();
    await adapter.raw.get("data/projects");
    // The reference lists read at connect may still be on their way: only this request's trail counts.
    const trail = log.fields.filter(
      (f) => f.type === "stream" || ["data/projects", "auth/refresh-token"].includes(f.route),
    );
    const after = trail.slice(trail.findIndex((f) => f.type === "request" && f.route === "data/projects"));
    expect(after.map((f) => (f.type === "stream" ? f.action : `${f.type} ${f.route}`))).toEqual([
      "request data/projects",
      "refresh data/projects",
      "request auth/refresh-token",
      "request data/projects",
    ]);
    expect(after[0]).toMatchObject({ status: 401, attempt: 1 });
    expect(after[1]).toMatchObject({ method: "GET", reason: "401" });
    expect(after[2]).toMatchObject({ method: "GET", status: 200 });
    expect(after[3]).toMatchObject({ status: 200, attempt: 2 });
  });

  it("logs an upload with the size of its body", async () => {
    const { adapter, log } = await session();
    const task = (await server.tracker.query("task", {})).items[0]!;
    const path = await pngFile();
    await adapter.publish(task.id, {
      text: "v001",
      statusId: task.statusId,
      previews: [{ path, fileName: "sh010_v001.png", size: 29, contentType: "image/png" }],
      setMainPreview: false,
    });
    const [post] = log.requests("actions/tasks/:taskId/batch-comment");
    expect(post).toMatchObject({ method: "POST", status: 201, attempt: 1 });
    // The multipart body: the file plus its part headers and the text fields.
    expect(post?.sentBytes).toBeGreaterThan(29);
  });
});

describe("request log: event stream", () => {
  it("logs the connection, a drop with its reason and wait, the reconnection and the close", async () => {
    const { adapter, log } = await session();
    const stream = () => log.fields.filter((f) => f.type === "stream").map((f) => f.action);
    const stop = adapter.subscribe(() => {});
    await vi.waitFor(() => expect(stream()).toContain("connected"), patience);
    await server.restart();
    await vi.waitFor(() => expect(stream().filter((a) => a === "connected")).toHaveLength(2), patience);
    stop();
    await vi.waitFor(() => expect(stream()).toContain("closed"), patience);
    const actions = stream();
    expect(actions.slice(0, 3)).toEqual(["connecting", "connected", "disconnected"]);
    expect(actions.at(-1)).toBe("closed");
    expect(actions).toContain("reconnecting");
    const lines = log.fields.filter((f) => f.type === "stream");
    expect(lines[0]).toMatchObject({ namespace: "gadget:kitsu:events", url: `${server.origin}/events`, attempt: 1 });
    expect(lines[2]).toMatchObject({ reason: expect.any(String), waitMs: expect.any(Number) });
    expect(log.lines).toContain(`gadget:kitsu:events connecting ${server.origin}/events attempt=1`);
  });
});

describe("request log: secrets", () => {
  it("no line of a session that logs in, refreshes, uploads, retries and listens holds a password or token", async () => {
    const log = capture();
    const project = await Project.fromEnv({
      env: {
        TRACKER_URL: server.url,
        TRACKER_LOGIN: admin.login,
        TRACKER_PASSWORD: admin.password,
        TRACKER_PROJECT: "Bunny Escape",
      },
      envFile: false,
      modules: { kitsu },
      logger: log.logger,
    });
    open.push(project.tracker);
    const auth = (project.tracker.adapter as KitsuAdapter).client.auth;
    const tokens = [await auth.accessToken()];

    const stop = project.on("*", () => {});
    await vi.waitFor(() => expect(log.lines.some((l) => l.includes(" connected "))).toBe(true), patience);
    server.tokens.expireAll();
    const shot = await project.shots.get({ name: "sh010", sequence: "sq010" });
    tokens.push(await auth.accessToken());
    server.faults.inject({ method: "GET", path: "/data/tasks", status: 502 });
    const [task] = await shot.tasks.all();
    await task!.comments.new({ comment: "v001", preview: [await pngFile()], setMainPreview: true });
    await project.tracker.raw.get("data/persons?api_token=q-secret-123");
    await server.restart();
    await vi.waitFor(() => expect(log.lines.filter((l) => l.includes(" connected "))).toHaveLength(2), patience);
    stop();

    const types = new Set(log.fields.map((f) => (f.type === "stream" ? f.action : f.type)));
    expect([...types]).toEqual(expect.arrayContaining(["request", "refresh", "retry", "connected", "disconnected"]));
    expect(log.lines.some((l) => l.includes("batch-comment") && l.includes("sent="))).toBe(true);
    expect(tokens[1]).not.toBe(tokens[0]);
    const everything = `${log.lines.join("\n")}\n${JSON.stringify(log.fields)}`;
    for (const secret of [admin.password, ...tokens, "q-secret-123"]) expect(everything).not.toContain(secret);
    // Every token Zou issues is a JWT (the refresh token too): none, whole or in part, in any line.
    expect(everything).not.toMatch(/eyJ|bearer|authorization|cookie/i);
    expect(everything).not.toMatch(UUID);
  });
});

describe("request log: the environment switch", () => {
  const env = (extra: Record<string, string>) => ({
    env: { TRACKER_URL: server.url, TRACKER_LOGIN: admin.login, TRACKER_PASSWORD: admin.password, ...extra },
    envFile: false as const,
    modules: { kitsu },
  });

  it("GADGET_DEBUG=1 writes every line to stderr and nothing to stdout", async () => {
    const { stderr, stdout } = await withStdio(async () => {
      const tracker = await Tracker.fromEnv(env({ GADGET_DEBUG: "1" }));
      open.push(tracker);
      const project = await tracker.projects.get({ name: "Bunny Escape" });
      await project.sequences.all();
    });
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z gadget:kitsu POST auth\/login 200 \d+ms attempt=1 sent=\d+B/);
    expect(lines).toContainEqual(expect.stringMatching(/ gadget:kitsu GET data\/sequences 200 \d+ms attempt=1 /));
  });

  it("DEBUG picks namespaces as the debug package does: gadget:kitsu:events alone leaves HTTP out", async () => {
    const { stderr } = await withStdio(async (out) => {
      const tracker = await Tracker.fromEnv(env({ DEBUG: "gadget:kitsu:events" }));
      open.push(tracker);
      const stop = tracker.adapter.subscribe(() => {});
      await tracker.projects.all();
      await vi.waitFor(() => expect(out.stderr).toContain(" connected "), patience);
      stop();
    });
    const namespaces = new Set(
      stderr
        .trimEnd()
        .split("\n")
        .map((l) => l.split(" ")[1]),
    );
    expect([...namespaces]).toEqual(["gadget:kitsu:events"]);
  });

  it("logs nothing when neither variable is set", async () => {
    const { stderr } = await withStdio(async () => {
      const tracker = await Tracker.fromEnv(env({}));
      open.push(tracker);
      await tracker.projects.all();
    });
    expect(stderr).toBe("");
  });
});
