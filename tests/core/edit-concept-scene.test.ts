import { Tracker, ValidationError } from "@gadget/core";
import { MockTracker } from "@gadget/mock-tracker";
import { describe, expect, test } from "vitest";

/* The model's side of edits, concepts and scenes on the mock: collections, and task types' kind of entity. */

describe("edits, concepts and scenes in the model", () => {
  test("episode.edits and project.edits; sequence.scenes and project.scenes", async () => {
    const tracker = Tracker.connect(new MockTracker());
    const show = await tracker.projects.new({ name: "Show", productionType: "tvshow" });
    const ep = await show.episodes.get({ name: "E01" });
    const epCut = await ep.edits.new({ name: "Cut" });
    const wholeCut = await show.edits.new({ name: "Cut" });
    expect(epCut.episodeId).toBe(ep.id);
    expect(await epCut.episode()).toBe(ep);
    expect(wholeCut.episodeId).toBeNull();
    expect((await ep.edits.all()).map((e) => e.id)).toEqual([epCut.id]);
    expect((await show.edits.all()).map((e) => e.id).sort()).toEqual([epCut.id, wholeCut.id].sort());
    const seq = await ep.sequences.new({ name: "sq010" });
    const scene = await seq.scenes.new({ name: "sc010" });
    expect(await show.scenes.get({ name: "sc010" })).toBe(scene);
    await expect(seq.scenes.new({ name: "sc020", description: "no" } as never)).rejects.toBeInstanceOf(ValidationError);
    scene.description = "layout";
    await scene.save();
    expect((await tracker.load("scene", scene.id)).description).toBe("layout");
    await tracker.close();
  });

  test("taskTypes.new takes forEntity or forShots; both disagreeing, or neither, is a ValidationError naming them", async () => {
    const tracker = Tracker.connect(new MockTracker());
    const legacy = await tracker.taskTypes.new({ name: "Anim3D", forShots: true });
    expect([legacy.forEntity, legacy.forShots]).toEqual(["shot", true]);
    const props = await tracker.taskTypes.new({ name: "Props", forShots: false });
    expect(props.forEntity).toBe("asset");
    const seqType = await tracker.taskTypes.new({ name: "Seq Layout", forEntity: "sequence" });
    expect([seqType.forEntity, seqType.forShots]).toEqual(["sequence", true]);
    const both = await tracker.taskTypes.new({ name: "X", forShots: false, forEntity: "edit" }).catch((e) => e);
    expect(both).toBeInstanceOf(ValidationError);
    expect((both as Error).message).toContain("forEntity");
    const neither = await tracker.taskTypes.new({ name: "Y" }).catch((e: unknown) => e);
    expect(neither).toBeInstanceOf(ValidationError);
    expect(await tracker.taskTypes.find({ name: "X" })).toBeUndefined();
    await tracker.close();
  });
});
