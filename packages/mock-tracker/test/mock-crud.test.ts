import { ConflictError, NotFoundError, ValidationError } from "@gadget/core";
import { asId } from "@gadget/core/adapter";
import { describe, expect, it } from "vitest";
import { createAdapter, MockTracker } from "../src/index.js";
import { zouRules } from "../src/kitsu-server/index.js";
import { nobody, smallStudio } from "./helpers.js";

describe("MockTracker CRUD", () => {
  it("creates records with defaults and gets them back", async () => {
    const { tracker, sh010, sh020, task, status, anim } = await smallStudio();
    expect(sh010.nbFrames).toBe(100);
    expect(sh020.nbFrames).toBeNull();
    expect(sh010.customData).toEqual({});
    expect(sh010.raw).toMatchObject({ id: sh010.id, name: "sh010" });
    expect(task).toMatchObject({ name: "main", statusId: status.todo.id, entityKind: "shot", taskTypeId: anim.id });
    expect(task.projectId).toBe(sh010.projectId);
    expect(await tracker.get("shot", sh010.id)).toEqual(sh010);
    expect(await tracker.getMany("shot", [sh020.id, asId("nope"), sh010.id])).toEqual([sh020, sh010]);
  });

  it("refuses a duplicate shot name in a sequence, also on rename", async () => {
    const { tracker, project, seq, sh020 } = await smallStudio();
    await expect(tracker.create("shot", { name: "sh010", projectId: project.id, sequenceId: seq.id })).rejects.toThrow(
      ConflictError,
    );
    await expect(tracker.update("shot", sh020.id, { name: "sh010" })).rejects.toThrow(ConflictError);
    const seq2 = await tracker.create("sequence", { name: "sq020", projectId: project.id });
    await expect(
      tracker.create("shot", { name: "sh010", projectId: project.id, sequenceId: seq2.id }),
    ).resolves.toMatchObject({ name: "sh010" });
  });

  it("refuses studio-wide duplicates of task types, statuses and short names", async () => {
    const { tracker } = await smallStudio();
    await expect(tracker.create("taskType", { name: "Animation", forShots: true })).rejects.toThrow(ConflictError);
    await expect(tracker.create("taskStatus", { name: "Other", shortName: "wip" })).rejects.toThrow(ConflictError);
    await expect(tracker.create("project", { name: "Bunny", productionType: "short" })).rejects.toThrow(ConflictError);
  });

  it("keeps one task per entity and task type, matching the entity kind", async () => {
    const { tracker, sh010, hero, anim, model } = await smallStudio();
    await expect(tracker.create("task", { entityId: sh010.id, taskTypeId: anim.id })).rejects.toThrow(ConflictError);
    await expect(tracker.create("task", { entityId: hero.id, taskTypeId: anim.id })).rejects.toThrow(
      /Task type of the task does not match entity type/,
    );
    await expect(tracker.create("task", { entityId: sh010.id, taskTypeId: model.id })).rejects.toThrow(ValidationError);
    const t = await tracker.create("task", { entityId: hero.id, taskTypeId: model.id });
    expect(t.entityKind).toBe("asset");
  });

  it("with Zou's rules, a duplicate asset is created and editable, but a rename onto a name is refused", async () => {
    const tracker = new MockTracker({ seed: 9, rules: zouRules });
    const project = await tracker.create("project", { name: "Dup", productionType: "short" });
    const type = await tracker.create("assetType", { name: "Props" });
    const input = { name: "Cup", projectId: project.id, assetTypeId: type.id };
    const [first, second] = [await tracker.create("asset", input), await tracker.create("asset", input)];
    expect(second.id).not.toBe(first.id);
    await expect(tracker.update("asset", second.id, { description: "the other cup" })).resolves.toBeDefined();
    const third = await tracker.create("asset", { ...input, name: "Mug" });
    await expect(tracker.update("asset", third.id, { name: "Cup" })).rejects.toThrow(ConflictError);
  });

  it("updates only the given keys and merges customData key by key", async () => {
    const { tracker, sh010 } = await smallStudio();
    await tracker.update("shot", sh010.id, { customData: { cam: "A", lens: 35 } });
    const after = await tracker.update("shot", sh010.id, { customData: { cam: "B", lens: null }, frameOut: 150 });
    expect(after.customData).toEqual({ cam: "B", lens: null });
    expect(after.frameIn).toBe(101);
    expect(after.nbFrames).toBe(50);
    expect(after.name).toBe("sh010");
  });

  it("throws NotFoundError for unknown ids", async () => {
    const { tracker } = await smallStudio();
    const missing = nobody;
    await expect(tracker.get("shot", missing)).rejects.toThrow(NotFoundError);
    await expect(tracker.update("shot", missing, { name: "x" })).rejects.toThrow(NotFoundError);
    await expect(tracker.remove("asset", missing)).rejects.toThrow(NotFoundError);
  });

  it("createAdapter gives an empty studio without a seed", async () => {
    const adapter = await createAdapter({ type: "mock" });
    expect(adapter).toBeInstanceOf(MockTracker);
    expect((await adapter.query("project", {})).items).toEqual([]);
  });
});
