import { afterEach, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

type Row = Record<string, unknown> & { id: string };

let server: KitsuServer | undefined;
afterEach(async () => {
  await server?.close();
});

test("a project's data sent on POST and PUT /data/projects is kept (the server dropped it)", async () => {
  let api: Api;
  ({ server, api } = await adminSession());
  const data = { notes: false, ünï: { k: [1, null] } };
  const project = (await api.call<Row>("POST", "/data/projects", { name: "With Data", data })).body;
  expect(project.data).toEqual(data);
  await api.call("PUT", `/data/projects/${project.id}`, { data: { ...data, cam: "B" } });
  expect((await api.call<Row>("GET", `/data/projects/${project.id}`)).body.data).toEqual({ ...data, cam: "B" });
});
