import { ValidationError } from "@gadget/core";
import { describe, expect, it } from "vitest";
import { MockTracker } from "../src/index.js";
import { ids, smallStudio } from "./helpers.js";

describe("query", () => {
  it("matches keys exactly and case-sensitively; arrays mean IN", async () => {
    const { tracker, sh010, sh020, seq } = await smallStudio();
    expect(ids((await tracker.query("shot", { name: "sh010" })).items)).toEqual([sh010.id]);
    expect((await tracker.query("shot", { name: "SH010" })).items).toEqual([]);
    expect(ids((await tracker.query("shot", { name: ["sh020", "sh010"] })).items)).toEqual([sh010.id, sh020.id]);
    expect(ids((await tracker.query("shot", { sequenceId: seq.id, frameIn: 101 })).items)).toEqual([sh010.id]);
    expect(ids((await tracker.query("shot", { frameIn: null })).items)).toEqual([sh020.id]);
  });

  it("reads the most selective index and checks every other key on its rows", async () => {
    const { tracker, project, seq, sh010, sh020 } = await smallStudio();
    const other = await tracker.create("project", { name: "Other", productionType: "short" });
    const otherSeq = await tracker.create("sequence", { name: "sq010", projectId: other.id });
    const twin = await tracker.create("shot", { name: "sh010", projectId: other.id, sequenceId: otherSeq.id });
    expect(ids((await tracker.query("shot", { projectId: project.id, name: "sh010" })).items)).toEqual([sh010.id]);
    expect(ids((await tracker.query("shot", { projectId: other.id, name: "sh010" })).items)).toEqual([twin.id]);
    expect(ids((await tracker.query("shot", { sequenceId: otherSeq.id, name: "sh010" })).items)).toEqual([twin.id]);
    const inScope = { projectId: other.id, episodeId: null, name: "sq010" };
    expect(ids((await tracker.query("sequence", inScope)).items)).toEqual([otherSeq.id]);
    const byIds = { id: [sh020.id, sh010.id, sh010.id, twin.id], sequenceId: seq.id };
    expect(ids((await tracker.query("shot", byIds)).items)).toEqual([sh010.id, sh020.id]);
    expect((await tracker.query("shot", { projectId: project.id, name: [] })).items).toEqual([]);
    expect((await tracker.query("shot", { projectId: other.id, sequenceId: seq.id })).items).toEqual([]);
  });

  it("refuses keys the kind does not have", async () => {
    const { tracker } = await smallStudio();
    const where = JSON.parse('{"colour":"red"}') as Record<string, never>;
    await expect(tracker.query("shot", where)).rejects.toThrow(ValidationError);
  });

  it("pages in creation order with an opaque cursor, stable across updates", async () => {
    const tracker = new MockTracker({ seed: 5 });
    const project = await tracker.create("project", { name: "P", productionType: "short" });
    const seq = await tracker.create("sequence", { name: "sq", projectId: project.id });
    const names = Array.from({ length: 25 }, (_, i) => `sh${String(i).padStart(3, "0")}`);
    tracker.insertMany(
      "shot",
      names.map((name) => ({ name, projectId: project.id, sequenceId: seq.id })),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await tracker.query("shot", { sequenceId: seq.id }, { limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((s) => s.name));
      if (pages === 0) {
        const first = page.items[0];
        if (first) await tracker.update("shot", first.id, { name: "renamed" });
      }
      cursor = page.next ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);
    await expect(tracker.query("shot", {}, { cursor: "garbage" })).rejects.toThrow(ValidationError);
  });

  it("returns copies: mutating a result never changes the store", async () => {
    const { tracker, sh010, task } = await smallStudio();
    const shot = await tracker.get("shot", sh010.id);
    shot.name = "changed";
    shot.customData.x = 1;
    const t = (await tracker.query("task", { id: task.id })).items[0];
    t?.assigneeIds.push(task.id);
    const again = await tracker.get("shot", sh010.id);
    expect(again.name).toBe("sh010");
    expect(again.customData).toEqual({});
    expect((await tracker.get("task", task.id)).assigneeIds).toEqual([]);
  });
});

describe("bulk seeding", () => {
  it("insertMany seeds 10k shots and 50k tasks with the usual rules and indexes", async () => {
    // A bare studio: the test seeds its own reference data.
    const tracker = new MockTracker({ seed: 11, bare: true });
    const status = await tracker.create("taskStatus", { name: "Todo", shortName: "todo", isDefault: true });
    const types = tracker.insertMany(
      "taskType",
      ["Layout", "Animation", "Lighting", "FX", "Compositing"].map((name) => ({ name, forShots: true })),
    );
    const project = await tracker.create("project", { name: "Big", productionType: "featurefilm" });
    const seqIds = tracker.insertMany(
      "sequence",
      Array.from({ length: 100 }, (_, i) => ({ name: `sq${i}`, projectId: project.id })),
    );
    const shotIds = tracker.insertMany(
      "shot",
      Array.from({ length: 10_000 }, (_, i) => ({
        name: `sh${i % 100}`,
        projectId: project.id,
        sequenceId: seqIds[Math.floor(i / 100)] ?? seqIds[0] ?? project.id,
      })),
    );
    const taskInputs = shotIds.flatMap((entityId) => types.map((taskTypeId) => ({ entityId, taskTypeId })));
    const taskIds = tracker.insertMany("task", taskInputs);
    expect(taskIds).toHaveLength(50_000);
    const lastShot = shotIds.at(-1);
    if (!lastShot) throw new Error("no shots");
    const tasks = await tracker.query("task", { entityId: lastShot });
    expect(tasks.items.map((t) => t.statusId)).toEqual(types.map(() => status.id));
    expect(() => tracker.insertMany("task", [taskInputs[0] ?? { entityId: lastShot, taskTypeId: status.id }])).toThrow(
      /already exists/,
    );
  });
});
