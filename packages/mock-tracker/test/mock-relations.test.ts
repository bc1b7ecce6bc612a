import { NotFoundError, PermissionError, ValidationError } from "@gadget/core";
import { describe, expect, it } from "vitest";
import { nobody, smallStudio } from "./helpers.js";

describe("casting", () => {
  it("replaces the whole casting and answers castIn", async () => {
    const { tracker, sh010, sh020, hero, project, chars } = await smallStudio();
    const villain = await tracker.create("asset", { name: "Villain", projectId: project.id, assetTypeId: chars.id });
    await tracker.setCasting(sh010.id, [
      { assetId: hero.id, occurrences: 2, label: "" },
      { assetId: villain.id, occurrences: 1, label: "bg" },
    ]);
    await tracker.setCasting(sh020.id, [{ assetId: hero.id, occurrences: 1, label: "" }]);
    expect(await tracker.setCasting(sh010.id, [{ assetId: villain.id, occurrences: 3, label: "" }])).toEqual([
      { assetId: villain.id, occurrences: 3, label: "" },
    ]);
    expect(await tracker.getCasting(sh010.id)).toEqual([{ assetId: villain.id, occurrences: 3, label: "" }]);
    expect(await tracker.castIn(hero.id)).toEqual([
      { entityId: sh020.id, entityKind: "shot", occurrences: 1, label: "" },
    ]);
  });

  it("only casts assets", async () => {
    const { tracker, sh010, sh020 } = await smallStudio();
    await expect(tracker.setCasting(sh010.id, [{ assetId: sh020.id, occurrences: 1, label: "" }])).rejects.toThrow(
      ValidationError,
    );
    await expect(tracker.setCasting(sh010.id, [{ assetId: nobody, occurrences: 1, label: "" }])).rejects.toThrow(
      NotFoundError,
    );
  });

  it("forgets a force-deleted asset's casting", async () => {
    const { tracker, sh010, hero } = await smallStudio();
    await tracker.setCasting(sh010.id, [{ assetId: hero.id, occurrences: 1, label: "" }]);
    await tracker.remove("asset", hero.id, { force: true });
    expect(await tracker.getCasting(sh010.id)).toEqual([]);
  });
});

