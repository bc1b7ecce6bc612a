import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { Kind } from "@gadget/core";
import type { PageRequest, TrackerAdapter, Where } from "@gadget/core/adapter";
import { afterEach, describe, expect, test } from "vitest";
import { MockTracker } from "../src/index.js";
import { send } from "../src/kitsu-server/http-io.js";
import { type KitsuServer, startKitsuServer } from "../src/kitsu-server/index.js";
import { Api } from "./kitsu-server-client.js";

/*
 * What a request reads from the tracker: lists and creates ask for the rows in scope rather than
 * whole tables, so that a request costs the same however big the store is. And the events history
 * as Zou scopes and caps it.
 */

type Row = Record<string, unknown> & { id: string };

/** A MockTracker whose `query` answers are counted per kind. */
function countingTracker(): { tracker: TrackerAdapter; mock: MockTracker; read: Map<Kind, number> } {
  const mock = new MockTracker({ seed: 3 });
  const read = new Map<Kind, number>();
  const tracker = new Proxy(mock, {
    get(target, key, receiver) {
      if (key !== "query") return Reflect.get(target, key, receiver);
      return async <K extends Kind>(kind: K, where: Where<K>, page?: PageRequest) => {
        const answer = await target.query(kind, where, page);
        read.set(kind, (read.get(kind) ?? 0) + answer.items.length);
        return answer;
      };
    },
  });
  return { tracker, mock, read };
}

async function seeded() {
  const { tracker, mock, read } = countingTracker();
  const server = await startKitsuServer({ tracker });
  const api = new Api(server);
  await api.login();
  const project = await mock.create("project", { name: "Scope", productionType: "short" });
  const small = await mock.create("sequence", { name: "sq010", projectId: project.id });
  const big = await mock.create("sequence", { name: "sq020", projectId: project.id });
  const name = (i: number) => `sh${String(i).padStart(4, "0")}`;
  const smallShots = mock.insertMany(
    "shot",
    [1, 2].map((i) => ({ name: name(i), projectId: project.id, sequenceId: small.id })),
  );
  mock.insertMany(
    "shot",
    Array.from({ length: 60 }, (_, i) => ({ name: name(i + 1), projectId: project.id, sequenceId: big.id })),
  );
  return { server, api, mock, read, project, small, big, smallShots };
}

describe("kitsu-server reads only what a request scopes", () => {
  let server: KitsuServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test("a shot list by sequence and name read every shot of the studio (now only that sequence's)", async () => {
    const s = await seeded();
    server = s.server;
    s.read.clear();
    const answer = await s.api.call<Row[]>("GET", `/data/shots/all?sequence_id=${s.small.id}&name=SH0001`);
    expect(answer.status).toBe(200);
    expect(answer.body.map((r) => r.name)).toEqual(["sh0001"]);
    expect(answer.body[0]).toMatchObject({ sequence_name: "sq010", project_name: "Scope" });
    expect(s.read.get("shot")).toBe(2);
    expect(s.read.get("project") ?? 0).toBe(0);
    expect(s.read.get("sequence") ?? 0).toBe(0);
  });

  test("creating a shot read every shot of its project (now only its namesakes)", async () => {
    const s = await seeded();
    server = s.server;
    s.read.clear();
    const fresh = await s.api.call<Row>("POST", `/data/projects/${s.project.id}/shots`, {
      name: "sh9999",
      sequence_id: s.small.id,
    });
    expect(fresh.status).toBe(201);
    expect(s.read.get("shot") ?? 0).toBe(0);
    const again = await s.api.call<Row>("POST", `/data/projects/${s.project.id}/shots`, {
      name: "sh0001",
      sequence_id: s.small.id,
    });
    expect(again.body.id).toBe(s.smallShots[0]);
    expect(s.read.get("shot")).toBe(2);
  });

  test("a task list by entity read every task of the studio (now only that entity's)", async () => {
    const s = await seeded();
    server = s.server;
    const [layout, anim] = (await s.mock.query("taskType", { forShots: true })).items;
    const [first, second] = s.smallShots;
    if (!layout || !anim || !first || !second) throw new Error("seed data missing");
    s.mock.insertMany("task", [
      { entityId: first, taskTypeId: layout.id },
      { entityId: first, taskTypeId: anim.id },
      { entityId: second, taskTypeId: layout.id },
    ]);
    s.read.clear();
    const answer = await s.api.call<Row[]>("GET", `/data/tasks?entity_id=${first}`);
    expect(answer.body.map((t) => t.entity_id)).toEqual([first, first]);
    expect(s.read.get("task")).toBe(2);
    const bad = await s.api.call("GET", "/data/tasks?entity_id=not-a-uuid");
    expect(bad.status).toBe(400);
  });
});

