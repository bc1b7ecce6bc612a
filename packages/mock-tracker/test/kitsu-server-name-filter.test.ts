import { afterEach, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

type Row = Record<string, unknown> & { id: string };

let server: KitsuServer | undefined;
afterEach(async () => {
  await server?.close();
});

test("a `name` filter is one ILIKE pattern even when it looks like a JSON list, as in Zou (the server read a list)", async () => {
  let api: Api;
  ({ server, api } = await adminSession());
  const project = (await api.call<Row>("POST", "/data/projects", { name: "Names" })).body;
  const seq = (await api.call<Row>("POST", `/data/projects/${project.id}/sequences`, { name: "sq01" })).body;
  const list = encodeURIComponent(JSON.stringify(["sq01"]));
  expect((await api.call<Row[]>("GET", `/data/sequences?project_id=${project.id}&name=${list}`)).body).toEqual([]);
  expect((await api.call<Row[]>("GET", `/data/sequences?project_id=${project.id}&name=SQ01`)).body[0]?.id).toBe(seq.id);
});
