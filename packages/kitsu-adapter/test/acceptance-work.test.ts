import { PermissionError } from "@gadget/core";
import { describe, expect, it } from "vitest";
import { both, names } from "./acceptance-fixture.js";

describe("acceptance on Kitsu vs the mock: assets, tasks, time, playlists, team, search, pages", () => {
  it("assets.new, then its tasks, then castIn after casting it in a shot", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const characters = await project.assetTypes.get({ name: "Character" });
      const hero = await project.assets.new({ name: "Hero", assetType: characters, customData: { variant: "a" } });
      const modeling = await project.tracker.taskTypes.get({ name: "Modeling" });
      await hero.tasks.new({ taskType: modeling });
      const shot = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh010" });
      const cast = await shot.casting.get();
      await shot.casting.set([
        ...cast.map((c) => ({ asset: c.asset, occurrences: c.occurrences })),
        { asset: hero, occurrences: 3 },
      ]);
      const castIn = await hero.castIn();
      return {
        name: hero.name,
        assetType: (await hero.assetType()).name,
        customData: hero.customData,
        tasks: (await hero.tasks.all()).map((t) => t.taskTypeId === modeling.id),
        castIn: castIn.map((c) => ({ kind: c.entity.kind, name: c.entity.name, occurrences: c.occurrences })),
        castingNames: names((await shot.casting.get()).map((c) => c.asset)),
      };
    });
    expect(k.castIn).toEqual([{ kind: "shot", name: "sh010", occurrences: 3 }]);
    expect(k.tasks).toEqual([true]);
    expect(k.customData).toEqual({ variant: "a" });
    expect(k).toEqual(m);
  });

  it("shot.tasks.new with assignees", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const shot = await (await project.sequences.get({ name: "sq020" })).shots.get({ name: "sh020" });
      const storyboard = await project.tracker.taskTypes.get({ name: "Storyboard" });
      const bruno = await project.tracker.persons.get({ firstName: "Bruno" });
      const dana = await project.tracker.persons.get({ firstName: "Dana" });
      const task = await shot.tasks.new({ taskType: storyboard, assignees: [bruno, dana] });
      const fetched = await shot.tasks.fetch("Storyboard");
      await task.refresh();
      return {
        same: fetched === task,
        assignees: names(await task.assignees()),
        entity: (await task.entity()).name,
        status: (await task.status()).shortName,
      };
    });
    expect(k.assignees).toEqual(["Bruno Costa", "Dana Kim"]);
    expect(k).toEqual(m);
  });

  it("task.assign and task.unassign", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const shot = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh010" });
      const task = await shot.tasks.fetch("Animation");
      const before = names(await task.assignees());
      await task.assign("Dana Kim");
      const assigned = names(await task.assignees());
      await task.unassign("Dana Kim");
      const unassigned = names(await task.assignees());
      await task.refresh();
      return { before, assigned, unassigned, reread: names(await task.assignees()) };
    });
    expect(k.assigned).toEqual([...k.before, "Dana Kim"].sort());
    expect(k.unassigned).toEqual(k.before);
    expect(k.reread).toEqual(k.before);
    expect(k).toEqual(m);
  });

  it("task.timeSpent.set and add, then task.duration; time for an unassigned person is refused on both (the mock accepted it)", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const shot = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh040" });
      const task = await shot.tasks.fetch("Layout");
      await task.refresh();
      const before = task.duration;
      const set = (await task.timeSpent.set("Bruno Costa", "2026-02-02", { hours: 2 })).duration;
      const added = await task.timeSpent.add("Bruno Costa", "2026-02-02", { minutes: 30 });
      const refused = await task.timeSpent.set("Alice Martin", "2026-02-03", 3600).catch((e: unknown) => e);
      await task.assign("Alice Martin");
      await task.timeSpent.set("Alice Martin", "2026-02-03", 3600);
      await task.refresh();
      return {
        before,
        set,
        added: added.duration,
        after: task.duration,
        refused: refused instanceof PermissionError && /not assigned/.test(refused.message),
      };
    });
    expect(k.set).toBe(7200);
    expect(k.added).toBe(9000);
    expect(k.after).toBe(k.before + 9000 + 3600);
    // Kitsu answers 403 for a person the task is not assigned to (recorded 173); the mock did not.
    expect(k.refused).toBe(true);
    expect(k).toEqual(m);
  });

  it("playlists.new, add, entries", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const playlist = await project.playlists.new({ name: "Dailies 2026-02-02" });
      const seq = await project.sequences.get({ name: "sq010" });
      const sh010 = await seq.shots.get({ name: "sh010" });
      const sh020 = await seq.shots.get({ name: "sh020" });
      await playlist.add([{ entity: sh010 }, { entity: sh020, preview: sh020.previewId }]);
      const reread = await project.playlists.get({ name: "Dailies 2026-02-02" });
      await reread.refresh();
      const shotName = new Map([
        [sh010.id, "sh010"],
        [sh020.id, "sh020"],
      ]);
      const show = (entries: typeof playlist.entries) =>
        entries.map((e) => ({ shot: shotName.get(e.entityId), preview: e.previewId !== null }));
      return { entries: show(playlist.entries), reread: show(reread.entries), same: reread === playlist };
    });
    // An entity added without a preview shows its latest one: Zou fills it in.
    expect(k.entries).toEqual([
      { shot: "sh010", preview: true },
      { shot: "sh020", preview: true },
    ]);
    expect(k.reread).toEqual(k.entries);
    expect(k).toEqual(m);
  });

  it("tracker.search finds assets and shots by name in the project", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const assets = await project.tracker.search("Bunny", { project, kinds: ["asset"] });
      const shots = await project.tracker.search("sh030", { project, kinds: ["shot"] });
      return {
        assets: assets.map((e) => `${e.kind}:${e.name}`),
        shots: shots.map((e) => `${e.kind}:${e.name}`).sort(),
      };
    });
    expect(k.assets).toEqual(["asset:Bunny"]);
    expect(k.shots).toEqual(["shot:sh030", "shot:sh030"]);
    expect(k).toEqual(m);
  });

  it("project.team.all and team.add", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const before = names(await project.team.all());
      const eve = await project.tracker.persons.new({
        firstName: "Eve",
        lastName: "Stone",
        email: "eve@bunny-escape.example.com",
      });
      await project.team.add(eve);
      const after = names(await project.team.all());
      await project.refresh();
      return { before, after, reread: names(await project.team.all()) };
    });
    expect(k.before).toEqual(["Alice Martin", "Bruno Costa", "Chloé Dubois", "Dana Kim"]);
    expect(k.after).toEqual([...k.before, "Eve Stone"].sort());
    expect(k.reread).toEqual(k.after);
    expect(k).toEqual(m);
  });

  it("iterates more than one page of shots without duplicates", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const seq = await project.sequences.new({ name: "sq900" });
      const inputs = Array.from({ length: 130 }, (_, i) => ({ name: `sh${String(i + 1).padStart(4, "0")}` }));
      const created = await seq.shots.newMany(inputs);
      const ids: string[] = [];
      for await (const shot of project.shots.iterate()) ids.push(shot.id);
      const inSeq: string[] = [];
      for await (const shot of seq.shots.iterate()) inSeq.push(shot.name);
      return { created: created.length, total: ids.length, unique: new Set(ids).size, inSeq: inSeq.sort() };
    });
    expect(k.created).toBe(130);
    expect(k.total).toBe(142);
    expect(k.unique).toBe(142);
    expect(k.inSeq).toHaveLength(130);
    expect(k).toEqual(m);
  });
});
