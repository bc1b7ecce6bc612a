import { NotFoundError, PermissionError, type Project, Tracker } from "@gadget/core";
import { makeTempFile, removeTempFiles, tinyPng } from "@gadget/core/testing";
import { demoTracker } from "@gadget/mock-tracker";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { both, onKitsu, openAs } from "./acceptance-fixture.js";
import { type Backend, buildStage, commentsOf, connect, startProxy, testServer } from "./chaos-fixture.js";

/*
 * comments.new({ author, createdAt }), comments.last(), the comment order and person.departments, as
 * a TD uses them, on Kitsu (the Kitsu-compatible server) and on the mock: each scenario runs on both.
 */

afterAll(removeTempFiles);

const shotTask = async (project: Project, shot = "sh020") =>
  (await (await project.sequences.get({ name: "sq010" })).shots.get({ name: shot })).tasks.fetch("Animation");

describe("posting as someone else, with a date", () => {
  it("comments.new({ author, createdAt }) posts as the author at that second, with a preview (the batch route)", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const task = await shotTask(project);
      const alice = await project.tracker.persons.get({ firstName: "Alice" });
      const preview = (await makeTempFile(tinyPng, "png", "ingest")).path;
      const comment = await task.comments.new({
        comment: "ingested render",
        status: "wfa",
        author: "alice",
        createdAt: new Date("2030-01-02T03:04:05.678Z"),
        preview: [preview],
      });
      const [rev] = await comment.previews.all();
      const last = await task.comments.last();
      return {
        author: comment.authorId === alice.id,
        createdAt: comment.createdAt.toISOString(),
        previewBy: rev?.personId === alice.id,
        last: last?.id === comment.id,
        status: (await (await project.tracker.load("task", task.id)).status()).shortName,
      };
    });
    expect(kitsu).toEqual({
      author: true,
      createdAt: "2030-01-02T03:04:05.000Z",
      previewBy: true,
      last: true,
      status: "wfa",
    });
    expect(mock).toEqual(kitsu);
  });

  it("an imported comment older than the task's last leaves its status; all(), iterate() and last() agree", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const task = await shotTask(project, "sh030");
      await task.comments.new({ comment: "today", status: "wip" });
      for (const text of ["tie 1", "tie 2", "tie 3"]) {
        await task.comments.new({ comment: text, status: "retake", createdAt: new Date("2020-05-05T10:00:00Z") });
      }
      const fresh = await project.tracker.load("task", task.id);
      const all = (await task.comments.all()).map((c) => c.text);
      const iterated: string[] = [];
      for await (const c of task.comments.iterate()) iterated.push(c.text);
      return {
        status: (await fresh.status()).shortName,
        first: all[0],
        ties: all.slice(1, 4).sort(),
        same: JSON.stringify(iterated) === JSON.stringify(all) && (await task.comments.last())?.text === all[0],
        again: JSON.stringify((await task.comments.all()).map((c) => c.text)) === JSON.stringify(all),
      };
    });
    expect(kitsu).toEqual({
      status: "wip",
      first: "today",
      ties: ["tie 1", "tie 2", "tie 3"],
      same: true,
      again: true,
    });
    expect(mock).toEqual(kitsu);
  });

  it("comments.last() is undefined on a task without comments", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const shot = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh040" });
      const task = await shot.tasks.new({ taskType: "Compositing", name: "silent" });
      return task.comments.last();
    });
    expect(kitsu).toBeUndefined();
    expect(mock).toBeUndefined();
  });

  it("a bad createdAt or author is a typed error before any write", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const task = await shotTask(project, "sh040");
      const before = (await task.comments.all()).length;
      const errors = await Promise.all(
        [
          { createdAt: new Date("nope") },
          { createdAt: "2020-01-01" as unknown as Date },
          { createdAt: new Date("1800-01-01T00:00:00Z") },
          { author: "nobody-here" },
        ].map((extra) =>
          task.comments.new({ comment: "x", ...extra }).then(
            () => "posted",
            (e: unknown) => (e as Error).constructor.name,
          ),
        ),
      );
      return { errors, unchanged: (await task.comments.all()).length === before };
    });
    expect(kitsu).toEqual({
      errors: ["ValidationError", "ValidationError", "ValidationError", "NotFoundError"],
      unchanged: true,
    });
    expect(mock).toEqual(kitsu);
  });

  it("an artist (not admin, not manager) posting with author or createdAt is a PermissionError, nothing written", async () => {
    const { project, server } = await onKitsu();
    const artist = await server.users.addUser({ email: "artist@example.com", password: "artist-pass-1" });
    const manager = await server.users.addUser({
      email: "manager@example.com",
      password: "manager-pass-1",
      role: "manager",
    });
    await project.team.add(artist.id);
    await project.team.add(manager.id);
    const task = await shotTask(project, "sh050");
    const before = (await task.comments.all()).length;

    const asArtist = await openAs(server, "artist@example.com", "artist-pass-1");
    const theirTask = await asArtist.tracker.load("task", task.id);
    for (const extra of [{ author: "alice" }, { createdAt: new Date("2020-01-01T00:00:00Z") }]) {
      const error = await theirTask.comments.new({ comment: "as alice", ...extra }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermissionError);
      expect((error as Error).message).toContain('role there is "user"');
    }
    expect((await task.comments.all()).length).toBe(before);
    // Naming oneself is no posting as someone else.
    const own = await theirTask.comments.new({ comment: "mine", author: artist.id });
    expect(own.authorId).toBe(artist.id);

    const asManager = await openAs(server, "manager@example.com", "manager-pass-1");
    const managed = await (await asManager.tracker.load("task", task.id)).comments.new({
      comment: "for alice",
      author: "alice",
      createdAt: new Date("2021-01-01T00:00:00Z"),
    });
    expect(managed.createdAt.toISOString()).toBe("2021-01-01T00:00:00.000Z");
  });

  it("an author Zou dropped after the check (the role was lowered mid-session) is a PermissionError naming the comment", async () => {
    const { project, server } = await onKitsu();
    const manager = await server.users.addUser({ email: "lead@example.com", password: "lead-pass-1", role: "manager" });
    await project.team.add(manager.id);
    const task = await shotTask(project, "sh060");
    const asManager = await openAs(server, "lead@example.com", "lead-pass-1");
    const theirs = await asManager.tracker.load("task", task.id);
    expect((await theirs.comments.new({ comment: "for alice", author: "alice" })).authorId).not.toBe(manager.id);
    const demoted = await project.tracker.load("person", manager.id);
    demoted.role = "user";
    await demoted.save();
    const error = await theirs.comments.new({ comment: "again for alice", author: "alice" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as Error).message).toContain("ignored its author");
    const landed = (await task.comments.all()).find((c) => c.text === "again for alice");
    expect(landed?.authorId).toBe(manager.id);
    expect((error as Error).message).toContain(landed?.id);
  });

  it("on the mock, the session person's role decides the same way", async () => {
    const mock = demoTracker();
    const tracker = Tracker.connect(mock);
    const alice = await tracker.persons.get({ firstName: "Alice" });
    const bruno = await tracker.persons.get({ firstName: "Bruno" });
    const project = await tracker.projects.get({ name: "Bunny Escape" });
    const task = await shotTask(project, "sh050");
    mock.studio.sessionPersonId = bruno.id;
    await expect(task.comments.new({ comment: "as alice", author: alice })).rejects.toThrow(PermissionError);
    await expect(task.comments.new({ comment: "old", createdAt: new Date("2020-01-01") })).rejects.toThrow(
      PermissionError,
    );
    expect((await task.comments.new({ comment: "mine" })).authorId).toBe(bruno.id);
    await tracker.close();
  });
});