describe("kitsu-server events history", () => {
  let server: KitsuServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test("a production manager was refused the events history (Zou: manager+, scoped to their projects)", async () => {
    const tracker = new MockTracker({ seed: 4 });
    server = await startKitsuServer({ tracker });
    const admin = new Api(server);
    await admin.login();
    const manager = await server.users.addUser({ email: "pm@example.com", password: "pm-pass", role: "manager" });
    const mine = (await admin.call<Row>("POST", "/data/projects", { name: "Mine" })).body;
    await admin.call<Row>("POST", "/data/projects", { name: "Theirs" });
    await admin.call("POST", `/data/projects/${mine.id}/team`, { person_id: manager.id });
    await admin.call("POST", `/data/projects/${mine.id}/episodes`, { name: "E01" });
    const pm = new Api(server);
    await pm.login("pm@example.com", "pm-pass");
    const events = await pm.call<Row[]>("GET", "/data/events/last?limit=100");
    expect(events.status).toBe(200);
    expect(events.body.length).toBeGreaterThan(0);
    expect(new Set(events.body.map((e) => e.project_id))).toEqual(new Set([mine.id]));
    expect((await pm.call("GET", "/data/events/names")).status).toBe(200);
    const all = await admin.call<Row[]>("GET", "/data/events/last?limit=100");
    expect(all.body.length).toBeGreaterThan(events.body.length);
    const artist = await server.users.addUser({ email: "artist@example.com", password: "a-pass" });
    const user = new Api(server);
    await user.login("artist@example.com", "a-pass");
    expect((await user.call("GET", "/data/events/last")).status).toBe(403);
    expect(artist.role).toBe("user");
  });

  test("an events page larger than 1000 was answered whole (Zou caps it at 1000)", async () => {
    const tracker = new MockTracker({ seed: 5 });
    server = await startKitsuServer({ tracker });
    const api = new Api(server);
    await api.login();
    const project = await tracker.create("project", { name: "Many", productionType: "short" });
    const sequence = await tracker.create("sequence", { name: "sq", projectId: project.id });
    for (let i = 0; i < 1005; i++) {
      await tracker.create("shot", { name: `s${i}`, projectId: project.id, sequenceId: sequence.id });
    }
    const page = await api.call<Row[]>("GET", "/data/events/last?limit=5000");
    expect(page.body).toHaveLength(1000);
    const next = await api.call<Row[]>("GET", `/data/events/last?limit=5000&cursor_event_id=${page.body[999]?.id}`);
    expect(next.body.length).toBeGreaterThan(0);
    expect(next.body.some((e) => page.body.some((p) => p.id === e.id))).toBe(false);
  });
});

describe("kitsu-server replies", () => {
  test("a file stream failing mid-response was an unhandled stream error (now the response is cut)", async () => {
    const http = createServer((req, res) => {
      if (req.url === "/ok") return send(res, { status: 200, json: { ok: true } });
      const body = new Readable({
        read() {
          this.push(Buffer.from("partial"));
          this.destroy(new Error("disk gone"));
        },
      });
      send(res, { status: 200, body, contentType: "image/png" });
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = http.address() as AddressInfo;
      const cut = fetch(`http://127.0.0.1:${port}/file`).then((res) => res.arrayBuffer());
      await expect(cut).rejects.toThrow();
      expect(await (await fetch(`http://127.0.0.1:${port}/ok`)).json()).toEqual({ ok: true });
    } finally {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});
