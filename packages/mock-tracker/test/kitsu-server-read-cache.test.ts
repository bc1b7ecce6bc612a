import { afterEach, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

/*
 * Zou 1.0.67 memoizes GET /data/shots/<id> and GET /data/sequences/<id> for 120 s, and a forced
 * DELETE of the parent misses the memo of what it deletes (zou-read-cache.ts). Each case here was
 * run on the real Zou with the same requests and gave the same statuses.
 */

type Row = Record<string, unknown> & { id: string };

let server: KitsuServer | undefined;
afterEach(async () => {
  await server?.close();
});

async function sequenceWithShot(api: Api, projectId: string, name: string) {
  const sequence = (await api.call<Row>("POST", `/data/projects/${projectId}/sequences`, { name })).body;
  const shot = (
    await api.call<Row>("POST", `/data/projects/${projectId}/shots`, { name: "sh010", sequence_id: sequence.id })
  ).body;
  return { sequence, shot };
}

test("a shot read before its sequence's forced DELETE is still answered by GET /data/shots/<id>, as Zou's read cache does", async () => {
  let api: Api;
  ({ server, api } = await adminSession());
  const project = (await api.call<Row>("POST", "/data/projects", { name: "Cache" })).body;
  const read = await sequenceWithShot(api, project.id, "sq010");
  expect((await api.call("GET", `/data/shots/${read.shot.id}`)).status).toBe(200);
  expect((await api.call("DELETE", `/data/sequences/${read.sequence.id}?force=true`)).status).toBe(204);
  expect((await api.call<Row>("GET", `/data/shots/${read.shot.id}`)).body).toMatchObject({ id: read.shot.id });
  expect((await api.call("GET", `/data/sequences/${read.sequence.id}`)).status).toBe(404);

  // Never read before: nothing memoized, so 404 at once.
  const unread = await sequenceWithShot(api, project.id, "sq020");
  expect((await api.call("DELETE", `/data/sequences/${unread.sequence.id}?force=true`)).status).toBe(204);
  expect((await api.call("GET", `/data/shots/${unread.shot.id}`)).status).toBe(404);

  // Deleted through its own route, the shot's memo goes with it.
  const own = await sequenceWithShot(api, project.id, "sq030");
  expect((await api.call("GET", `/data/shots/${own.shot.id}`)).status).toBe(200);
  expect((await api.call("DELETE", `/data/shots/${own.shot.id}?force=true`)).status).toBe(204);
  expect((await api.call("GET", `/data/shots/${own.shot.id}`)).status).toBe(404);
});

test("a shot updated after it was read is not answered once its sequence is deleted (the update cleared Zou's memo)", async () => {
  let api: Api;
  ({ server, api } = await adminSession());
  const project = (await api.call<Row>("POST", "/data/projects", { name: "Cache" })).body;
  const { sequence, shot } = await sequenceWithShot(api, project.id, "sq010");
  expect((await api.call("GET", `/data/shots/${shot.id}`)).status).toBe(200);
  expect((await api.call("PUT", `/data/entities/${shot.id}`, { description: "changed" })).status).toBe(200);
  expect((await api.call("DELETE", `/data/sequences/${sequence.id}?force=true`)).status).toBe(204);
  expect((await api.call("GET", `/data/shots/${shot.id}`)).status).toBe(404);
});

test("a sequence read before its episode's forced DELETE is still answered by GET /data/sequences/<id>", async () => {
  let api: Api;
  ({ server, api } = await adminSession());
  const project = (await api.call<Row>("POST", "/data/projects", { name: "Cache Show", production_type: "tvshow" }))
    .body;
  const episode = (await api.call<Row>("POST", `/data/projects/${project.id}/episodes`, { name: "E90" })).body;
  const sequence = (
    await api.call<Row>("POST", `/data/projects/${project.id}/sequences`, { name: "sq010", episode_id: episode.id })
  ).body;
  expect((await api.call("GET", `/data/sequences/${sequence.id}`)).status).toBe(200);
  expect((await api.call("DELETE", `/data/episodes/${episode.id}?force=true`)).status).toBe(204);
  expect((await api.call<Row>("GET", `/data/sequences/${sequence.id}`)).body).toMatchObject({ id: sequence.id });
});
