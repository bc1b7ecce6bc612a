import { afterEach, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

type Row = Record<string, unknown> & { id: string };

let server: KitsuServer | undefined;
afterEach(async () => {
  await server?.close();
});

test("a first time entry of the day sends one person:update, as Zou (the server added a second to the mock's)", async () => {
  let api: Api;
  ({ server, api } = await adminSession());
  const project = (await api.call<Row>("POST", "/data/projects", { name: "Time" })).body;
  const seq = (await api.call<Row>("POST", `/data/projects/${project.id}/sequences`, { name: "sq01" })).body;
  const shot = (
    await api.call<Row>("POST", `/data/projects/${project.id}/shots`, { name: "sh01", sequence_id: seq.id })
  ).body;
  const [type] = (await api.call<Row[]>("GET", "/data/task-types?name=Animation")).body;
  const task = (
    await api.call<Row>("POST", "/data/tasks", {
      project_id: project.id,
      entity_id: shot.id,
      task_type_id: type!.id,
      assignees: [server.adminId],
    })
  ).body;
  const path = `/actions/tasks/${task.id}/time-spents/2026-02-02/persons/${server.adminId}`;
  expect((await api.call("POST", path, { duration: 60 })).status).toBe(201);
  const last = (await api.call<{ name: string }[]>("GET", "/data/events/last?limit=10")).body;
  expect(last.slice(0, 3).map((e) => e.name)).toEqual(["task:update", "time-spent:new", "person:update"]);
});