describe("exactly once with an author and a date", () => {
  let backend: Backend | undefined;
  const closing: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const c of closing.splice(0).reverse()) await c.close();
    await backend?.close();
  });

  it("a dated comment for someone else whose answer was lost is posted once (read back on author, date and updated_at)", async () => {
    backend = await testServer();
    const clean = await connect(backend.url, backend);
    closing.push(clean);
    const stage = await buildStage(clean, 1);
    const proxy = await startProxy(backend, {});
    closing.push(proxy);
    const tracker = await connect(proxy.url, backend);
    closing.push(tracker);
    const task = await tracker.load("task", (stage.tasks[0] as { id: string }).id);
    const author = (await tracker.persons.all()).find((p) => p.role === "user") ?? (await tracker.persons.all())[0];
    proxy.script({ fault: "dropAfter", path: "/api/actions/tasks/*/batch-comment" });
    const comment = await task.comments.new({
      comment: "imported v001",
      status: "wfa",
      author: author?.id,
      createdAt: new Date("2019-09-09T09:09:09Z"),
    });
    expect(comment.authorId).toBe(author?.id);
    expect(comment.createdAt.toISOString()).toBe("2019-09-09T09:09:09.000Z");
    expect((await commentsOf(clean, task)).byText.get("imported v001")).toBe(1);
    // The comment route (a comment with attachments, or an adapter call) reads back the same way.
    proxy.script({ fault: "dropAfter", path: "/api/actions/tasks/*/comment" });
    const status = await tracker.taskStatuses.get({ shortName: "wfa" });
    const direct = await tracker.adapter.comment(task.id, {
      statusId: status.id,
      text: "imported v002",
      authorId: comment.authorId ?? undefined,
      createdAt: new Date("2019-09-09T09:09:09Z"),
    });
    expect(direct.authorId).toBe(author?.id);
    expect((await commentsOf(clean, task)).byText.get("imported v002")).toBe(1);
    expect(proxy.counts.dropAfter).toBe(2);
  });
});

