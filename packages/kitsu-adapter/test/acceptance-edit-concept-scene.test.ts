import { type TrackerEvent, ValidationError } from "@gadget/core";
import { describe, expect, it, vi } from "vitest";
import { both, tempFile } from "./acceptance-fixture.js";

/* Edits, concepts and scenes as a TD uses them, on Kitsu (the Kitsu-compatible server) and on the mock. */

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe("acceptance on Kitsu vs the mock: edits, concepts and scenes", () => {
  it("collections, tasks of a type for the kind, a publish, load(), events and playlists", async () => {
    const { kitsu: k, mock: m } = await both(async (project) => {
      const { tracker } = project;
      const seen: TrackerEvent[] = [];
      project.on("*", (e) => {
        if (["edit", "concept", "scene"].includes(e.kind)) seen.push(e);
      });
      const cutType = await tracker.taskTypes.new({ name: "Cut", forEntity: "edit" });
      const sketchType = await tracker.taskTypes.new({ name: "Sketch", forEntity: "concept" });
      const blockingType = await tracker.taskTypes.new({ name: "Scene Blocking", forEntity: "scene" });
      expect([cutType.forShots, sketchType.forShots, blockingType.forShots]).toEqual([true, false, true]);

      const edit = await project.edits.new({ name: "Teaser", description: "90 s", customData: { cut: 1 } });
      const concept = await project.concepts.new({ name: "Hero silhouettes" });
      const seq = await project.sequences.get({ name: "sq010" });
      const scene = await seq.scenes.new({ name: "sc010" });
      expect(await project.edits.get({ name: "Teaser" })).toBe(edit);
      expect(await seq.scenes.get({ name: "sc010" })).toBe(scene);
      expect((await scene.sequence()).name).toBe("sq010");

      const cut = await edit.tasks.new({ taskType: cutType });
      expect(await edit.tasks.fetch("Cut")).toBe(cut);
      expect(await cut.entity()).toBe(edit);
      const sketch = await concept.tasks.new({ taskType: sketchType });
      const blocking = await scene.tasks.new({ taskType: "Scene Blocking" });
      // init-data's two "Concept" task types: the name means the one for the entity's kind.
      const conceptTask = await concept.tasks.new({ taskType: "Concept" });
      expect((await conceptTask.taskType()).forEntity).toBe("concept");
      const prop = await project.assets.get({ name: "Lantern" });
      const propConcept = await prop.tasks.new({ taskType: "Concept", name: "second" });
      expect((await propConcept.taskType()).forEntity).toBe("asset");
      const wrong = await edit.tasks.new({ taskType: "Layout" }).catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(ValidationError);

      const comment = await cut.comments.new({
        comment: "Teaser v1",
        status: "wfa",
        preview: [await tempFile("teaser_v001.png", png)],
        setMainPreview: true,
      });
      const [preview] = await comment.previews.all();
      expect(edit.previewId).toBe(preview?.id);
      expect((await cut.status()).shortName).toBe("wfa");

      const loaded = await tracker.load("concept", concept.id);
      expect(loaded).toBe(concept);

      const cuts = await project.playlists.new({ name: "Cuts", forEntity: "edit" });
      await cuts.add([{ entity: edit }]);
      const refused = await project.playlists.new({ name: "Concepts", forEntity: "concept" as never }).catch((e) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      const shot = await seq.shots.get({ name: "sh010" });
      const mixed = await cuts.add([{ entity: shot }]).catch((e: unknown) => e);
      expect(mixed).toBeInstanceOf(ValidationError);

      await vi.waitFor(() =>
        expect(seen.map((e) => e.name)).toEqual(expect.arrayContaining(["edit:new", "concept:new", "scene:new"])),
      );
      return {
        edit: { name: edit.name, description: edit.description, customData: edit.customData, episode: edit.episodeId },
        tasks: [cut, sketch, blocking].map((t) => t.entityKind),
        entries: cuts.entries.map((e) => e.entityId === edit.id),
        playlists: (await project.playlists.all()).map((p) => p.name).sort(),
        removed: [(await concept.delete()).outcome, (await scene.delete({ force: true })).outcome],
      };
    });
    expect(k).toEqual(m);
    expect(k.tasks).toEqual(["edit", "concept", "scene"]);
    expect(k.playlists).toEqual(["Cuts", "Dailies 2026-01-09"]);
    expect(k.removed).toEqual(["canceled", "canceled"]);
  });
});
