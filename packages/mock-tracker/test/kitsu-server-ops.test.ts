import { afterEach, describe, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { Api, adminSession, PollingSocket } from "./kitsu-server-client.js";

/* Faults, request stats, restart and the socket.io `/events` stream. */

type Row = Record<string, unknown> & { id: string };

describe("kitsu-server operations", () => {
  let server: KitsuServer;
  afterEach(async () => {
    await server?.close();
  });

  test("a status fault answers Zou's body with Retry-After, once", async () => {
    let api: Api;
    ({ server, api } = await adminSession());
    server.faults.inject({ method: "GET", path: "/data/projects", status: 503, retryAfterSeconds: 2 });
    const faulted = await api.call("GET", "/data/projects");
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("retry-after")).toBe("2");
    expect(faulted.body).toEqual({ error: true, message: "Service Unavailable" });
    expect((await api.call("GET", "/data/projects")).status).toBe(200);
  });

  test("a drop fault closes the connection without an answer", async () => {
    let api: Api;
    ({ server, api } = await adminSession());
    server.faults.inject({ path: "/data/projects/*", drop: true });
    await expect(api.call("GET", "/data/projects/00000000-0000-4000-8000-000000000000")).rejects.toThrow();
    expect(server.faults.pending).toBe(0);
  });

  test("a delay fault still answers normally and is consumed", async () => {
    let api: Api;
    ({ server, api } = await adminSession());
    server.faults.inject({ path: "/data/projects", delayMs: 30, times: 2 });
    expect(server.faults.pending).toBe(2);
    expect((await api.call("GET", "/data/projects")).status).toBe(200);
    expect(server.faults.pending).toBe(1);
  });

  test("stats count requests per route pattern and reset", async () => {
    let api: Api;
    ({ server, api } = await adminSession());
    server.stats.reset();
    const project = (await api.call<Row>("POST", "/data/projects", { name: "Stats" })).body;
    await api.call("GET", `/data/projects/${project.id}`);
    await api.call("GET", `/data/projects/${project.id}`);
    expect(server.stats.total).toBe(3);
    expect(server.stats.of("GET /data/projects/:id")).toBe(2);
    expect(server.stats.of("POST /data/projects")).toBe(1);
    server.stats.reset();
    expect(server.stats.total).toBe(0);
  });

  test("restart() keeps data and tokens, and a kept-alive client connection does not fail after it", async () => {
    let api: Api;
    ({ server, api } = await adminSession());
    const project = (await api.call<Row>("POST", "/data/projects", { name: "Kept" })).body;
    const port = server.port;
    await server.restart();
    expect(server.port).toBe(port);
    const again = await api.call<Row>("GET", `/data/projects/${project.id}`);
    expect(again).toMatchObject({ status: 200, body: { name: "Kept" } });
  });

  test("/events refuses a handshake without a valid token", async () => {
    ({ server } = await adminSession());
    for (const token of [undefined, "garbage"]) {
      const socket = await PollingSocket.open(server.origin, token);
      const packets = await socket.read();
      expect(packets.some((p) => p.startsWith("44/events,"))).toBe(true);
      await socket.close();
    }
  });

  test("/events refuses an expired access token", async () => {
    let api: Api;
    ({ server, api } = await adminSession());
    server.tokens.expireAll();
    const socket = await PollingSocket.open(server.origin, api.token);
    expect((await socket.read()).some((p) => p.startsWith("44/events,"))).toBe(true);
    await socket.close();
  });

  test("/events delivers tracker events with Zou's names and snake_case payloads", async () => {
    let api: Api;
    ({ server, api } = await adminSession());
    const socket = await PollingSocket.open(server.origin, api.token);
    expect((await socket.read()).some((p) => p.startsWith("40/events,"))).toBe(true);
    const project = (await api.call<Row>("POST", "/data/projects", { name: "Live" })).body;
    expect(await socket.nextEvent("project:new")).toMatchObject({ project_id: project.id });
    await socket.close();
  });

  test("events are kept for /data/events/last, newest first", async () => {
    let api: Api;
    ({ server, api } = await adminSession());
    const project = (await api.call<Row>("POST", "/data/projects", { name: "History" })).body;
    await api.call("POST", `/data/projects/${project.id}/sequences`, { name: "SQ01" });
    const last = await api.call<{ name: string; project_id: string }[]>("GET", "/data/events/last?limit=2");
    expect(last.body.map((e) => e.name)).toEqual(["sequence:new", "project:new"]);
    const forbidden = new Api(server);
    await server.users.addUser({ email: "eve@example.com", password: "pw" });
    await forbidden.login("eve@example.com", "pw");
    expect((await forbidden.call("GET", "/data/events/last")).status).toBe(403);
  });
});
