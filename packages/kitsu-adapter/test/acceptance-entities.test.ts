import { AmbiguousError, type AnyEntity, NotFoundError, type TrackerEvent } from "@gadget/core";
import { describe, expect, it, vi } from "vitest";
import { both, bytesOf, names, onKitsu, openAs, tempFile } from "./acceptance-fixture.js";

describe("acceptance on Kitsu vs the mock: lookups, saves, deletes, files, events", () => {
  it("withTasks then tasks.fetch costs no further request", async () => {
    const { project, server } = await onKitsu();
    const shots = await project.shots.withTasks();
    expect(shots).toHaveLength(12);
    const before = server.stats.total;
    const layouts = await Promise.all(shots.map((s) => s.tasks.fetch("Layout")));
    const all = await Promise.all(shots.map((s) => s.tasks.all()));
    expect(server.stats.total).toBe(before);
    expect(layouts.every((t, i) => t.entityId === shots[i]?.id)).toBe(true);
    expect(all.reduce((n, tasks) => n + tasks.length, 0)).toBe(54);
  });

  it("get() NotFound and Ambiguous messages name the scope", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const seq = await project.sequences.get({ name: "sq010" });
      const missing = await seq.shots.get({ name: "sh999" }).catch((e: unknown) => e);
      const ambiguous = await project.shots.get({ name: "sh010" }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(NotFoundError);
      expect(ambiguous).toBeInstanceOf(AmbiguousError);
      return { missing: (missing as Error).message, ambiguous: (ambiguous as Error).message.replace(/ids .*\)/, "") };
    });
    expect(k.missing).toContain("sh999");
    expect(k.missing).toContain("sq010");
    expect(k.ambiguous).toContain("Bunny Escape");
    expect(k).toEqual(m);
  });

  it("customData save() merges key by key and refresh() rereads", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const seq = await project.sequences.get({ name: "sq020" });
      const shot = await seq.shots.new({
        name: "sh500",
        frameIn: 101,
        frameOut: 150,
        customData: { cam: "A", lens: 35 },
      });
      shot.customData.cam = "B";
      await shot.save();
      // Another session changes a key this one does not touch: the merge keeps it.
      const other = await project.tracker.load("shot", shot.id);
      await other.refresh();
      await shot.refresh();
      const afterSave = { ...shot.customData };
      shot.customData.note = "ok";
      await shot.save();
      await shot.refresh();
      return { afterSave, final: { ...shot.customData }, frames: [shot.frameIn, shot.frameOut] };
    });
    expect(k.afterSave).toEqual({ cam: "B", lens: 35 });
    expect(k.final).toEqual({ cam: "B", lens: 35, note: "ok" });
    expect(k.frames).toEqual([101, 150]);
    expect(k).toEqual(m);
  });

  it("delete() of a shot with tasks cancels it; force deletes it", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const seq = await project.sequences.get({ name: "sq020" });
      const shot = await seq.shots.get({ name: "sh060" });
      const first = await shot.delete();
      await shot.refresh();
      const canceled = shot.canceled;
      const second = await shot.delete({ force: true });
      const gone = await seq.shots.find({ name: "sh060" });
      return { first: first.outcome, canceled, second: second.outcome, gone: gone === undefined };
    });
    expect(k).toEqual({ first: "canceled", canceled: true, second: "deleted", gone: true });
    expect(k).toEqual(m);
  });

  it("preview.download() gives the uploaded bytes and their size (the server sent no Content-Length)", async () => {
    const { project } = await onKitsu();
    const shot = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh030" });
    const task = await shot.tasks.fetch("Animation");
    const bytes = Buffer.from("gadget acceptance preview bytes \u00e9\u00e8", "utf8");
    const movie = await tempFile("sh030_anim_v009.mp4", bytes);
    const comment = await task.comments.new({ comment: "v009", status: "wfa", preview: [movie] });
    const [preview] = await comment.previews.all();
    expect(preview).toBeDefined();
    const download = await preview!.download();
    expect(await bytesOf(download.stream)).toEqual(bytes);
    expect(download.size).toBe(bytes.length);
  });

  it("comment.attach then comment.attachments.all() (the server had no /data/attachment-files list: 404)", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const shot = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh010" });
      const task = await shot.tasks.fetch("Lighting");
      const comment = await task.comments.new({ comment: "notes attached", status: "wip" });
      const pdf = await tempFile("notes.pdf", Buffer.from("%PDF-1.4 notes"));
      const txt = await tempFile("todo.txt", Buffer.from("fix the rim light"));
      const attached = await comment.attach([pdf, txt]);
      const listed = await comment.attachments.all();
      return { attached: names(attached), listed: names(listed) };
    });
    expect(k.attached).toEqual(["notes.pdf", "todo.txt"]);
    expect(k.listed).toEqual(k.attached);
    expect(k).toEqual(m);
  });

  it("comment.attachments.all() works for a non-admin project member (Zou lists attachment files to admins only)", async () => {
    const { project, server } = await onKitsu();
    const shot = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh020" });
    const task = await shot.tasks.fetch("Animation");
    const comment = await task.comments.new({ comment: "ref", status: "wip" });
    await comment.attach([await tempFile("ref.txt", Buffer.from("reference"))]);
    const person = await server.users.addUser({ email: "artist@example.com", password: "artist-pass-1" });
    await project.team.add(person.id);
    const artist = await openAs(server, "artist@example.com", "artist-pass-1");
    const theirs = await artist.tracker.load("comment", comment.id);
    expect((await theirs.attachments.all()).map((a) => a.name)).toEqual(["ref.txt"]);
  });

  it("project.on sees a write made right after subscribing (it was lost before the socket connected), and since() replays it", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const seen: TrackerEvent<"shot:new", AnyEntity>[] = [];
      project.on("shot:new", (e) => seen.push(e));
      const seq = await project.sequences.get({ name: "sq010" });
      const shot = await seq.shots.new({ name: "sh777" });
      const from = new Date(shot.createdAt.getTime() - 1000);
      await vi.waitFor(() => expect(seen.map((e) => e.id)).toContain(shot.id));
      const replayed: string[] = [];
      for await (const e of project.events.since(from)) if (e.id === shot.id) replayed.push(e.name);
      const live = seen.filter((e) => e.id === shot.id);
      return { live: live.map((e) => e.name), loaded: (await live[0]?.load())?.name, replayed };
    });
    expect(k.live).toEqual(["shot:new"]);
    expect(k.loaded).toBe("sh777");
    expect(k.replayed).toContain("shot:new");
    expect(k).toEqual(m);
  });
});
