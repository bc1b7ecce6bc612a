import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

/* Regression: `PUT` and `DELETE /data/playlists/<id>` answered 405; Zou's crud has both (zou.md §2.13, routes.tsv). */

type Row = Record<string, unknown> & { id: string };
type Playlist = Row & { shots: { entity_id: string; preview_file_id?: string | null }[] | null };
interface ZouEvent {
  name: string;
  data: Record<string, unknown>;
}

describe("kitsu-server PUT and DELETE /data/playlists/<id>", () => {
  let server: KitsuServer;
  let api: Api;
  let projectId = "";
  const shots: string[] = [];

  beforeAll(async () => {
    ({ server, api } = await adminSession());
    projectId = (await api.call<Row>("POST", "/data/projects", { name: "Playlists" })).body.id;
    const seq = (await api.call<Row>("POST", `/data/projects/${projectId}/sequences`, { name: "SQ01" })).body;
    for (const name of ["SH01", "SH02", "SH03"]) {
      shots.push(
        (await api.call<Row>("POST", `/data/projects/${projectId}/shots`, { name, sequence_id: seq.id })).body.id,
      );
    }
  });
  afterAll(async () => {
    await server.close();
  });

  const newPlaylist = async (name: string) =>
    (await api.call<Playlist>("POST", "/data/playlists", { name, project_id: projectId })).body;

  test("PUT changes only the given keys and answers without relations", async () => {
    const p = await newPlaylist("Daily");
    const updated = await api.call<Playlist>("PUT", `/data/playlists/${p.id}`, { name: "Daily 2", for_client: true });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: p.id, name: "Daily 2", for_client: true, for_entity: "shot" });
    expect(updated.body).not.toHaveProperty("build_jobs");
    expect((await api.call<Playlist>("GET", `/data/playlists/${p.id}`)).body.name).toBe("Daily 2");
  });

  test("PUT replaces shots in the order sent, with one playlist:update event", async () => {
    const p = await newPlaylist("Edit");
    for (const id of shots) await api.call("POST", `/actions/playlists/${p.id}/add-entity`, { entity_id: id });
    const before = (await api.call<ZouEvent[]>("GET", "/data/events/last?limit=200")).body.length;
    const sent = [
      { entity_id: shots[2], preview_file_id: null },
      { entity_id: shots[0], preview_file_id: null },
    ];
    const updated = await api.call<Playlist>("PUT", `/data/playlists/${p.id}`, { shots: sent });
    expect(updated.body.shots?.map((s) => s.entity_id)).toEqual([shots[2], shots[0]]);
    const events = (await api.call<ZouEvent[]>("GET", "/data/events/last?limit=200")).body;
    const fresh = events.slice(0, events.length - before);
    expect(fresh.map((e) => e.name)).toEqual(["playlist:update"]);
    expect(fresh[0]?.data).toMatchObject({ playlist_id: p.id });
  });

  test("PUT kept entries without a preview_file_id key, which Zou drops (so removing one entry emptied the list)", async () => {
    const p = await newPlaylist("Keys");
    for (const id of shots.slice(0, 2))
      await api.call("POST", `/actions/playlists/${p.id}/add-entity`, { entity_id: id });
    const sent = [{ entity_id: shots[1] }, { entity_id: shots[0], preview_file_id: null }];
    const updated = await api.call<Playlist>("PUT", `/data/playlists/${p.id}`, { shots: sent });
    expect(updated.body.shots?.map((s) => s.entity_id)).toEqual([shots[0]]);
  });

  test("DELETE answers 204, then the playlist is gone", async () => {
    const p = await newPlaylist("Gone");
    const removed = await api.call("DELETE", `/data/playlists/${p.id}`);
    expect(removed.status).toBe(204);
    expect((await api.call("GET", `/data/playlists/${p.id}`)).status).toBe(404);
  });

  test("an artist may neither update nor delete a playlist", async () => {
    const p = await newPlaylist("Locked");
    const artist = (
      await api.call<Row>("POST", "/data/persons", {
        first_name: "Al",
        last_name: "Artist",
        email: "al@example.com",
        password: "secret-password-1",
        role: "user",
      })
    ).body;
    expect(artist.id).toBeTruthy();
    const token = (
      await api.call<{ access_token: string }>("POST", "/auth/login", {
        email: "al@example.com",
        password: "secret-password-1",
      })
    ).body.access_token;
    expect((await api.call("PUT", `/data/playlists/${p.id}`, { name: "x" }, token)).status).toBe(403);
    expect((await api.call("DELETE", `/data/playlists/${p.id}`, undefined, token)).status).toBe(403);
  });
});
