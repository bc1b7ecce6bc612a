import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { AuthError, type EventRecord, PermissionError } from "@gadget/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { historyRecovery, KitsuEventStream, type KitsuEventStreamOptions } from "../src/events/index.js";
import { type FakeZouEvents, startFakeZouEvents } from "./events-fixture.js";

const P = "d6282d02-4256-4c26-a15f-e90390093f14";
const T = "85b3cbaa-653e-4676-9e27-9a8c6b80ded1";

let server: FakeZouEvents;
let streams: KitsuEventStream[] = [];

beforeEach(async () => {
  server = await startFakeZouEvents();
});
afterEach(async () => {
  await Promise.all(streams.map((s) => s.close()));
  streams = [];
  await server.close();
});

function sessionAuth() {
  let token = server.issueToken();
  const calls = { access: 0, refresh: 0 };
  return {
    calls,
    accessToken: async () => {
      calls.access++;
      return token;
    },
    refresh: async () => {
      calls.refresh++;
      token = server.issueToken();
      return token;
    },
  };
}

function open(overrides: Partial<KitsuEventStreamOptions> = {}) {
  const received: EventRecord[] = [];
  const errors: unknown[] = [];
  const auth = sessionAuth();
  const stream = new KitsuEventStream({
    origin: server.origin,
    auth,
    onEvent: (e) => received.push(e),
    onError: (e) => errors.push(e),
    reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
    ...overrides,
  });
  streams.push(stream);
  return { stream, received, errors, auth };
}

const statusChanged = (n: number) => ({
  task_id: T,
  new_task_status_id: `status-${n}`,
  previous_task_status_id: `status-${n - 1}`,
  person_id: null,
  project_id: P,
});

