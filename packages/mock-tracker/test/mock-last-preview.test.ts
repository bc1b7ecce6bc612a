import { expect, it } from "vitest";
import { smallStudio, tempUpload } from "./helpers.js";

it("a comment's second preview leaves the task's lastPreviewId on the first, as Zou (the mock moved it to the last)", async () => {
  const { tracker, task, status } = await smallStudio();
  const comment = await tracker.comment(task.id, { statusId: status.wfa.id, text: "two files" });
  const first = await tracker.addPreview(task.id, comment.id, await tempUpload("a.png", "A"));
  await tracker.addPreview(task.id, comment.id, await tempUpload("b.png", "B"));
  expect((await tracker.get("task", task.id)).lastPreviewId).toBe(first.id);
});
