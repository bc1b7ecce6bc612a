import { text } from "node:stream/consumers";
import { NotFoundError, ValidationError } from "@gadget/core";
import { asId } from "@gadget/core/adapter";
import { describe, expect, it } from "vitest";
import { nobody, smallStudio, tempUpload } from "./helpers.js";

describe("MockTracker comments and previews", () => {
  it("a comment sets the task status, counts retakes and stamps lastCommentAt", async () => {
    const { tracker, task, status, artist } = await smallStudio();
    const c1 = await tracker.comment(task.id, { statusId: status.wip.id, text: "Blocking", authorId: artist.id });
    expect(c1).toMatchObject({ text: "Blocking", name: "Blocking", statusId: status.wip.id, authorId: artist.id });
    let t = await tracker.get("task", task.id);
    expect(t.statusId).toBe(status.wip.id);
    expect(t.lastCommentAt).toBeInstanceOf(Date);
    await tracker.comment(task.id, { statusId: status.retake.id, text: "Again" });
    await tracker.comment(task.id, { statusId: status.retake.id, text: "Still" });
    t = await tracker.get("task", task.id);
    expect(t.nbRetakes).toBe(1);
    await tracker.comment(task.id, { statusId: status.wip.id, text: "ok" });
    await tracker.comment(task.id, { statusId: status.retake.id, text: "no" });
    expect((await tracker.get("task", task.id)).nbRetakes).toBe(2);
  });

  it("a comment needs an existing status", async () => {
    const { tracker, task } = await smallStudio();
    await expect(tracker.comment(task.id, { statusId: asId(""), text: "x" })).rejects.toThrow(ValidationError);
    await expect(tracker.comment(task.id, { statusId: nobody, text: "x" })).rejects.toThrow(NotFoundError);
  });

  it("previews grow revisions per task and positions per comment, and download their bytes", async () => {
    const { tracker, task, status, sh010 } = await smallStudio();
    const c1 = await tracker.comment(task.id, { statusId: status.wfa.id, text: "v1" });
    const file = await tempUpload("blocking_v001.png", "PNGDATA");
    const progress: number[] = [];
    const p1 = await tracker.addPreview(task.id, c1.id, file, { onProgress: (p) => progress.push(p.loaded) });
    expect(p1).toMatchObject({ revision: 1, position: 1, name: "blocking_v001", extension: "png", size: 7 });
    expect(p1.status).toBe("ready");
    expect(progress.at(-1)).toBe(7);
    const p2 = await tracker.addPreview(task.id, c1.id, await tempUpload("alt.png", "X"));
    expect(p2).toMatchObject({ revision: 1, position: 2 });
    const c2 = await tracker.comment(task.id, { statusId: status.wfa.id, text: "v2" });
    const p3 = await tracker.addPreview(task.id, c2.id, await tempUpload("v2.mp4", "MOVIE"));
    expect(p3).toMatchObject({ revision: 2, position: 1, extension: "mp4" });
    expect((await tracker.get("comment", c1.id)).previewIds).toEqual([p1.id, p2.id]);
    expect((await tracker.get("task", task.id)).lastPreviewId).toBe(p3.id);

    await tracker.setMainPreview(p1.id);
    expect((await tracker.get("shot", sh010.id)).previewId).toBe(p1.id);
    const download = await tracker.downloadPreview(p1.id);
    expect(download).toMatchObject({ fileName: "blocking_v001.png", size: 7 });
    expect(await text(download.stream)).toBe("PNGDATA");
  });

  it("stores attachments and lists them on the comment", async () => {
    const { tracker, task, status } = await smallStudio();
    const c = await tracker.comment(task.id, {
      statusId: status.todo.id,
      text: "refs",
      attachments: [await tempUpload("notes.txt", "hello")],
    });
    expect(c.attachments).toHaveLength(1);
    expect(c.attachments[0]).toMatchObject({ name: "notes.txt", extension: "txt", size: 5 });
    const [more] = await tracker.addAttachments(c.id, [await tempUpload("sheet.png", "img")]);
    expect(more).toMatchObject({ name: "sheet.png", commentId: c.id, mimetype: "image/png" });
    expect((await tracker.get("comment", c.id)).attachments.map((a) => a.name)).toEqual(["notes.txt", "sheet.png"]);
    const first = c.attachments[0];
    if (!first) throw new Error("no attachment");
    expect(await text((await tracker.downloadAttachment(first.id)).stream)).toBe("hello");
  });

  it("an aborted upload rejects with the signal's reason and writes nothing", async () => {
    const { tracker, task, status } = await smallStudio();
    const c = await tracker.comment(task.id, { statusId: status.wfa.id, text: "v1" });
    const controller = new AbortController();
    const reason = new Error("stop");
    controller.abort(reason);
    const file = await tempUpload("a.png", "data");
    await expect(tracker.addPreview(task.id, c.id, file, { signal: controller.signal })).rejects.toBe(reason);
    expect((await tracker.query("preview", { taskId: task.id })).items).toEqual([]);
  });

  it("deleting a comment recomputes the task's status, retakes and lastCommentAt from the comments left", async () => {
    // A clock that moves on every read, so that each comment has its own createdAt.
    let clock = Date.parse("2026-01-01T00:00:00Z");
    const now = () => {
      clock += 1000;
      return new Date(clock);
    };
    const { tracker, task, status } = await smallStudio({ seed: 7, now });
    const wip = await tracker.comment(task.id, { statusId: status.wip.id, text: "start" });
    await tracker.comment(task.id, { statusId: status.retake.id, text: "redo" });
    await tracker.comment(task.id, { statusId: status.wip.id, text: "again" });
    const last = await tracker.comment(task.id, { statusId: status.retake.id, text: "redo 2" });
    expect((await tracker.get("task", task.id)).nbRetakes).toBe(2);

    await tracker.remove("comment", last.id);
    let t = await tracker.get("task", task.id);
    expect(t).toMatchObject({ statusId: status.wip.id, nbRetakes: 1 });
    const comments = (await tracker.query("comment", { taskId: task.id })).items;
    expect(t.lastCommentAt).toEqual(comments[0]?.createdAt); // newest first, as Kitsu lists them

    for (const c of comments.filter((c) => c.id !== wip.id)) await tracker.remove("comment", c.id);
    t = await tracker.get("task", task.id);
    expect(t).toMatchObject({ statusId: status.wip.id, nbRetakes: 0, lastCommentAt: wip.createdAt });

    await tracker.remove("comment", wip.id);
    t = await tracker.get("task", task.id);
    expect(t).toMatchObject({ statusId: status.todo.id, nbRetakes: 0, lastCommentAt: null });
  });

  it("deleting a comment left the task's last preview and the shot's main preview pointing at deleted previews", async () => {
    const { tracker, task, status, sh010 } = await smallStudio();
    const c = await tracker.comment(task.id, { statusId: status.wfa.id, text: "v1" });
    const p = await tracker.addPreview(task.id, c.id, await tempUpload("v1.png", "PNG"));
    await tracker.setMainPreview(p.id);
    await tracker.remove("comment", c.id);
    expect((await tracker.get("task", task.id)).lastPreviewId).toBeNull();
    expect((await tracker.get("shot", sh010.id)).previewId).toBeNull();
    await expect(tracker.get("preview", p.id)).rejects.toThrow(NotFoundError);
  });
});