describe("KitsuEventStream", () => {
  it("receives events over socket.io, authenticated by the Authorization header", async () => {
    const { stream, received } = open();
    await stream.start();
    expect(stream.connected).toBe(true);
    expect(server.handshakes).toEqual([expect.stringMatching(/^Bearer token-/)]);
    server.emit("task:status-changed", statusChanged(1));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({
      name: "task:status-changed",
      kind: "task",
      action: "status-changed",
      id: T,
      projectId: P,
      cursor: null,
      data: { taskId: T, newTaskStatusId: "status-1", previousTaskStatusId: "status-0", personId: null },
    });
  });

  it("connects to the /events namespace even when given the API URL (a path is not a namespace)", async () => {
    const { stream, received } = open({ origin: `${server.origin}/api` });
    await stream.start();
    server.emit("shot:new", { shot_id: "s1", project_id: P });
    await vi.waitFor(() => expect(received.map((e) => e.name)).toEqual(["shot:new"]));
  });

  it("reconnects after a server restart and keeps receiving", async () => {
    const { stream, received } = open();
    await stream.start();
    await server.restart();
    await vi.waitFor(() => expect(server.connections()).toBe(1));
    // The server counts the socket before the client has read its CONNECT answer.
    await vi.waitFor(() => expect(stream.connected).toBe(true));
    server.emit("task:status-changed", statusChanged(2));
    await vi.waitFor(() => expect(received).toHaveLength(1));
  });

  it("survives an expired token and a restart: refreshes, reconnects with the new token", async () => {
    const { stream, received, errors, auth } = open();
    await stream.start();
    server.expireAll();
    await server.restart();
    await vi.waitFor(() => expect(server.connections()).toBe(1));
    expect(auth.calls.refresh).toBe(1);
    const [first, ...later] = server.handshakes;
    expect(later.at(-1)).not.toBe(first);
    server.emit("task:status-changed", statusChanged(3));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(errors.filter((e) => e instanceof AuthError)).toEqual([]);
  });

  it("ends with an AuthError when the token cannot be refreshed (an expired bot token)", async () => {
    const errors: unknown[] = [];
    const stream = new KitsuEventStream({
      origin: server.origin,
      auth: {
        accessToken: async () => "revoked-bot-token",
        refresh: async () => {
          throw AuthError.botTokenExpired();
        },
      },
      onEvent: () => {},
      onError: (e) => errors.push(e),
    });
    streams.push(stream);
    await expect(stream.start()).rejects.toBeInstanceOf(AuthError);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).not.toContain("revoked-bot-token");
    expect(stream.connected).toBe(false);
    expect(server.handshakes).toHaveLength(1);
  });

  it("reports an unreachable server and connects once it is up", async () => {
    await server.stop();
    const { stream, errors } = open();
    const started = stream.start();
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
    expect(String(errors[0])).toMatch(/Cannot reach the tracker at http:\/\/127\.0\.0\.1:\d+\/events/);
    await server.resume();
    await started;
    expect(stream.connected).toBe(true);
  });

  it("recovers the events emitted while disconnected through history, each exactly once", async () => {
    const { stream, received } = open({ recover: historyRecovery(server.history, { pageSize: 2 }) });
    await stream.start();
    server.emit("task:update", { task_id: T, project_id: P });
    server.emit("task:status-changed", statusChanged(1));
    await vi.waitFor(() => expect(received).toHaveLength(2));
    await server.stop();
    // The same payload again during the gap is a second occurrence, not a duplicate.
    server.emit("task:update", { task_id: T, project_id: P });
    server.emit("task:status-changed", statusChanged(2));
    server.emit("comment:new", { comment_id: "c1", task_id: T, task_status_id: "status-2", project_id: P });
    await server.resume();
    await vi.waitFor(() => expect(received).toHaveLength(5));
    server.emit("task:status-changed", statusChanged(3));
    await vi.waitFor(() => expect(received).toHaveLength(6));
    expect(received.map((e) => `${e.name} ${String(e.data.newTaskStatusId ?? e.id)}`)).toEqual([
      `task:update ${T}`,
      "task:status-changed status-1",
      `task:update ${T}`,
      "task:status-changed status-2",
      "comment:new c1",
      "task:status-changed status-3",
    ]);
    expect(received.slice(2, 5).every((e) => e.cursor !== null)).toBe(true);
    expect(server.historyRequests[0]).toMatchObject({ limit: 2 });
    expect(server.historyRequests.some((q) => q.cursor_event_id !== undefined)).toBe(true);
  });

  it("keeps delivering live events when the replay fails, and says why", async () => {
    const failure = new Error("403 events/last is manager+");
    const { stream, received, errors } = open({ recover: () => Promise.reject(failure) });
    await stream.start();
    // The first connection replays from the moment of listening, the reconnection from the drop: both fail.
    await vi.waitFor(() => expect(errors).toContain(failure));
    await server.restart();
    await vi.waitFor(() => expect(errors.filter((e) => e === failure)).toHaveLength(2));
    server.emit("task:status-changed", statusChanged(4));
    await vi.waitFor(() => expect(received).toHaveLength(1));
  });

  it("an artist's session (events/last is manager-only) reported the refused replay at every reconnection", async () => {
    const refused = PermissionError.denied({ method: "GET", path: "/data/events/last", status: 403 });
    let asked = 0;
    const { stream, received, errors } = open({
      recover: () => {
        asked++;
        return Promise.reject(refused);
      },
    });
    await stream.start();
    await vi.waitFor(() => expect(errors).toEqual([refused]));
    await server.restart();
    await vi.waitFor(() => expect(server.connections()).toBe(1));
    server.emit("task:status-changed", statusChanged(5));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(asked).toBe(1);
    expect(errors).toEqual([refused]);
  });

  it("close() stops reconnecting and leaves nothing that keeps a script alive", async () => {
    const script = `
      import { KitsuEventStream } from ${JSON.stringify(new URL("../src/events/index.ts", import.meta.url).href)};
      const stream = new KitsuEventStream({
        origin: process.argv[1],
        auth: { accessToken: async () => process.argv[2], refresh: async () => process.argv[2] },
        onEvent: async (e) => { console.log(e.name); await stream.close(); },
      });
      await stream.start();
      console.log("connected");
    `;
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--conditions=@gadget/source",
        "--input-type=module",
        "-e",
        script,
        server.origin,
        server.issueToken(),
      ],
      { cwd: fileURLToPath(new URL("../../..", import.meta.url)), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const connected = new Promise<string>((resolve) =>
      child.stdout.on("data", () => {
        if (out.includes("connected")) resolve("connected");
      }),
    );
    expect(await Promise.race([connected, exited.then((code) => `exited with ${code}: ${err}`)])).toBe("connected");
    server.emit("shot:update", { shot_id: "s1", project_id: P });
    expect(await exited, err).toBe(0);
    expect(out).toContain("shot:update");
  });
});
