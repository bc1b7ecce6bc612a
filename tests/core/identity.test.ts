import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type Id, Shot, Tracker } from "@gadget/core";
import { MockTracker } from "@gadget/mock-tracker";
import { describe, expect, test } from "vitest";
import { IdentityMap } from "../../packages/core/src/identity/identity-map.js";
import type { SessionContext } from "../../packages/core/src/session/session-context.js";
import { counting, demoSession, tempFile } from "./helpers.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Collects garbage until `done` holds (finalizers run in later turns), at most 50 rounds. */
async function collectUntil(done: () => boolean): Promise<void> {
  for (let round = 0; round < 50 && !done(); round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("identity map", () => {
  test("two lookups of the same record give the same object", async () => {
    const { project } = await demoSession();
    const bySequence = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh020" });
    const byProject = await project.shots.get({ name: "sh020", sequence: "sq010" });
    const [fromAll] = (await project.shots.filter({ id: bySequence.id })) as Shot[];
    expect(byProject).toBe(bySequence);
    expect(fromAll).toBe(bySequence);
    expect(bySequence).toBeInstanceOf(Shot);
  });

  test("a repeated get({ name }) in the same scope makes no adapter call", async () => {
    const { project, log } = await demoSession();
    const first = await project.sequences.get({ name: "sq020" });
    const calls = log.count();
    expect(calls).toBeGreaterThan(0);
    const second = await project.sequences.get({ name: "sq020" });
    expect(second).toBe(first);
    expect(log.count()).toBe(calls);
  });

  test("a cached name does not hide a duplicate created later (shot:new evicts name keys)", async () => {
    const { mock, project } = await demoSession();
    const stop = project.on("*", () => {});
    const sq010 = await project.sequences.get({ name: "sq010" });
    const sq020 = await project.sequences.get({ name: "sq020" });
    const unique = await sq010.shots.new({ name: "sh070" });
    expect(await project.shots.get({ name: "sh070" })).toBe(unique);
    // Someone else creates a shot of the same name in the other sequence.
    await mock.create("shot", { name: "sh070", projectId: project.id, sequenceId: sq020.id });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(project.shots.get({ name: "sh070" })).rejects.toMatchObject({ name: "AmbiguousError" });
    stop();
  });

  test("save() sends only the changed fields and customData keys", async () => {
    const { project, log } = await demoSession();
    const shot = await project.shots.get({ name: "sh030", sequence: "sq020" });
    shot.customData.cam = "B";
    shot.frameOut = 250;
    log.reset();
    await shot.save();
    const updates = log.calls.filter((c) => c.method === "update");
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args).toEqual(["shot", shot.id, { frameOut: 250, customData: { cam: "B" } }]);
    expect(shot.frameOut).toBe(250);
    expect(shot.changed).toBe(false);
    log.reset();
    await shot.save();
    expect(log.count("update")).toBe(0);
  });

  test("a deleted customData key is sent as null (blanked)", async () => {
    const { project, log } = await demoSession();
    const seq = await project.sequences.get({ name: "sq010" });
    const shot = await seq.shots.new({ name: "sh900", frameIn: 1, frameOut: 10, customData: { cam: "A", lens: 35 } });
    delete shot.customData.lens;
    log.reset();
    await shot.save();
    expect(log.calls.find((c) => c.method === "update")?.args[2]).toEqual({ customData: { lens: null } });
  });

  test("refresh() reloads into the same object, bypassing the identity map", async () => {
    const { mock, project, log } = await demoSession();
    const shot = await project.shots.get({ name: "sh040", sequence: "sq010" });
    await mock.update("shot", shot.id, { description: "changed elsewhere" });
    shot.frameIn = 7;
    log.reset();
    const same = await shot.refresh();
    expect(same).toBe(shot);
    expect(log.count("get")).toBe(1);
    expect(shot.description).toBe("changed elsewhere");
    expect(shot.changed).toBe(false);
  });

  test("an update event makes the next lookup fetch the record again into the same object", async () => {
    const { mock, project } = await demoSession();
    const stop = project.on("*", () => {});
    const sq010 = await project.sequences.get({ name: "sq010" });
    const shot = await sq010.shots.get({ name: "sh050" });
    await mock.update("shot", shot.id, { frameOut: 999 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const again = await sq010.shots.get({ name: "sh050" });
    expect(again).toBe(shot);
    expect(shot.frameOut).toBe(999);
    stop();
  });

  test("a main preview set elsewhere shows on the shot in hand, as one set by this session does", async () => {
    const { mock, project } = await demoSession();
    const stop = project.on("*", () => {});
    const shot = await project.shots.get({ name: "sh020", sequence: "sq010" });
    const task = await shot.tasks.fetch("Animation");
    const comment = await task.comments.new({ comment: "v002", status: "wfa", preview: [await tempFile("v002.mp4")] });
    const [previewId] = comment.previewIds;
    expect(previewId).toBeDefined();
    expect(shot.previewId).not.toBe(previewId);
    await mock.setMainPreview(previewId as string as Id);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shot.previewId).toBe(previewId);
    stop();
  });

  test("two sessions side by side hold separate objects", async () => {
    const a = await demoSession();
    const b = await demoSession();
    expect(a.project).not.toBe(b.project);
    expect(a.project.tracker).not.toBe(b.project.tracker);
  });

  test("iterating keeps only what the caller holds; what it holds is still the same object", async () => {
    const mock = new MockTracker();
    const made = await mock.create("project", { name: "Big", productionType: "short" });
    const sq = await mock.create("sequence", { name: "sq010", projectId: made.id });
    const shots = 3_000;
    mock.insertMany(
      "shot",
      Array.from({ length: shots }, (_, i) => ({ name: `sh${i}`, projectId: made.id, sequenceId: sq.id })),
    );
    const { adapter, log } = counting(mock);
    const tracker = Tracker.connect(adapter);
    const identity = (tracker as unknown as { context: SessionContext }).context.identity;
    const project = await tracker.projects.get({ name: "Big" });
    let kept: Shot | undefined;
    let seen = 0;
    for await (const shot of project.shots.iterate()) if (++seen === 10) kept = shot;
    expect(seen).toBe(shots);
    // Two pages at most stay held whatever the caller keeps (see IdentityMap).
    await collectUntil(() => identity.size < 1_100);
    expect(identity.size).toBeLessThan(1_100);
    log.reset();
    // The one kept, used again, is the session's object for its record again (read afresh).
    expect(await tracker.load("shot", kept?.id as Id)).toBe(kept);
    expect(log.count("get")).toBe(1);
    expect(await tracker.load("shot", kept?.id as Id)).toBe(kept);
    expect(log.count("get")).toBe(1);
  });

  test("a streamed entity looked up while its page is current stays the session's object", async () => {
    const { tracker, project } = await demoSession();
    const first = await project.shots.iterate()[Symbol.asyncIterator]().next();
    const shot = first.value as Shot;
    expect(await tracker.load("shot", shot.id)).toBe(shot);
    for await (const _ of project.shots.iterate()) {
      // every page goes by
    }
    for await (const _ of project.sequences.iterate()) {
      // and more
    }
    expect(await project.shots.get({ id: shot.id })).toBe(shot);
  });

  test("a record's names are indexed by (kind, id): forgetting them leaves other records' names", () => {
    const map = new IdentityMap<object>({ ttlMs: Number.POSITIVE_INFINITY, recent: 0 });
    const [a, b, seq] = [{}, {}, {}];
    map.set("shot", "a" as Id, a);
    map.set("shot", "b" as Id, b);
    map.set("sequence", "a" as Id, seq);
    map.setName("shot", "sq010", "sh010", "a" as Id);
    map.setName("shot", "project", "sh010", "a" as Id);
    map.setName("shot", "sq010", "sh020", "b" as Id);
    map.setName("sequence", "project", "sq010", "a" as Id);
    map.forgetNamesOf("shot", "a");
    expect(map.getByName("shot", "sq010", "sh010")).toBeUndefined();
    expect(map.getByName("shot", "project", "sh010")).toBeUndefined();
    expect(map.getByName("shot", "sq010", "sh020")).toBe(b);
    expect(map.getByName("sequence", "project", "sq010")).toBe(seq);
    map.forgetNames("shot");
    expect(map.getByName("shot", "sq010", "sh020")).toBeUndefined();
    expect(map.getByName("sequence", "project", "sq010")).toBe(seq);
    // A name moved to another record is no longer the first record's to forget.
    const other = {};
    map.set("sequence", "b" as Id, other);
    map.setName("sequence", "project", "sq010", "b" as Id);
    map.forgetNamesOf("sequence", "a");
    expect(map.getByName("sequence", "project", "sq010")).toBe(other);
  });
});
