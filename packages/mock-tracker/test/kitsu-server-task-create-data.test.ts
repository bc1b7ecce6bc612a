import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

/* Regression: `POST /data/tasks` dropped `data` (and other columns); Zou's crud POST stores every column given (zou.md §2.2). */

type Row = Record<string, unknown> & { id: string };

describe("kitsu-server POST /data/tasks stores the columns it is given", () => {
  let server: KitsuServer;
  let api: Api;
  let shotId = "";
  let typeId = "";
  let otherTypeId = "";

  beforeAll(async () => {
    ({ server, api } = await adminSession());
    const project = (await api.call<Row>("POST", "/data/projects", { name: "Task data" })).body;
    const seq = (await api.call<Row>("POST", `/data/projects/${project.id}/sequences`, { name: "SQ01" })).body;
    shotId = (await api.call<Row>("POST", `/data/projects/${project.id}/shots`, { name: "SH01", sequence_id: seq.id }))
      .body.id;
    const shotTypes = (await api.call<Row[]>("GET", "/data/task-types?for_entity=Shot")).body;
    typeId = shotTypes[0]?.id ?? "";
    otherTypeId = shotTypes[1]?.id ?? "";
  });
  afterAll(async () => {
    await server.close();
  });

  test("data, description, priority and dates are stored and then merged by PUT", async () => {
    const created = await api.call<Row>("POST", "/data/tasks", {
      entity_id: shotId,
      task_type_id: typeId,
      data: { notes: "keep", complexity: "low" },
      description: "first pass",
      priority: 2,
      due_date: "2026-03-02",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      data: { notes: "keep", complexity: "low" },
      description: "first pass",
      priority: 2,
      due_date: "2026-03-02T00:00:00",
    });
    await api.call("PUT", `/data/tasks/${created.body.id}`, { data: { complexity: "high" } });
    const read = (await api.call<Row>("GET", `/data/tasks/${created.body.id}`)).body;
    expect(read.data).toEqual({ notes: "keep", complexity: "high" });
  });

  test("a task created without data still has data null (recorded 129)", async () => {
    const created = await api.call<Row>("POST", "/data/tasks", { entity_id: shotId, task_type_id: otherTypeId });
    expect(created.status).toBe(201);
    expect(created.body.data).toBeNull();
  });
});
