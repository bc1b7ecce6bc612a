import { AuthError } from "@gadget/core";
import type { EventRecord, RawClient } from "@gadget/core/adapter";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fetchEventsSince, historyRecovery, KitsuEventStream } from "../src/events/index.js";

/*
 * The stream and the history against the Kitsu-compatible server of @gadget/mock-tracker, over
 * real HTTP and socket.io. The session here is a bare login/refresh over fetch, so these tests do
 * not depend on the adapter's transport.
 */

let server: KitsuServer;
let stream: KitsuEventStream | undefined;

beforeEach(async () => {
  server = await startKitsuServer();
});
afterEach(async () => {
  await stream?.close();
  stream = undefined;
  await server.close();
});

/** Logs in as the admin; `gate` holds every refresh until it resolves. */
async function login(gate?: Promise<void>) {
  const response = await fetch(`${server.url}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@example.com", password: "mysecretpassword" }),
  });
  const tokens = (await response.json()) as { access_token: string; refresh_token: string };
  let access = tokens.access_token;
  const calls = { refresh: 0 };
  const auth = {
    accessToken: async () => access,
    refresh: async () => {
      calls.refresh++;
      await gate;
      const renewed = await fetch(`${server.url}/auth/refresh-token`, {
        headers: { authorization: `Bearer ${tokens.refresh_token}` },
      });
      if (!renewed.ok) throw AuthError.refreshFailed();
      access = ((await renewed.json()) as { access_token: string }).access_token;
      return access;
    },
  };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${access}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };
  const raw: Pick<RawClient, "get"> = {
    get: async <T>(path: string, options?: { searchParams?: Record<string, string | number | boolean> }) => {
      const url = new URL(`${server.url}/${path}`);
      for (const [k, v] of Object.entries(options?.searchParams ?? {})) url.searchParams.set(k, String(v));
      const response = await fetch(url, { headers: { authorization: `Bearer ${access}` } });
      if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
      return (await response.json()) as T;
    },
  };
  return { auth, calls, post, raw };
}

function listen(auth: Awaited<ReturnType<typeof login>>["auth"], recover?: (since: Date) => Promise<EventRecord[]>) {
  const received: EventRecord[] = [];
  const errors: unknown[] = [];
  stream = new KitsuEventStream({
    origin: server.origin,
    auth,
    onEvent: (e) => received.push(e),
    onError: (e) => errors.push(e),
    reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
    recover,
  });
  return { stream, received, errors };
}

describe("events against the Kitsu-compatible server", () => {
  it("delivers the event of a write made through the REST API", async () => {
    const session = await login();
    const { stream, received } = listen(session.auth);
    await stream.start();
    const project = await session.post("data/projects", { name: "Bunny" });
    await vi.waitFor(() => expect(received.map((e) => e.name)).toContain("project:new"));
    expect(received.find((e) => e.name === "project:new")).toMatchObject({ id: project.id, projectId: project.id });
  });

  it("after every token expired and a restart: refreshes once, reconnects, keeps listening", async () => {
    const session = await login();
    const { stream, received, errors } = listen(session.auth);
    await stream.start();
    server.tokens.expireAll();
    await server.restart();
    await vi.waitFor(() => {
      expect(session.calls.refresh).toBe(1);
      expect(stream.connected).toBe(true);
    });
    await session.post("data/task-types", { name: "Anim3D", for_entity: "Shot" });
    await vi.waitFor(() => expect(received.map((e) => e.name)).toContain("task-type:new"));
    expect(errors.filter((e) => e instanceof AuthError)).toEqual([]);
  });

  it("recovers what was written while the stream was down exactly once, and pages that history", async () => {
    const startedAt = new Date();
    let release = () => {};
    const listener = await login(new Promise<void>((resolve) => (release = resolve)));
    let writer = await login();
    const { stream, received } = listen(listener.auth, (since) => historyRecovery(writer.raw)(since));
    await stream.start();
    const before = await writer.post("data/projects", { name: "Before" });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    server.tokens.expireAll();
    await server.restart();
    // The stream is now refused and waits on its refresh: whatever is written here, it misses live.
    await vi.waitFor(() => expect(listener.calls.refresh).toBe(1));
    writer = await login();
    const during = await writer.post("data/projects", { name: "During" });
    release();
    await vi.waitFor(() => expect(received).toHaveLength(2));
    const after = await writer.post("data/projects", { name: "After" });
    await vi.waitFor(() => expect(received).toHaveLength(3));
    expect(received.map((e) => `${e.name} ${e.id}`)).toEqual([before, during, after].map((p) => `project:new ${p.id}`));
    expect(received[1]?.cursor).not.toBeNull();

    // The whole history since the test began, one event per request, as core's since() pages it.
    const paged: EventRecord[] = [];
    let cursor: Date | string = startedAt;
    for (let page = await fetchEventsSince(writer.raw, cursor, { limit: 1, pageSize: 1 }); page.cursor; ) {
      paged.push(...page.events);
      cursor = page.cursor;
      page = await fetchEventsSince(writer.raw, cursor, { limit: 1, pageSize: 1 });
    }
    expect(paged.filter((e) => e.name === "project:new").map((e) => e.id)).toEqual([before.id, during.id, after.id]);
    expect(new Set(paged.map((e) => e.cursor)).size).toBe(paged.length);
  });
});
