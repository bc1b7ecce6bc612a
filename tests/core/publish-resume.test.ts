import { PartialWriteError } from "@gadget/core";
import { expect, test } from "vitest";
import { demoSession, tempFile } from "./helpers.js";

test("a publish stopped by a PartialWriteError is finished from the comment it names", async () => {
  const { mock, tracker, project } = await demoSession();
  const shot = await project.shots.get({ name: "sh030", sequence: "sq010" });
  const task = await shot.tasks.fetch("Animation");
  const movie = await tempFile("sh030_v004.mp4");
  mock.faults.failNext("addPreview", 1, "network");

  const error = await task.comments
    .new({ comment: "v004", status: "wfa", preview: [movie], setMainPreview: true })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PartialWriteError);
  if (!(error instanceof PartialWriteError) || error.written.operation !== "publish") throw error;
  const { comment: commentId, previews } = error.written.ids;
  expect(previews).toEqual([]);

  const comment = await tracker.load("comment", commentId);
  const preview = await comment.addPreview(movie, { setMain: true });
  expect(preview.commentId).toBe(comment.id);
  expect(shot.previewId).toBe(preview.id);
  expect((await comment.previews.all()).map((p) => p.id)).toEqual([preview.id]);
});

test("comment.attach() checks its files before the first upload", async () => {
  const { tracker, project } = await demoSession();
  const task = await (await project.shots.get({ name: "sh010", sequence: "sq020" })).tasks.fetch("Layout");
  const comment = await task.comments.new({ comment: "notes" });
  const notes = await tempFile("notes.txt", "frame 12: the hands");
  await expect(comment.attach([notes, "/nope/missing.pdf"])).rejects.toThrow(/\/nope\/missing\.pdf/);
  expect(await (await tracker.load("comment", comment.id)).attachments.all()).toEqual([]);
  const [attachment] = await comment.attach([notes]);
  expect(attachment?.name).toBe("notes.txt");
});
