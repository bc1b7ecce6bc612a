import { afterEach, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

type Row = Record<string, unknown> & { id: string };

let server: KitsuServer | undefined;
afterEach(async () => {
  await server?.close();
});

test("DELETE ?force=true let an open project go; Zou refuses any open project (zou.md §2.3)", async () => {
  let api: Api;
  ({ server, api } = await adminSession());
  const project = (await api.call<Row>("POST", "/data/projects", { name: "Still Open" })).body;
  const refused = await api.call("DELETE", `/data/projects/${project.id}?force=true`);
  expect(refused).toMatchObject({
    status: 400,
    body: { error: true, message: "Only closed projects can be deleted" },
  });
  expect((await api.call("GET", `/data/projects/${project.id}`)).status).toBe(200);
});
