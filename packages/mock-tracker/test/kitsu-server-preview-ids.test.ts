import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

/*
 * Regression: rows and events named an uploaded preview by the server's internal id instead of the
 * id add-preview announced (Zou keeps one id from add-preview on, zou.md §2.9; recorded 189–194).
 */

type Row = Record<string, unknown> & { id: string };
interface ZouEvent {
  name: string;
  data: Record<string, unknown>;
}

describe("kitsu-server preview ids are the announced ones everywhere", () => {
  let server: KitsuServer;
  let api: Api;
  let seqId = "";
  let shotId = "";
  let taskId = "";
  let previewId = "";

  beforeAll(async () => {
    ({ server, api } = await adminSession());
    const project = (await api.call<Row>("POST", "/data/projects", { name: "Preview ids" })).body;
    const seq = (await api.call<Row>("POST", `/data/projects/${project.id}/sequences`, { name: "SQ01" })).body;
    seqId = seq.id;
    shotId = (await api.call<Row>("POST", `/data/projects/${project.id}/shots`, { name: "SH01", sequence_id: seq.id }))
      .body.id;
    const [type] = (await api.call<Row[]>("GET", "/data/task-types?name=Animation")).body;
    taskId = (await api.call<Row>("POST", "/data/tasks", { entity_id: shotId, task_type_id: type?.id })).body.id;
    const statuses = (await api.call<(Row & { short_name: string })[]>("GET", "/data/task-status")).body;
    const wfa = statuses.find((s) => s.short_name === "wfa")?.id;
    const comment = (await api.call<Row>("POST", `/actions/tasks/${taskId}/comment`, { task_status_id: wfa })).body;
    previewId = (await api.call<Row>("POST", `/actions/tasks/${taskId}/comments/${comment.id}/add-preview`, {})).body
      .id;
    const form = new FormData();
    form.append("file", new Blob([Buffer.from("\u0089PNG body")], { type: "image/png" }), "frame.png");
    expect((await api.call("POST", `/pictures/preview-files/${previewId}`, form)).status).toBe(201);
    expect((await api.call("PUT", `/actions/preview-files/${previewId}/set-main-preview`, {})).status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
  });

  test("the task's last_preview_file_id is the announced id", async () => {
    expect((await api.call<Row>("GET", `/data/tasks/${taskId}`)).body.last_preview_file_id).toBe(previewId);
    const withTasks = (await api.call<(Row & { tasks: Row[] })[]>("GET", "/data/shots/with-tasks")).body;
    const shot = withTasks.find((s) => s.id === shotId);
    expect(shot?.tasks[0]?.last_preview_file_id).toBe(previewId);
  });

  test("the entity's preview_file_id after set-main-preview is the announced id", async () => {
    expect((await api.call<Row>("GET", `/data/shots/${shotId}`)).body.preview_file_id).toBe(previewId);
    const listed = (await api.call<Row[]>("GET", `/data/sequences/${seqId}/shots`)).body;
    expect(listed.find((s) => s.id === shotId)?.preview_file_id).toBe(previewId);
  });

  test("preview-file:add-file and preview-file:set-main carry the announced id", async () => {
    const events = (await api.call<ZouEvent[]>("GET", "/data/events/last?limit=100")).body;
    const added = events.find((e) => e.name === "preview-file:add-file");
    const main = events.find((e) => e.name === "preview-file:set-main");
    expect(added?.data).toMatchObject({ preview_file_id: previewId, task_id: taskId });
    expect(main?.data).toMatchObject({ preview_file_id: previewId, entity_id: shotId });
    const internal = events.filter((e) => e.name.startsWith("preview-file:") && e.data.preview_file_id !== previewId);
    expect(internal).toEqual([]);
  });
});
