import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { ConfigError, ValidationError } from "@gadget/core";
import { kindNames, kinds } from "@gadget/core/adapter";
import { describe, expect, it } from "vitest";
import { createAdapter, demoTracker, MockTracker } from "../src/index.js";
import { tempUpload } from "./helpers.js";

const all = async <K extends Parameters<MockTracker["query"]>[0]>(t: MockTracker, kind: K) =>
  (await t.query(kind, {}, { limit: 1000 })).items;

describe("demo seed", () => {
  it("holds Bunny Escape: 2 sequences, 12 shots with frame ranges, 8 cast assets of 3 types", async () => {
    const t = demoTracker();
    const [project] = await all(t, "project");
    expect(project?.name).toBe("Bunny Escape");
    expect(await all(t, "sequence")).toHaveLength(2);
    const shots = await all(t, "shot");
    expect(shots).toHaveLength(12);
    for (const s of shots) {
      expect(s.frameIn).toBe(101);
      expect(s.nbFrames).toBe((s.frameOut ?? 0) - 101 + 1);
    }
    // A fresh Kitsu's asset types; the demo uses the first three.
    expect((await all(t, "assetType")).map((a) => a.name)).toEqual(["Character", "Prop", "Environment", "FX"]);
    const assets = await all(t, "asset");
    expect(assets).toHaveLength(8);
    const first = shots[0];
    if (!first) throw new Error("no shot");
    const casting = await t.getCasting(first.id);
    expect(casting.length).toBeGreaterThan(0);
    expect(assets.map((a) => a.id)).toContain(casting[0]?.assetId);
  });

  it("has a fresh Kitsu's task types and statuses, its admin and 4 artists in 3 departments, and tasks in every status", async () => {
    const t = demoTracker();
    const typeNames = (await all(t, "taskType")).map((x) => x.name);
    for (const name of ["Concept", "Modeling", "Shading", "Rigging", "Storyboard", "Layout", "Animation"]) {
      expect(typeNames).toContain(name);
    }
    expect(typeNames).toEqual(expect.arrayContaining(["Lighting", "Compositing"]));
    const statuses = await all(t, "taskStatus");
    expect(statuses.map((s) => s.shortName)).toEqual(["todo", "wip", "wfa", "retake", "done", "ready"]);
    expect(statuses.find((s) => s.shortName === "wfa")?.isFeedbackRequest).toBe(true);
    expect(statuses.find((s) => s.shortName === "retake")?.isRetake).toBe(true);
    expect(statuses.find((s) => s.shortName === "done")?.isDone).toBe(true);
    const persons = await all(t, "person");
    expect(persons.map((p) => p.name)).toEqual([
      "Super Admin",
      "Alice Martin",
      "Bruno Costa",
      "Chloé Dubois",
      "Dana Kim",
    ]);
    expect(persons.every((p) => p.email?.includes("@"))).toBe(true);
    const departments = await all(t, "department");
    expect(departments).toHaveLength(6);
    const artists = persons.filter((p) => p.role !== "admin");
    expect(new Set(artists.flatMap((p) => p.departmentIds)).size).toBe(3);
    const tasks = await all(t, "task");
    const used = new Set(tasks.map((x) => x.statusId));
    expect(used.size).toBe(6);
    expect(tasks.every((x) => x.assigneeIds.length > 0)).toBe(true);
    const previews = await all(t, "preview");
    expect(previews.length).toBeGreaterThan(0);
    const png = previews.find((p) => p.extension === "png");
    if (!png) throw new Error("no png preview");
    const bytes = Buffer.from(await text((await t.downloadPreview(png.id)).stream), "latin1");
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("is deterministic", () => {
    expect(demoTracker().snapshot()).toEqual(demoTracker().snapshot());
  });
});

describe("snapshots", () => {
  it("round-trip a whole studio, files, casting and the event cursor included", async () => {
    const t = demoTracker();
    const [shot] = await all(t, "shot");
    if (!shot) throw new Error("no shot");
    await t.update("shot", shot.id, { customData: { cam: "A" } });
    const json = JSON.stringify(t.snapshot());
    const back = MockTracker.fromSnapshot(json);
    expect(back.snapshot()).toEqual(t.snapshot());
    for (const kind of kindNames) expect(await all(back, kind)).toEqual(await all(t, kind));
    expect(await back.getCasting(shot.id)).toEqual(await t.getCasting(shot.id));
    const created = await back.create("sequence", { name: "sq030", projectId: shot.projectId });
    expect(await all(t, "sequence")).not.toContainEqual(expect.objectContaining({ id: created.id }));
    const page = await back.eventsSince("0");
    expect(Number(page.events[0]?.cursor)).toBeGreaterThan(Number(t.snapshot().eventCursor));
  });

  it("every kind's record parses with core's record schema", async () => {
    const t = demoTracker();
    const show = await t.create("project", { name: "Show", productionType: "tvshow" });
    await t.create("episode", { name: "ep01", projectId: show.id });
    const [sequence] = await all(t, "sequence");
    if (!sequence) throw new Error("no sequence");
    await t.create("edit", { name: "Teaser", projectId: show.id });
    await t.create("concept", { name: "Hero", projectId: show.id });
    await t.create("scene", { name: "sc010", projectId: sequence.projectId, sequenceId: sequence.id });
    const [comment] = await all(t, "comment");
    if (!comment) throw new Error("no comment");
    await t.addAttachments(comment.id, [await tempUpload("notes.txt", "n")]);
    for (const kind of kindNames) {
      const items = await all(t, kind);
      expect(items.length, kind).toBeGreaterThan(0);
      for (const item of items) expect(() => kinds[kind].record.parse(item), kind).not.toThrow();
    }
  });

  it("refuses a malformed snapshot with the first problem", () => {
    expect(() => MockTracker.fromSnapshot("{nope")).toThrow(ValidationError);
    const bad = demoTracker().snapshot();
    const shots = bad.records.shot ?? [];
    if (shots[0]) shots[0].frameIn = "ten";
    expect(() => MockTracker.fromSnapshot(bad)).toThrow(/records\.shot\.0\.frameIn/);
  });
  it("loads a snapshot written before task types had forEntity (it was refused as malformed)", async () => {
    const old = demoTracker().snapshot();
    for (const row of old.records.taskType ?? []) delete row.forEntity;
    const back = MockTracker.fromSnapshot(old);
    const types = await all(back, "taskType");
    expect(types.find((t) => t.name === "Layout")?.forEntity).toBe("shot");
    expect(types.find((t) => t.name === "Modeling")?.forEntity).toBe("asset");
  });
  it("loads a snapshot written before projects had mainPreviewAutomated, as off", async () => {
    const old = demoTracker().snapshot();
    for (const row of old.records.project ?? []) delete row.mainPreviewAutomated;
    const [project] = await all(MockTracker.fromSnapshot(old), "project");
    expect(project?.mainPreviewAutomated).toBe(false);
  });
});

describe("createAdapter", () => {
  it("loads the demo and snapshot files", async () => {
    const demo = await createAdapter({ type: "mock", seed: "demo" });
    expect((await demo.query("shot", {})).items).toHaveLength(12);
    const file = join(tmpdir(), `gadget-snapshot-${process.pid}.json`);
    await writeFile(file, JSON.stringify(demoTracker().snapshot()));
    const fromFile = await createAdapter({ type: "mock", seed: file });
    expect((await fromFile.query("asset", {})).items).toHaveLength(8);
  });

  it("turns an unreadable or malformed snapshot into ConfigError", async () => {
    await expect(createAdapter({ type: "mock", seed: "/nonexistent/studio.json" })).rejects.toThrow(ConfigError);
    const file = join(tmpdir(), `gadget-bad-snapshot-${process.pid}.json`);
    await writeFile(file, JSON.stringify({ format: "other" }));
    await expect(createAdapter({ type: "mock", seed: file })).rejects.toThrow(/format/);
  });
});