describe("time spent", () => {
  it("set replaces the day's row, add adds to it, the task duration is the sum", async () => {
    const { tracker, task, artist } = await smallStudio();
    await tracker.assign(task.id, [artist.id]);
    const a = await tracker.setTimeSpent(task.id, artist.id, "2026-01-05", 3600);
    const b = await tracker.addTimeSpent(task.id, artist.id, "2026-01-05", 1800);
    expect(b.id).toBe(a.id);
    expect(b.duration).toBe(5400);
    await tracker.setTimeSpent(task.id, artist.id, "2026-01-05", 600);
    await tracker.addTimeSpent(task.id, artist.id, "2026-01-06", 1200);
    expect((await tracker.get("task", task.id)).duration).toBe(1800);
    expect((await tracker.query("timeSpent", { taskId: task.id })).items).toHaveLength(2);
  });

  it("time spent for a person the task is not assigned to is a PermissionError, as Kitsu's 403 (recorded 173)", async () => {
    const { tracker, task, artist } = await smallStudio();
    const error = await tracker.setTimeSpent(task.id, artist.id, "2026-01-05", 3600).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as Error).message).toMatch(/not assigned/);
    expect((await tracker.query("timeSpent", { taskId: task.id })).items).toEqual([]);
  });

  it("refuses zero, negative and undated time", async () => {
    const { tracker, task, artist } = await smallStudio();
    await expect(tracker.setTimeSpent(task.id, artist.id, "2026-01-05", 0)).rejects.toThrow(ValidationError);
    await expect(tracker.addTimeSpent(task.id, artist.id, "2026-01-05", -5)).rejects.toThrow(ValidationError);
    await expect(tracker.setTimeSpent(task.id, artist.id, "5 Jan", 60)).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe("assignment, playlists, team, settings", () => {
  it("assigns and unassigns existing persons", async () => {
    const { tracker, task, artist } = await smallStudio();
    expect((await tracker.assign(task.id, [artist.id, artist.id])).assigneeIds).toEqual([artist.id]);
    await expect(tracker.assign(task.id, [nobody])).rejects.toThrow(NotFoundError);
    expect((await tracker.unassign(task.id, [artist.id])).assigneeIds).toEqual([]);
  });

  it("adds and removes playlist entries", async () => {
    const { tracker, project, sh010, sh020 } = await smallStudio();
    const playlist = await tracker.create("playlist", { name: "Dailies", projectId: project.id });
    expect(playlist).toMatchObject({ forEntity: "shot", forClient: false, entries: [] });
    await tracker.addPlaylistEntries(playlist.id, [
      { entityId: sh010.id, previewId: null },
      { entityId: sh020.id, previewId: null },
    ]);
    const after = await tracker.removePlaylistEntries(playlist.id, [sh010.id]);
    expect(after.entries).toEqual([{ entityId: sh020.id, previewId: null }]);
  });

  it("edits the team and the project's enabled types and statuses", async () => {
    const { tracker, project, artist, anim, status, chars } = await smallStudio();
    expect((await tracker.addTeamMember(project.id, artist.id)).team).toEqual([artist.id]);
    await tracker.addToProject(project.id, "taskType", anim.id);
    await tracker.addToProject(project.id, "taskStatus", status.wip.id);
    const p = await tracker.addToProject(project.id, "assetType", chars.id);
    expect(p).toMatchObject({ taskTypeIds: [anim.id], taskStatusIds: [status.wip.id], assetTypeIds: [chars.id] });
    expect((await tracker.removeTeamMember(project.id, artist.id)).team).toEqual([]);
    await expect(tracker.addToProject(project.id, "taskType", chars.id)).rejects.toThrow(NotFoundError);
  });

  it("search matches names case-insensitively, by project and kind", async () => {
    const { tracker, project, sh010, sh020, artist } = await smallStudio();
    expect((await tracker.search("SH0")).map((h) => h.id)).toEqual([sh010.id, sh020.id]);
    expect(await tracker.search("ada", { kinds: ["person"] })).toEqual([
      { kind: "person", id: artist.id, name: "Ada Lane", projectId: null },
    ]);
    expect(await tracker.search("her", { projectId: project.id, limit: 1 })).toHaveLength(1);
  });

  it("search follows Kitsu's indexes: words of type, sequence, description and custom data; open projects; a limit per kind", async () => {
    const { tracker, project, sh010, sh020 } = await smallStudio();
    await tracker.update("shot", sh020.id, { description: "Rooftop chase", customData: { lens: "anamorphic" } });
    const found = async (text: string) => (await tracker.search(text)).map((h) => h.name);
    expect(await found("character her")).toEqual(["Hero"]);
    expect(await found("sq010 sh020")).toEqual(["sh020"]);
    expect(await found("roof")).toEqual(["sh020"]);
    expect(await found("anamor")).toEqual(["sh020"]);
    expect(await found("ero")).toEqual([]);
    expect((await tracker.search("sh0", { limit: 1 })).map((h) => h.id)).toEqual([sh010.id]);
    expect(await tracker.search("sq010", { kinds: ["sequence", "episode"] })).toEqual([]);
    expect(await tracker.search("sh")).toEqual([]);
    await tracker.update("project", project.id, { status: "closed" });
    expect(await tracker.search("Hero")).toEqual([]);
  });
});

describe("removal", () => {
  it("cancels a shot with tasks unless forced, and deletes its tasks and reviews when forced", async () => {
    const { tracker, sh010, task, status } = await smallStudio();
    await tracker.comment(task.id, { statusId: status.wip.id, text: "x" });
    expect(await tracker.remove("shot", sh010.id)).toEqual({ outcome: "canceled" });
    expect((await tracker.get("shot", sh010.id)).canceled).toBe(true);
    expect(await tracker.remove("shot", sh010.id, { force: true })).toEqual({ outcome: "deleted" });
    await expect(tracker.get("shot", sh010.id)).rejects.toThrow(NotFoundError);
    await expect(tracker.get("task", task.id)).rejects.toThrow(NotFoundError);
    expect((await tracker.query("comment", { taskId: task.id })).items).toEqual([]);
  });

  it("deletes a shot without tasks and other kinds outright", async () => {
    const { tracker, sh020, artist } = await smallStudio();
    expect(await tracker.remove("shot", sh020.id)).toEqual({ outcome: "deleted" });
    expect(await tracker.remove("person", artist.id)).toEqual({ outcome: "deleted" });
    await expect(tracker.get("person", artist.id)).rejects.toThrow(NotFoundError);
  });

  it("deleting an open project is refused as Zou refuses it, force or not", async () => {
    const { tracker, project } = await smallStudio();
    for (const options of [{}, { force: true }]) {
      const error = await tracker.remove("project", project.id, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(/its status is "open".*Update it with \{ status: "closed" \} first/);
    }
    expect((await tracker.get("project", project.id)).status).toBe("open");
  });

  it("deleting a closed project left its shots and tasks behind: unforced it is refused, forced it takes them", async () => {
    const { tracker, project, seq, sh010, hero, task, status } = await smallStudio();
    const playlist = await tracker.create("playlist", { name: "Daily", projectId: project.id });
    await tracker.setCasting(sh010.id, [{ assetId: hero.id, occurrences: 1, label: "" }]);
    await tracker.comment(task.id, { statusId: status.wip.id, text: "x" });
    await tracker.update("project", project.id, { status: "closed" });
    await expect(tracker.remove("project", project.id)).rejects.toThrow(/force: true/);
    await tracker.get("shot", sh010.id);
    expect(await tracker.remove("project", project.id, { force: true })).toEqual({ outcome: "deleted" });
    for (const [kind, id] of [
      ["project", project.id],
      ["sequence", seq.id],
      ["shot", sh010.id],
      ["asset", hero.id],
      ["task", task.id],
      ["playlist", playlist.id],
    ] as const) {
      await expect(tracker.get(kind, id), kind).rejects.toThrow(NotFoundError);
    }
    expect((await tracker.query("comment", {})).items).toEqual([]);
    expect(tracker.studio.casting.size + tracker.studio.castIn.size).toBe(0);
  });

  it("deleting a sequence with shots left them pointing at nothing: refused unless forced, forced takes them", async () => {
    const { tracker, seq, sh010, sh020, task } = await smallStudio();
    const error = await tracker.remove("sequence", seq.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/2 shots still point at it.*force: true/);
    expect((await tracker.get("sequence", seq.id)).id).toBe(seq.id);
    expect(await tracker.remove("sequence", seq.id, { force: true })).toEqual({ outcome: "deleted" });
    for (const [kind, id] of [
      ["shot", sh010.id],
      ["shot", sh020.id],
      ["task", task.id],
    ] as const) {
      await expect(tracker.get(kind, id), kind).rejects.toThrow(NotFoundError);
    }
  });

  it("deleting an episode with sequences and assets left them pointing at nothing: refused unless forced", async () => {
    const { tracker, project, chars } = await smallStudio();
    const ep = await tracker.create("episode", { name: "E01", projectId: project.id });
    const seq = await tracker.create("sequence", { name: "sq100", projectId: project.id, episodeId: ep.id });
    const shot = await tracker.create("shot", { name: "sh100", projectId: project.id, sequenceId: seq.id });
    const prop = await tracker.create("asset", {
      name: "Cup",
      projectId: project.id,
      assetTypeId: chars.id,
      episodeId: ep.id,
    });
    await expect(tracker.remove("episode", ep.id)).rejects.toThrow(ValidationError);
    expect((await tracker.get("shot", shot.id)).episodeId).toBe(ep.id);
    expect(await tracker.remove("episode", ep.id, { force: true })).toEqual({ outcome: "deleted" });
    for (const [kind, id] of [
      ["episode", ep.id],
      ["sequence", seq.id],
      ["shot", shot.id],
      ["asset", prop.id],
    ] as const) {
      await expect(tracker.get(kind, id), kind).rejects.toThrow(NotFoundError);
    }
    expect((await tracker.query("sequence", { projectId: project.id })).items).toHaveLength(1);
  });

  it("deleting an asset type with assets left them pointing at nothing: refused, force or not, as Zou's crud delete", async () => {
    const { tracker, chars, hero } = await smallStudio();
    for (const options of [{}, { force: true }]) {
      await expect(tracker.remove("assetType", chars.id, options)).rejects.toThrow(ValidationError);
    }
    expect((await tracker.get("asset", hero.id)).assetTypeId).toBe(chars.id);
    await tracker.remove("asset", hero.id);
    expect(await tracker.remove("assetType", chars.id)).toEqual({ outcome: "deleted" });
  });

  it("deletes a closed, empty project without force", async () => {
    const { tracker } = await smallStudio();
    const empty = await tracker.create("project", { name: "Empty", productionType: "short" });
    await tracker.update("project", empty.id, { status: "closed" });
    expect(await tracker.remove("project", empty.id)).toEqual({ outcome: "deleted" });
    await expect(tracker.get("project", empty.id)).rejects.toThrow(NotFoundError);
  });
});
