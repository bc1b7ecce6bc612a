import { ValidationError } from "@gadget/core";
import type { EventRecord } from "@gadget/core/adapter";
import { describe, expect, it } from "vitest";
import { createRow } from "../src/ops/crud.js";
import { flush, smallStudio, tempUpload } from "./helpers.js";

async function recording(setup: Awaited<ReturnType<typeof smallStudio>>) {
  const events: EventRecord[] = [];
  setup.tracker.subscribe((e) => events.push(e));
  return events;
}

const names = (events: EventRecord[]) => events.map((e) => e.name);

describe("events", () => {
  it("are delivered after the write, never inside it", async () => {
    const s = await smallStudio();
    const events = await recording(s);
    // The write itself is synchronous: a handler run inside it would have been called by now.
    const seq = createRow(s.tracker.studio, "sequence", { name: "sq020", projectId: s.project.id });
    expect(events).toEqual([]);
    await flush();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      name: "sequence:new",
      kind: "sequence",
      action: "new",
      id: seq.id,
      projectId: s.project.id,
      data: { sequenceId: seq.id },
    });
  });

  it("follow Zou for shot create, update, cancel and forced delete", async () => {
    const s = await smallStudio();
    const events = await recording(s);
    const shot = await s.tracker.create("shot", { name: "sh030", projectId: s.project.id, sequenceId: s.seq.id });
    await s.tracker.update("shot", shot.id, { frameIn: 1 });
    expect(await s.tracker.remove("shot", s.sh010.id)).toEqual({ outcome: "canceled" });
    expect(await s.tracker.remove("shot", s.sh010.id, { force: true })).toEqual({ outcome: "deleted" });
    await flush();
    expect(names(events)).toEqual(["shot:new", "shot:update", "shot:update", "task:delete", "shot:delete"]);
    expect(events[0]?.data).toEqual({ shotId: shot.id, episodeId: null });
    expect(events[3]?.data).toEqual({ taskId: s.task.id, entityId: s.sh010.id, taskTypeId: s.anim.id });
  });

  it("follow Zou for comments, previews and main preview", async () => {
    const s = await smallStudio();
    const events = await recording(s);
    const c = await s.tracker.comment(s.task.id, { statusId: s.status.wfa.id, text: "v1", authorId: s.artist.id });
    const p = await s.tracker.addPreview(s.task.id, c.id, await tempUpload("v1.png", "x"));
    await s.tracker.setMainPreview(p.id);
    await flush();
    expect(names(events)).toEqual([
      "comment:new",
      "task:update",
      "task:status-changed",
      "task:to-review",
      "news:new",
      "preview-file:new",
      "comment:update",
      "preview-file:update",
      "comment:update",
      "preview-file:add-file",
      "preview-file:set-main",
      "shot:update",
    ]);
    expect(events[2]?.data).toEqual({
      taskId: s.task.id,
      newTaskStatusId: s.status.wfa.id,
      previousTaskStatusId: s.status.todo.id,
      personId: s.artist.id,
    });
    expect(events[9]?.data).toEqual({
      commentId: c.id,
      taskId: s.task.id,
      previewFileId: p.id,
      revision: 1,
      extension: "png",
      status: "ready",
    });
  });

  it("a comment that keeps the status sends no status change, and notifies assignees but not the author", async () => {
    const s = await smallStudio();
    const other = await s.tracker.create("person", { firstName: "Bo", lastName: "Ng" });
    await s.tracker.assign(s.task.id, [s.artist.id, other.id]);
    await flush();
    const events = await recording(s);
    await s.tracker.comment(s.task.id, { statusId: s.status.todo.id, text: "note", authorId: s.artist.id });
    await flush();
    expect(names(events)).toEqual(["comment:new", "task:update", "notification:new", "news:new"]);
    expect(events[2]?.data).toMatchObject({ personId: other.id });
  });

  it("follow Zou for assignment, time spent, casting, playlists and team", async () => {
    const s = await smallStudio();
    const events = await recording(s);
    await s.tracker.assign(s.task.id, [s.artist.id]);
    await s.tracker.setTimeSpent(s.task.id, s.artist.id, "2026-01-05", 3600);
    await s.tracker.addTimeSpent(s.task.id, s.artist.id, "2026-01-05", 600);
    await s.tracker.setCasting(s.sh010.id, [{ assetId: s.hero.id, occurrences: 1, label: "" }]);
    const playlist = await s.tracker.create("playlist", { name: "Dailies", projectId: s.project.id });
    await s.tracker.addPlaylistEntries(playlist.id, [{ entityId: s.sh010.id, previewId: null }]);
    await s.tracker.addTeamMember(s.project.id, s.artist.id);
    await s.tracker.unassign(s.task.id, [s.artist.id]);
    await flush();
    expect(names(events)).toEqual([
      "task:assign",
      "task:update",
      "notification:new",
      // The assignee joins the team (Zou's add_team_member); adding them again later says nothing.
      "project:update",
      "person:update",
      "time-spent:new",
      "task:update",
      "time-spent:update",
      "task:update",
      "shot:casting-update",
      "playlist:new",
      "playlist:add_entity",
      "task:unassign",
      "task:update",
    ]);
    expect(events[9]?.data).toEqual({
      shotId: s.sh010.id,
      nbEntitiesOut: 1,
      addedAssetIds: [s.hero.id],
      removedAssetIds: [],
    });
    expect(events[3]).toMatchObject({
      name: "project:update",
      projectId: s.project.id,
      data: { projectId: s.project.id },
    });
  });

  it("replay from a cursor or a date, by project, a page at a time", async () => {
    const s = await smallStudio({ seed: 3 });
    const first = await s.tracker.eventsSince("0", { limit: 5 });
    expect(first.events).toHaveLength(5);
    const second = await s.tracker.eventsSince(first.cursor ?? "", { limit: 5 });
    expect(Number(second.events[0]?.cursor)).toBe(Number(first.cursor) + 1);
    const all = await s.tracker.eventsSince(new Date(0), { limit: 1000 });
    expect(all.events.map((e) => e.name)).toContain("shot:new");
    const inProject = await s.tracker.eventsSince("0", { limit: 1000, projectId: s.project.id });
    expect(inProject.events.every((e) => e.projectId === s.project.id)).toBe(true);
    expect(inProject.events.length).toBeLessThan(all.events.length);
    const last = await s.tracker.eventsSince(all.cursor ?? "");
    expect(last).toEqual({ events: [], cursor: all.cursor });
  });

  it("eventsSince refused an ISO timestamp, which the Kitsu adapter reads as a time (naive means UTC)", async () => {
    let clock = Date.parse("2026-01-05T09:00:00Z");
    const now = () => new Date(clock);
    const s = await smallStudio({ seed: 3, now });
    clock = Date.parse("2026-01-05T10:00:00Z");
    await s.tracker.create("department", { name: "VFX" });
    for (const since of ["2026-01-05T09:30:00", "2026-01-05T09:30:00Z", "2026-01-05 10:30:00+01:00"]) {
      const page = await s.tracker.eventsSince(since);
      expect(
        page.events.map((e) => e.name),
        since,
      ).toEqual(["department:new"]);
    }
    expect((await s.tracker.eventsSince("2026-01-05")).events.length).toBeGreaterThan(1);
    expect((await s.tracker.eventsSince("2026-01-05T10:00:00")).events).toEqual([]);
    await expect(s.tracker.eventsSince("yesterday")).rejects.toThrow(ValidationError);
    await expect(s.tracker.eventsSince(new Date(Number.NaN))).rejects.toThrow(ValidationError);
  });

  it("a throwing handler does not break the write or other handlers", async () => {
    const errors: unknown[] = [];
    const s = await smallStudio({ seed: 1, onHandlerError: (e) => errors.push(e) });
    const seen: string[] = [];
    s.tracker.subscribe(() => {
      throw new Error("boom");
    });
    const off = s.tracker.subscribe((e) => seen.push(e.name));
    await s.tracker.create("department", { name: "VFX" });
    await flush();
    off();
    await s.tracker.create("department", { name: "Lighting" });
    await flush();
    expect(seen).toEqual(["department:new"]);
    expect(errors).toHaveLength(2);
  });
});
