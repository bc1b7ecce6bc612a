import type { Task, Tracker } from "@gadget/core";
import { makeTempFile, removeTempFiles, tinyPng } from "@gadget/core/testing";
import type { FaultProxy } from "@gadget/mock-tracker/fault-proxy";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type Backend, buildStage, commentsOf, connect, previewFile, startProxy, testServer } from "./chaos-fixture.js";

/*
 * Each write Zou does not make idempotent, with its answer lost after the server acted (or refused
 * before it), through the fault proxy to the Kitsu-compatible test server: the write is on the server
 * once, and the call answers as if nothing had happened.
 */

let backend: Backend;
let proxy: FaultProxy;
let clean: Tracker;
let tracker: Tracker;
let task: Task;

afterAll(removeTempFiles);

async function setUp(): Promise<void> {
  backend = await testServer();
  clean = await connect(backend.url, backend);
  const stage = await buildStage(clean, 1);
  proxy = await startProxy(backend, {});
  tracker = await connect(proxy.url, backend);
  task = await tracker.load("task", (stage.tasks[0] as Task).id);
}

afterEach(async () => {
  await tracker?.close();
  await clean?.close();
  await proxy?.close();
  await backend?.close();
});

const previewsOf = (t: Task) =>
  clean.raw.get<{ id: string; original_name: string | null }[]>("data/preview-files", {
    searchParams: { task_id: t.id },
  });

describe("exactly-once writes through lost answers", () => {
  it("a publish whose answer was lost is not posted twice, and answers with the comment and its preview", async () => {
    await setUp();
    proxy.script({ fault: "dropAfter", path: "/api/actions/tasks/*/batch-comment" });
    const comment = await task.comments.new({ comment: "v001", status: "wfa", preview: await previewFile() });
    expect(comment.text).toBe("v001");
    expect(comment.previewIds).toHaveLength(1);
    const found = await commentsOf(clean, task);
    expect(found.byText.get("v001")).toBe(1);
    expect((await previewsOf(task)).map((p) => p.id)).toEqual(comment.previewIds);
    expect(proxy.counts.dropAfter).toBe(1);
  });

  it("a publish answers the same whether or not its answer was lost", async () => {
    await setUp();
    const status = await tracker.taskStatuses.get({ shortName: "wfa" });
    const file = await makeTempFile(tinyPng, "png", "take");
    const data = { text: "v001", statusId: status.id, previews: [file], setMainPreview: true };
    const publish = () => tracker.adapter.publish?.(task.id, data);
    const plain = await publish();
    proxy.script({ fault: "dropAfter", path: "/api/actions/tasks/*/batch-comment" });
    const faulted = await publish();
    // What differs between two publishes of the same data anyway: ids, times, the revision, Zou's own row.
    const stable = ({
      id,
      createdAt,
      updatedAt,
      raw,
      revision,
      previewIds,
      commentId,
      ...rest
    }: Record<string, unknown>) => rest;
    expect(faulted?.comment.id).not.toBe(plain?.comment.id);
    expect(stable(faulted?.comment ?? {})).toEqual(stable(plain?.comment ?? {}));
    expect(faulted?.previews.map(stable)).toEqual(plain?.previews.map(stable));
    expect(faulted?.comment.previewIds).toEqual(faulted?.previews.map((p) => p.id));
    expect(proxy.counts.dropAfter).toBe(1);
  });

  it("a publish refused by a 503 before the server saw it is sent again", async () => {
    await setUp();
    proxy.script({ fault: "serverError", status: 503, path: "/api/actions/tasks/*/batch-comment" });
    await task.comments.new({ comment: "v001", status: "wfa", preview: await previewFile() });
    expect((await commentsOf(clean, task)).byText.get("v001")).toBe(1);
    expect(proxy.counts.serverError).toBe(1);
  });

  it("a second publish of the same text whose answer was lost answers with its own comment, not the first", async () => {
    await setUp();
    const file = await previewFile();
    const first = await task.comments.new({ comment: "same", status: "wfa", preview: file });
    proxy.script({ fault: "resetAfter", path: "/api/actions/tasks/*/batch-comment" });
    const second = await task.comments.new({ comment: "same", status: "wfa", preview: file });
    expect(second.id).not.toBe(first.id);
    expect(second.previewIds).not.toEqual(first.previewIds);
    expect((await commentsOf(clean, task)).byText.get("same")).toBe(2);
  });

  it("a comment posted on the comment route whose answer was lost is not posted twice", async () => {
    await setUp();
    proxy.script({ fault: "dropAfter", path: "/api/actions/tasks/*/comment" });
    const statusId = (await tracker.taskStatuses.get({ shortName: "wfa" })).id;
    const record = await tracker.adapter.comment(task.id, { text: "note", statusId });
    expect(record.text).toBe("note");
    expect((await commentsOf(clean, task)).byText.get("note")).toBe(1);
  });

  it("a preview added to a comment whose answer was lost is created once, then gets its file", async () => {
    await setUp();
    const comment = await task.comments.new({ comment: "v001", status: "wfa" });
    proxy.script({ fault: "dropAfter", path: "/api/actions/tasks/*/comments/*/add-preview" });
    proxy.script({ fault: "resetAfter", path: "/api/pictures/preview-files/*" });
    const preview = await comment.addPreview(await previewFile());
    const rows = await previewsOf(task);
    expect(rows.map((p) => p.id)).toEqual([preview.id]);
    expect(rows[0]?.original_name).toBeTruthy();
    expect(proxy.counts).toMatchObject({ dropAfter: 1, resetAfter: 1 });
  });

  it("attachments whose answer was lost are attached once", async () => {
    await setUp();
    const comment = await task.comments.new({ comment: "notes", status: "wfa" });
    proxy.script({ fault: "dropAfter", path: "/api/actions/tasks/*/comments/*/add-attachment" });
    const notes = await makeTempFile("feedback", "txt", "feedback");
    const attached = await comment.attach([notes.path]);
    expect(attached.map((a) => a.name)).toEqual(["feedback.txt"]);
    const [row] = (await clean.adapter.query("comment", { taskId: task.id })).items;
    expect(row?.attachments.map((a) => a.id)).toEqual(attached.map((a) => a.id));
  });

  it("time added whose answer was lost is counted once", async () => {
    await setUp();
    const me = await tracker.persons.get({ email: backend.login });
    await task.assign(me);
    await task.timeSpent.add(me, "2026-01-09", { hours: 1 });
    proxy.script({ fault: "dropAfter", path: "/api/actions/tasks/*/time-spents/*/persons/*/add" });
    const spent = await task.timeSpent.add(me, "2026-01-09", { hours: 2 });
    expect(spent.duration).toBe(3 * 3600);
    const { items } = await clean.adapter.query("timeSpent", { taskId: task.id });
    expect(items.map((t) => t.duration)).toEqual([3 * 3600]);
  });

  it("addPreview with an already aborted signal crashed the process and left a preview without its file", async () => {
    await setUp();
    const comment = await task.comments.new({ comment: "v001", status: "wfa" });
    const cancelled = AbortSignal.abort(new Error("cancelled by the user"));
    await expect(comment.addPreview(await previewFile(), { signal: cancelled })).rejects.toThrow(
      "cancelled by the user",
    );
    expect(await previewsOf(task)).toEqual([]);
  });
});
