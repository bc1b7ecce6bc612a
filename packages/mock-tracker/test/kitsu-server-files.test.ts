import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

/* Multipart comments, previews and attachments over real sockets (zou.md §2.8, §2.9). */

type Row = Record<string, unknown> & { id: string };

describe("kitsu-server files", () => {
  let server: KitsuServer;
  let api: Api;
  let taskId = "";
  let wip = "";
  let wfa = "";

  beforeAll(async () => {
    ({ server, api } = await adminSession());
    const project = (await api.call<Row>("POST", "/data/projects", { name: "Files" })).body;
    const seq = (await api.call<Row>("POST", `/data/projects/${project.id}/sequences`, { name: "SQ01" })).body;
    const shot = (
      await api.call<Row>("POST", `/data/projects/${project.id}/shots`, { name: "SH01", sequence_id: seq.id })
    ).body;
    const types = (await api.call<Row[]>("GET", "/data/task-types?name=Animation")).body;
    const task = await api.call<Row>("POST", "/data/tasks", { entity_id: shot.id, task_type_id: types[0]?.id });
    expect(task.status).toBe(201);
    taskId = task.body.id;
    const statuses = (await api.call<(Row & { short_name: string })[]>("GET", "/data/task-status")).body;
    wip = statuses.find((s) => s.short_name === "wip")?.id ?? "";
    wfa = statuses.find((s) => s.short_name === "wfa")?.id ?? "";
  });
  afterAll(async () => {
    await server.close();
  });

  test("a multipart comment stores its attachment and serves the same bytes back", async () => {
    const bytes = Buffer.from("reference sheet bytes \u0000\u0001\u0002");
    const form = new FormData();
    form.append("task_status_id", wip);
    form.append("comment", "see attached");
    form.append("file-0", new Blob([bytes], { type: "application/pdf" }), "ref.pdf");
    const res = await api.call<Row & { attachment_files: { id: string; name: string }[] }>(
      "POST",
      `/actions/tasks/${taskId}/comment`,
      form,
    );
    expect(res.status).toBe(201);
    const [file] = res.body.attachment_files;
    expect(file?.name).toBe("ref.pdf");
    const download = await fetch(`${server.url}/data/attachment-files/${file?.id}/file/ref.pdf`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  test("GET /data/attachment-files lists attachments to admins, filtered by comment_id (was a 404)", async () => {
    const form = new FormData();
    form.append("task_status_id", wip);
    form.append("comment", "two files");
    form.append("file-0", new Blob([Buffer.from("a")], { type: "text/plain" }), "a.txt");
    form.append("file-1", new Blob([Buffer.from("bb")], { type: "text/plain" }), "b.txt");
    const comment = (await api.call<Row>("POST", `/actions/tasks/${taskId}/comment`, form)).body;
    const listed = await api.call<Row[]>("GET", `/data/attachment-files?comment_id=${comment.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((r) => [r.name, r.comment_id, r.type])).toEqual([
      ["a.txt", comment.id, "AttachmentFile"],
      ["b.txt", comment.id, "AttachmentFile"],
    ]);
  });

  test("file downloads carry Content-Length, as Zou's send_file does (was missing)", async () => {
    const bytes = Buffer.from("sized attachment");
    const form = new FormData();
    form.append("task_status_id", wip);
    form.append("file-0", new Blob([bytes], { type: "text/plain" }), "sized.txt");
    const res = await api.call<Row & { attachment_files: { id: string }[] }>(
      "POST",
      `/actions/tasks/${taskId}/comment`,
      form,
    );
    const id = res.body.attachment_files[0]?.id;
    const download = await fetch(`${server.url}/data/attachment-files/${id}/file/sized.txt`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(download.headers.get("content-length")).toBe(String(bytes.length));
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  test("the comment moves the task's dates: WIP sets real_start_date, WFA end_date", async () => {
    const task = (await api.call<Row>("GET", `/data/tasks/${taskId}`)).body;
    expect(task.real_start_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    await api.call("POST", `/actions/tasks/${taskId}/comment`, { task_status_id: wfa, comment: "review" });
    const after = (await api.call<Row>("GET", `/data/tasks/${taskId}`)).body;
    expect(after.end_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(after.last_comment_date).not.toBeNull();
  });

  test("add-preview then upload serves the uploaded bytes under the announced id", async () => {
    const comment = (await api.call<Row>("POST", `/actions/tasks/${taskId}/comment`, { task_status_id: wfa })).body;
    const announced = await api.call<Row>("POST", `/actions/tasks/${taskId}/comments/${comment.id}/add-preview`, {});
    expect(announced).toMatchObject({ status: 201, body: { status: "processing", type: "PreviewFile" } });
    const png = Buffer.from("\u0089PNG fake image body");
    const form = new FormData();
    form.append("file", new Blob([png], { type: "image/png" }), "frame.png");
    const uploaded = await api.call<Row>("POST", `/pictures/preview-files/${announced.body.id}`, form);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.id).toBe(announced.body.id);
    const download = await fetch(`${server.url}/pictures/originals/preview-files/${announced.body.id}/download`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
  });

  test("batch-comment posts the comment and its preview in one request", async () => {
    const form = new FormData();
    form.append("comments", JSON.stringify([{ task_status_id: wfa, text: "v2", checklist: [] }]));
    form.append("preview_file-0-0", new Blob([Buffer.from("png v2")], { type: "image/png" }), "v2.png");
    const res = await api.call<(Row & { preview_files: Row[]; text: string })[]>(
      "POST",
      `/actions/tasks/${taskId}/batch-comment`,
      form,
    );
    expect(res.status).toBe(201);
    expect(res.body[0]?.text).toBe("v2");
    expect(res.body[0]?.preview_files).toHaveLength(1);
    const previews = (await api.call<Row[]>("GET", `/data/tasks/${taskId}/previews`)).body;
    expect(previews.map((p) => p.id)).toContain(res.body[0]?.preview_files[0]?.id);
  });
});
