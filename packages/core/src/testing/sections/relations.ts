import { expect, test } from "vitest";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";
import { sorted, unknownId } from "../helpers/records.js";
import { makeTempFile, tinyPng } from "../helpers/temp-file.js";

/**
 * Part of section 1: the project's relation lists and playlist entries. Kitsu answers the team and
 * settings writes with the bare project, without those lists (recorded 057-066), so an adapter
 * must not hand that answer back as the record.
 */
export function relationsTests(ctx: ComplianceContext): void {
  test("project: addToProject and addTeamMember show in the project record", async () => {
    const { project, persons, status, shotTaskType, assetTaskType, assetType } = ctx.fx;
    const again = await ctx.adapter.get("project", project.id);
    expect(again.team).toEqual(expect.arrayContaining(persons.map((p) => p.id)));
    expect(again.taskStatusIds).toEqual(expect.arrayContaining(Object.values(status).map((s) => s.id)));
    expect(again.taskTypeIds).toEqual(expect.arrayContaining([shotTaskType.id, assetTaskType.id]));
    expect(again.assetTypeIds).toContain(assetType.id);
  });

  test("project: removeTeamMember takes the person out of the team, addTeamMember puts them back", async () => {
    const { project, persons } = ctx.fx;
    const person = persons[1];
    const without = await ctx.adapter.removeTeamMember(project.id, person.id);
    expect(without.team).not.toContain(person.id);
    expect((await ctx.adapter.get("project", project.id)).team).not.toContain(person.id);
    const back = await ctx.adapter.addTeamMember(project.id, person.id);
    expect(back.team).toContain(person.id);
  });

  test("project: a new tvshow has its first episode E01, as on Kitsu (the mock made none)", async (t) => {
    t.skip(!ctx.has("episodes"), "capabilities.episodes is false");
    const show = await ctx.adapter.create("project", { name: `Gadget TV E01 ${ctx.suffix}`, productionType: "tvshow" });
    ctx.trackProject(show.id);
    const { items } = await ctx.adapter.query("episode", { projectId: show.id });
    expect(items.map((e) => e.name)).toEqual(["E01"]);
    const flat = await ctx.adapter.query("episode", { projectId: ctx.fx.project.id });
    expect(flat.items).toEqual([]);
  });

  test("person: departmentIds are saved (the Kitsu-compatible server dropped them silently)", async () => {
    const person = ctx.fx.persons[0];
    const departments = [];
    for (const n of [1, 2]) {
      const dept = await ctx.adapter.create("department", { name: `Gadget Dept ${n} ${ctx.suffix}` });
      ctx.track("department", dept.id);
      departments.push(dept.id);
    }
    const after = await ctx.adapter.update("person", person.id, { departmentIds: departments });
    expect(sorted(after.departmentIds)).toEqual(sorted(departments));
    expect(sorted((await ctx.adapter.get("person", person.id)).departmentIds)).toEqual(sorted(departments));
    expect((await ctx.adapter.update("person", person.id, { departmentIds: [] })).departmentIds).toEqual([]);
    // Kitsu drops an unknown department from the list without a word: the adapter refuses it first.
    await expectTrackerError(ctx.adapter.update("person", person.id, { departmentIds: [unknownId()] }), "NOT_FOUND");
  });

  test("playlist: entries are added and removed by entity", async (t) => {
    t.skip(!ctx.has("playlists"), "capabilities.playlists is false");
    const playlist = await ctx.adapter.create("playlist", {
      name: ctx.name("playlist"),
      projectId: ctx.fx.project.id,
      forEntity: "shot",
    });
    const [a, b] = [await ctx.newShot(), await ctx.newShot()];
    const added = await ctx.adapter.addPlaylistEntries(playlist.id, [
      { entityId: a.id, previewId: null },
      { entityId: b.id, previewId: null },
    ]);
    expect(added.entries).toEqual([
      { entityId: a.id, previewId: null },
      { entityId: b.id, previewId: null },
    ]);
    const left = await ctx.adapter.removePlaylistEntries(playlist.id, [a.id]);
    expect(left.entries).toEqual([{ entityId: b.id, previewId: null }]);
    expect((await ctx.adapter.get("playlist", playlist.id)).entries).toEqual(left.entries);
  });

  test("playlist: an entity added without a preview gets its latest one, and may come again under another preview (the mock kept null and replaced entries by entity)", async (t) => {
    t.skip(!ctx.has("playlists"), "capabilities.playlists is false");
    const { status } = ctx.fx;
    const playlist = await ctx.adapter.create("playlist", {
      name: ctx.name("playlist"),
      projectId: ctx.fx.project.id,
      forEntity: "shot",
    });
    const task = await ctx.newShotTask();
    const shot = task.entityId;
    const v1 = await ctx.comment(task.id, status.wfa.id, "v1");
    const p1 = await ctx.adapter.addPreview(task.id, v1.id, await makeTempFile(tinyPng, "png", "v1"));
    const v2 = await ctx.comment(task.id, status.wfa.id, "v2");
    const p2 = await ctx.adapter.addPreview(task.id, v2.id, await makeTempFile(tinyPng, "png", "v2"));
    const bare = await ctx.newShot();

    const latest = await ctx.adapter.addPlaylistEntries(playlist.id, [{ entityId: shot, previewId: null }]);
    expect(latest.entries).toEqual([{ entityId: shot, previewId: p2.id }]);
    const both = await ctx.adapter.addPlaylistEntries(playlist.id, [
      { entityId: shot, previewId: p1.id },
      { entityId: shot, previewId: null },
      { entityId: bare.id, previewId: null },
    ]);
    const expected = [
      { entityId: shot, previewId: p2.id },
      { entityId: shot, previewId: p1.id },
      { entityId: bare.id, previewId: null },
    ];
    expect(both.entries).toEqual(expected);
    expect((await ctx.adapter.get("playlist", playlist.id)).entries).toEqual(expected);
    const left = await ctx.adapter.removePlaylistEntries(playlist.id, [shot]);
    expect(left.entries).toEqual([{ entityId: bare.id, previewId: null }]);
  });
}
