import { expect, test } from "vitest";
import { kinds } from "../../schema/kinds.js";
import type { ComplianceContext } from "../compliance-context.js";
import { commentHistoryCases } from "./comment-history.js";

/** Section 4: comments drive the task's status and retake count (zou.md §3 Task, §8.6). */
export function commentsSection(ctx: ComplianceContext): void {
  test("a comment sets the task's status and is stored as sent", async () => {
    const { status } = ctx.fx;
    const task = await ctx.newShotTask();
    const comment = await ctx.comment(task.id, status.wip.id, "Blocking pass");
    expect(() => kinds.comment.record.parse(comment)).not.toThrow();
    expect(comment).toMatchObject({ taskId: task.id, statusId: status.wip.id, text: "Blocking pass" });
    const after = await ctx.adapter.get("task", task.id);
    expect(after.statusId).toBe(status.wip.id);
    expect(after.lastCommentAt).toBeInstanceOf(Date);
    expect(await ctx.adapter.get("comment", comment.id)).toMatchObject({ taskId: task.id, text: "Blocking pass" });
  });

  test("a comment with the current status leaves the status as it is", async () => {
    const { status } = ctx.fx;
    const task = await ctx.newShotTask();
    await ctx.comment(task.id, status.wip.id);
    const comment = await ctx.comment(task.id, status.wip.id, "still on it");
    expect(comment.statusId).toBe(status.wip.id);
    const after = await ctx.adapter.get("task", task.id);
    expect(after.statusId).toBe(status.wip.id);
    expect(after.nbRetakes).toBe(0);
  });

  test("nbRetakes counts moves into a retake status, not comments made while in retake", async () => {
    const { status } = ctx.fx;
    const task = await ctx.newShotTask();
    const retakes = async () => (await ctx.adapter.get("task", task.id)).nbRetakes;
    await ctx.comment(task.id, status.wfa.id);
    expect(await retakes()).toBe(0);
    await ctx.comment(task.id, status.retake.id, "push the poses");
    expect(await retakes()).toBe(1);
    await ctx.comment(task.id, status.retake.id, "and the timing");
    expect(await retakes()).toBe(1);
    await ctx.comment(task.id, status.wfa.id);
    await ctx.comment(task.id, status.retake.id, "again");
    expect(await retakes()).toBe(2);
    await ctx.comment(task.id, status.done.id);
    const after = await ctx.adapter.get("task", task.id);
    expect(after).toMatchObject({ statusId: status.done.id, nbRetakes: 2 });
  });

  test("checklist items round-trip with distinct ids", async () => {
    const task = await ctx.newShotTask();
    const comment = await ctx.adapter.comment(task.id, {
      statusId: ctx.fx.status.wip.id,
      text: "notes",
      checklist: [{ text: "Block key poses" }, { text: "Check camera", checked: true }],
    });
    expect(comment.checklist.map(({ text, checked }) => ({ text, checked }))).toEqual([
      { text: "Block key poses", checked: false },
      { text: "Check camera", checked: true },
    ]);
    const ids = comment.checklist.map((item) => item.id);
    expect(ids.every((id) => id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(2);
    const again = await ctx.adapter.get("comment", comment.id);
    expect(again.checklist).toEqual(comment.checklist);
  });

  test("a task's comments are listed newest first, as Kitsu lists them (the mock listed them oldest first)", async () => {
    const { status } = ctx.fx;
    const task = await ctx.newShotTask();
    const posted = [];
    for (const text of ["one", "two", "three"]) posted.push(await ctx.comment(task.id, status.wip.id, text));
    const { items } = await ctx.adapter.query("comment", { taskId: task.id });
    expect(items.map((c) => c.text)).toEqual(["three", "two", "one"]);
    expect(items.map((c) => c.id)).toEqual(posted.map((c) => c.id).reverse());
  });

  test("a comment posted without an author is the session's person's, as on Kitsu (the mock left it empty)", async () => {
    const task = await ctx.newShotTask();
    const first = await ctx.comment(task.id, ctx.fx.status.wip.id);
    const second = await ctx.comment(task.id, ctx.fx.status.wfa.id);
    expect(first.authorId).toEqual(expect.any(String));
    expect(second.authorId).toBe(first.authorId);
    const author = await ctx.adapter.get("person", first.authorId as NonNullable<typeof first.authorId>);
    expect(ctx.fx.persons.map((p) => p.id)).not.toContain(author.id);
    expect((await ctx.adapter.get("comment", first.id)).authorId).toBe(author.id);
  });

  test("query(comment, { taskId }) lists the task's comments", async () => {
    const { status } = ctx.fx;
    const task = await ctx.newShotTask();
    const first = await ctx.comment(task.id, status.wip.id, "one");
    const second = await ctx.comment(task.id, status.wfa.id, "two");
    const { items } = await ctx.adapter.query("comment", { taskId: task.id });
    expect(items.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
  });

  commentHistoryCases(ctx);
}
