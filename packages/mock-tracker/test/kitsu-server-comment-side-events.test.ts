import { afterEach, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

type Row = Record<string, unknown> & { id: string };

let server: KitsuServer | undefined;
afterEach(async () => {
  await server?.close();
});

const count = (events: { name: string }[], name: string) => events.filter((e) => e.name === name).length;

test.each([
  [
    "comment",
    (taskId: string) => `/actions/tasks/${taskId}/comment`,
    (status: string) => ({ task_status_id: status, comment: "Blocking" }),
  ],
  [
    "batch-comment",
    (taskId: string) => `/actions/tasks/${taskId}/batch-comment`,
    (status: string) => ({ comments: [{ task_status_id: status, text: "Blocking" }] }),
  ],
])(
  "a %s sends one news:new and one notification per other assignee, as Zou (the server added a second of each to the mock's)",
  async (_route, path, body) => {
    let api: Api;
    ({ server, api } = await adminSession());
    const project = (await api.call<Row>("POST", "/data/projects", { name: "News" })).body;
    const seq = (await api.call<Row>("POST", `/data/projects/${project.id}/sequences`, { name: "sq01" })).body;
    const shot = (
      await api.call<Row>("POST", `/data/projects/${project.id}/shots`, { name: "sh01", sequence_id: seq.id })
    ).body;
    const artist = (
      await api.call<Row>("POST", "/data/persons", { email: "ada@example.com", first_name: "Ada", last_name: "L" })
    ).body;
    const [type] = (await api.call<Row[]>("GET", "/data/task-types?name=Animation")).body;
    const [wip] = (await api.call<Row[]>("GET", "/data/task-status?short_name=wip")).body;
    const task = (
      await api.call<Row>("POST", "/data/tasks", {
        project_id: project.id,
        entity_id: shot.id,
        task_type_id: type?.id,
        assignees: [server.adminId, artist.id],
      })
    ).body;
    const before = (await api.call<{ id: string }[]>("GET", "/data/events/last?limit=1")).body[0]?.id;
    expect((await api.call("POST", path(task.id), body(String(wip?.id)))).status).toBe(201);
    const last = (await api.call<{ id: string; name: string }[]>("GET", "/data/events/last?limit=30")).body;
    const after = last.slice(
      0,
      last.findIndex((e) => e.id === before),
    );
    expect(count(after, "news:new")).toBe(1);
    // The author (admin) is an assignee too: only the artist is notified.
    expect(count(after, "notification:new")).toBe(1);
  },
);
