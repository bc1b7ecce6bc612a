import { afterAll, beforeAll, expect, test } from "vitest";
import type { EventRecord } from "../../adapter/event-record.js";
import type { Id } from "../../schema/common.js";
import type { ComplianceContext } from "../compliance-context.js";
import { makeTempFile, tinyPng } from "../helpers/temp-file.js";
import { eventHistoryTests } from "./event-history.js";
import { EventRecorder, warmUp } from "./event-recorder.js";

/** Shared by the live tests and the history tests that compare with them. */
export interface EventsState {
  log: EventRecorder;
  /** Ids of records made after the subscription was live: their events must all be delivered. */
  watched: Set<Id>;
}

/** Section 12: every write emits its event (zou.md §6), with the project's id; unsubscribe stops delivery. */
export function eventsSection(ctx: ComplianceContext): void {
  const state: EventsState = { log: new EventRecorder(ctx.eventTimeoutMs), watched: new Set() };
  const { log, watched } = state;
  let shotId: Id | undefined;

  beforeAll(async () => {
    if (!ctx.has("events")) return;
    const scratch = await ctx.newShot();
    log.start(ctx.adapter);
    await warmUp(ctx.adapter, log, scratch.id);
  });
  afterAll(() => log.unsubscribe());

  const inProject = (event: EventRecord) => expect(event.projectId).toBe(ctx.fx.project.id);
  const shot = () => {
    expect(shotId, "the shot:new test creates the shot the next tests use").toBeDefined();
    return shotId!;
  };

  test("shot:new and shot:update", async () => {
    const created = await ctx.newShot();
    shotId = created.id;
    watched.add(created.id);
    const made = await log.next("shot:new", created.id);
    inProject(made);
    expect(made).toMatchObject({ kind: "shot", action: "new", data: { shotId: created.id } });
    expect(made.at).toBeInstanceOf(Date);
    await ctx.adapter.update("shot", created.id, { description: "events" });
    inProject(await log.next("shot:update", created.id));
  });

  test("comment:new and task:status-changed", async () => {
    const { status } = ctx.fx;
    const task = await ctx.newTask(shot());
    watched.add(task.id);
    const comment = await ctx.comment(task.id, status.wip.id, "events");
    watched.add(comment.id);
    const posted = await log.next("comment:new", comment.id);
    inProject(posted);
    expect(posted.data).toMatchObject({ commentId: comment.id, taskId: task.id, taskStatusId: status.wip.id });
    const changed = await log.next("task:status-changed", task.id);
    inProject(changed);
    expect(changed.data).toMatchObject({
      taskId: task.id,
      newTaskStatusId: status.wip.id,
      previousTaskStatusId: status.todo.id,
    });
  });

  test("preview-file:add-file and preview-file:set-main", async (t) => {
    t.skip(!ctx.has("previews"), "capabilities.previews is false");
    const [task] = (await ctx.adapter.query("task", { entityId: shot() })).items;
    const comment = await ctx.comment(task!.id, ctx.fx.status.wfa.id, "preview");
    const preview = await ctx.adapter.addPreview(task!.id, comment.id, await makeTempFile(tinyPng, "png", "ev"));
    watched.add(preview.id);
    const added = await log.next("preview-file:add-file", preview.id);
    inProject(added);
    expect(added.data).toMatchObject({ previewFileId: preview.id, commentId: comment.id, taskId: task!.id });
    expect(added.data.revision).toBe(preview.revision);
    await ctx.adapter.setMainPreview(preview.id);
    const main = await log.next("preview-file:set-main", preview.id);
    inProject(main);
    expect(main.data).toMatchObject({ entityId: shot(), previewFileId: preview.id });
  });

  test("shot:casting-update", async (t) => {
    t.skip(!ctx.has("casting"), "capabilities.casting is false");
    const asset = await ctx.newAsset();
    const from = log.events.length;
    await ctx.adapter.setCasting(shot(), [{ assetId: asset.id, occurrences: 1, label: "" }]);
    const cast = await log.next("shot:casting-update", shot(), from);
    inProject(cast);
    expect(cast.data).toMatchObject({ shotId: shot(), addedAssetIds: [asset.id], removedAssetIds: [] });
  });

  test("shot:casting-update lists its asset ids sorted, as Zou does (the mock listed them in casting order)", async (t) => {
    t.skip(!ctx.has("casting"), "capabilities.casting is false");
    const assets = [await ctx.newAsset(), await ctx.newAsset(), await ctx.newAsset()];
    const cast = async (list: typeof assets) => {
      const from = log.events.length;
      await ctx.adapter.setCasting(
        shot(),
        list.map((a) => ({ assetId: a.id, occurrences: 1, label: "" })),
      );
      return (await log.next("shot:casting-update", shot(), from)).data;
    };
    const ids = (list: typeof assets) => list.map((a) => a.id).sort();
    const added = await cast([...assets].reverse());
    expect(added.addedAssetIds).toEqual(ids(assets));
    const removed = await cast([]);
    expect(removed.removedAssetIds).toEqual(ids(assets));
  });

  test("task:assign and time-spent:new", async () => {
    const [task] = (await ctx.adapter.query("task", { entityId: shot() })).items;
    const person = ctx.fx.persons[0];
    await ctx.adapter.assign(task!.id, [person.id]);
    const assigned = await log.next("task:assign", task!.id);
    inProject(assigned);
    expect(assigned.data).toMatchObject({ taskId: task!.id, personId: person.id });
    if (!ctx.has("timeTracking")) return;
    const spent = await ctx.adapter.setTimeSpent(task!.id, person.id, "2025-02-03", 1800);
    watched.add(spent.id);
    const logged = await log.next("time-spent:new", spent.id);
    inProject(logged);
    expect(logged.data).toMatchObject({ timeSpentId: spent.id });
  });

  test("shot:delete", async () => {
    await ctx.adapter.remove("shot", shot(), { force: true });
    const gone = await log.next("shot:delete", shot());
    inProject(gone);
    expect(gone.data).toMatchObject({ shotId: shot() });
  });

  test("after unsubscribe, a handler gets nothing more", async () => {
    const other = new EventRecorder(ctx.eventTimeoutMs);
    other.start(ctx.adapter);
    const first = await ctx.newShot();
    await other.next("shot:new", first.id);
    other.unsubscribe();
    const delivered = other.events.length;
    const second = await ctx.newShot();
    await log.next("shot:new", second.id);
    expect(other.events).toHaveLength(delivered);
  });

  eventHistoryTests(ctx, state);

  // Last of the section: it needs the session's first listener, so the section's own goes first.
  test("a record changed as listening starts, then again: both changes arrive (the second was taken for a copy of the first)", async () => {
    log.unsubscribe();
    const changed = await ctx.newShot();
    const fresh = new EventRecorder(ctx.eventTimeoutMs);
    fresh.start(ctx.adapter);
    try {
      // On a network tracker, likely before the socket is up: the stream's first replay brings it.
      await ctx.adapter.update("shot", changed.id, { description: "first change" });
      const first = await fresh.next("shot:update", changed.id);
      await ctx.adapter.update("shot", changed.id, { description: "second change" });
      await fresh.next("shot:update", changed.id, fresh.events.indexOf(first) + 1);
    } finally {
      fresh.unsubscribe();
    }
  });
}