describe("person.departments", () => {
  it("add() and remove() change the membership at once; departmentIds follows; save() of the list agrees", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const alice = await project.tracker.persons.get({ firstName: "Alice" });
      const names = async () => (await alice.departments()).map((d) => d.name).sort();
      const start = await names();
      await alice.departments.add("FX");
      await alice.departments.add("FX");
      const added = await names();
      await alice.refresh();
      const afterRefresh = await names();
      await alice.departments.remove("Modeling");
      const removed = await alice.departments.all();
      const notIn = await alice.departments.remove("Modeling").catch((e: unknown) => e);
      const fx = await project.tracker.departments.get({ name: "FX" });
      alice.departmentIds = [fx.id];
      await alice.save();
      await alice.refresh();
      return {
        start,
        added,
        afterRefresh,
        removed: removed.map((d) => d.name),
        notIn: notIn instanceof NotFoundError,
        saved: await names(),
      };
    });
    expect(kitsu).toEqual({
      start: ["Modeling"],
      added: ["FX", "Modeling"],
      afterRefresh: ["FX", "Modeling"],
      removed: ["FX"],
      notIn: true,
      saved: ["FX"],
    });
    expect(mock).toEqual(kitsu);
  });

  it("only a studio admin may change departments: an artist's add() is a PermissionError before any write", async () => {
    const { project, server } = await onKitsu();
    const artist = await server.users.addUser({ email: "artist@example.com", password: "artist-pass-1" });
    await project.team.add(artist.id);
    const asArtist = await openAs(server, "artist@example.com", "artist-pass-1");
    const me = await asArtist.tracker.load("person", artist.id);
    await expect(me.departments.add("FX")).rejects.toThrow(PermissionError);
    expect((await project.tracker.load("person", artist.id)).departmentIds).toEqual([]);
    await expect(me.departments.add("No Such Department")).rejects.toThrow(NotFoundError);
  });
});
