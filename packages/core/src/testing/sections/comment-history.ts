import { expect, test } from "vitest";
import type { Id } from "../../schema/common.js";
import type { CommentRecord } from "../../schema/reviews.js";
import type { ComplianceContext } from "../compliance-context.js";

/*
 * Comments posted for someone else and with a date (an ingest bot, an importer), and the order of a
 * task's comments with such dates (Zou 1.0.67: comments_service.create_comment, _manage_status_change,
 * tasks_service._prepare_query). The run's session is a studio admin, who may set both.
 */

const at = (iso: string) => new Date(iso);

async function allPages(ctx: ComplianceContext, taskId: Id, limit: number): Promise<CommentRecord[]> {
  const out: CommentRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.adapter.query("comment", { taskId }, { limit, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

/** Registered by the comments section. */
export function commentHistoryCases(ctx: ComplianceContext): void {
  test("a comment posted with an author and a date keeps both (the date to the second)", async () => {
    const { status, persons } = ctx.fx;
    const task = await ctx.newShotTask();
    const author = persons[0].id;
    const comment = await ctx.adapter.comment(task.id, {
      statusId: status.wip.id,
      text: "imported note",
      authorId: author,
      createdAt: at("2021-03-04T05:06:07.890Z"),
    });
    expect(comment).toMatchObject({ authorId: author, text: "imported note" });
    expect(comment.createdAt.toISOString()).toBe("2021-03-04T05:06:07.000Z");
    const again = await ctx.adapter.get("comment", comment.id);
    expect(again.authorId).toBe(author);
    expect(again.createdAt.toISOString()).toBe("2021-03-04T05:06:07.000Z");
    const after = await ctx.adapter.get("task", task.id);
    expect(after.statusId).toBe(status.wip.id);
    expect(after.lastCommentAt?.toISOString()).toBe("2021-03-04T05:06:07.000Z");
  });

  test("a comment dated before the task's last one leaves the task's status as the later one set it", async () => {
    const { status } = ctx.fx;
    const task = await ctx.newShotTask();
    const recent = await ctx.adapter.comment(task.id, {
      statusId: status.wfa.id,
      text: "recent",
      createdAt: at("2022-06-01T10:00:00Z"),
    });
    const old = await ctx.adapter.comment(task.id, {
      statusId: status.retake.id,
      text: "old",
      createdAt: at("2022-05-01T10:00:00Z"),
    });
    const after = await ctx.adapter.get("task", task.id);
    expect(after.statusId).toBe(status.wfa.id);
    expect(after.lastCommentAt?.toISOString()).toBe("2022-06-01T10:00:00.000Z");
    // Replayed in date order: wip... retake (one retake), then wfa.
    expect(after.nbRetakes).toBe(1);
    const { items } = await ctx.adapter.query("comment", { taskId: task.id });
    expect(items.map((c) => c.id)).toEqual([recent.id, old.id]);
  });

  test("a task's comments are listed newest date first, dated and undated alike, the same on every page size", async () => {
    const { status } = ctx.fx;
    const task = await ctx.newShotTask();
    const post = (text: string, createdAt?: string) =>
      ctx.adapter.comment(task.id, {
        statusId: status.wip.id,
        text,
        ...(createdAt ? { createdAt: at(createdAt) } : {}),
      });
    const now = await post("now");
    const y2020 = await post("2020", "2020-01-01T00:00:00Z");
    const tied = [
      await post("tie a", "2021-01-01T12:00:00Z"),
      await post("tie b", "2021-01-01T12:00:00Z"),
      await post("tie c", "2021-01-01T12:00:00Z"),
    ];
    const y2019 = await post("2019", "2019-01-01T00:00:00Z");
    const whole = (await ctx.adapter.query("comment", { taskId: task.id })).items.map((c) => c.id);
    expect(whole[0]).toBe(now.id);
    expect(new Set(whole.slice(1, 4))).toEqual(new Set(tied.map((c) => c.id)));
    expect(whole.slice(4)).toEqual([y2020.id, y2019.id]);
    // Equal dates come in one fixed order (Zou alone returns them in any order).
    for (const limit of [1, 2, 4]) expect((await allPages(ctx, task.id, limit)).map((c) => c.id)).toEqual(whole);
  });
}
