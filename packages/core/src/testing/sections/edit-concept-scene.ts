import { expect, test } from "vitest";
import type { Id } from "../../schema/common.js";
import type { TaskEntityKind } from "../../schema/tasks.js";
import type { ComplianceContext } from "../compliance-context.js";
import { expectTrackerError } from "../helpers/expect-error.js";
import { makeTempFile, tinyPng } from "../helpers/temp-file.js";
import { EventRecorder, warmUp } from "./event-recorder.js";

/**
 * Section: edits, concepts and scenes (Zou 1.0.67 entity types "Edit", "Concept", "Scene"): their
 * records, their rules, tasks of task types for their kind, a publish on such a task, removal, and
 * playlists of every kind Kitsu plays.
 */
export function editConceptSceneSection(ctx: ComplianceContext): void {
  const taskTypes = new Map<TaskEntityKind, Id>();
  /** A task type for `kind`, made once per run (studio-wide, removed afterwards). */
  async function typeFor(kind: TaskEntityKind): Promise<Id> {
    let id = taskTypes.get(kind);
    if (!id) {
      id = (await ctx.create("taskType", { name: `Gadget ${kind} ${ctx.suffix}`, forEntity: kind })).id;
      taskTypes.set(kind, id);
    }
    return id;
  }
  const newEdit = () => ctx.adapter.create("edit", { name: ctx.name("edit"), projectId: ctx.fx.project.id });
  const newConcept = () => ctx.adapter.create("concept", { name: ctx.name("concept"), projectId: ctx.fx.project.id });
  const newScene = () =>
    ctx.adapter.create("scene", { name: ctx.name("sc"), projectId: ctx.fx.project.id, sequenceId: ctx.fx.sequence.id });

  test("edit, concept and scene: created, read back, listed, updated", async () => {
    const { project, sequence } = ctx.fx;
    const edit = await ctx.adapter.create("edit", {
      name: ctx.name("edit"),
      projectId: project.id,
      description: "first cut",
      customData: { cut: 1 },
    });
    expect(edit).toMatchObject({ projectId: project.id, episodeId: null, description: "first cut", canceled: false });
    expect(edit.customData).toEqual({ cut: 1 });
    const concept = await ctx.adapter.create("concept", { name: ctx.name("concept"), projectId: project.id });
    expect(concept).toMatchObject({ projectId: project.id, canceled: false, previewId: null });
    const scene = await newScene();
    expect(scene).toMatchObject({ projectId: project.id, sequenceId: sequence.id, canceled: false });

    expect(await ctx.adapter.get("edit", edit.id)).toMatchObject({ id: edit.id, name: edit.name });
    expect(await ctx.adapter.get("concept", concept.id)).toMatchObject({ id: concept.id, name: concept.name });
    expect(await ctx.adapter.get("scene", scene.id)).toMatchObject({ id: scene.id, sequenceId: sequence.id });
    const edits = await ctx.adapter.query("edit", { projectId: project.id });
    expect(edits.items.map((e) => e.id)).toContain(edit.id);
    const concepts = await ctx.adapter.query("concept", { projectId: project.id, name: concept.name });
    expect(concepts.items.map((c) => c.id)).toEqual([concept.id]);
    const scenes = await ctx.adapter.query("scene", { sequenceId: sequence.id });
    expect(scenes.items.map((s) => s.id)).toContain(scene.id);

    const changed = await ctx.adapter.update("edit", edit.id, { description: "second cut", customData: { by: "ed" } });
    expect(changed.description).toBe("second cut");
    expect(changed.customData).toEqual({ cut: 1, by: "ed" });
    const described = await ctx.adapter.update("scene", scene.id, { description: "layout" });
    expect((await ctx.adapter.get("scene", described.id)).description).toBe("layout");
  });

  test("edit: on a tvshow, an edit of an episode is listed by it; the same name may be the project's own edit", async (t) => {
    t.skip(!ctx.has("episodes"), "capabilities.episodes is false");
    const show = await ctx.adapter.create("project", {
      name: `Gadget TV edits ${ctx.suffix}`,
      productionType: "tvshow",
    });
    ctx.trackProject(show.id);
    const [episode] = (await ctx.adapter.query("episode", { projectId: show.id })).items;
    if (!episode) return expect.fail("a new tvshow has its first episode");
    const ofEpisode = await ctx.adapter.create("edit", { name: "Cut", projectId: show.id, episodeId: episode.id });
    expect(ofEpisode.episodeId).toBe(episode.id);
    const whole = await ctx.adapter.create("edit", { name: "Cut", projectId: show.id });
    expect(whole.episodeId).toBeNull();
    const listed = await ctx.adapter.query("edit", { episodeId: episode.id });
    expect(listed.items.map((e) => e.id)).toEqual([ofEpisode.id]);
    await expectTrackerError(
      ctx.adapter.create("edit", { name: "Cut", projectId: show.id, episodeId: episode.id }),
      "CONFLICT",
    );
  });

  test("edit, concept and scene: a name taken in the same scope is a ConflictError; a kind's id is not another's", async () => {
    const { project } = ctx.fx;
    const edit = await newEdit();
    await expectTrackerError(ctx.adapter.create("edit", { name: edit.name, projectId: project.id }), "CONFLICT");
    const concept = await newConcept();
    await expectTrackerError(ctx.adapter.create("concept", { name: concept.name, projectId: project.id }), "CONFLICT");
    const scene = await newScene();
    await expectTrackerError(
      ctx.adapter.create("scene", { name: scene.name, projectId: project.id, sequenceId: ctx.fx.sequence.id }),
      "CONFLICT",
    );
    // The same scene name in another sequence is fine.
    const other = await ctx.newSequence();
    const twin = await ctx.adapter.create("scene", { name: scene.name, projectId: project.id, sequenceId: other.id });
    expect(twin.sequenceId).toBe(other.id);
    await expectTrackerError(ctx.adapter.get("concept", edit.id), "NOT_FOUND");
  });

  test("tasks: a task type for each kind takes tasks on it, and refuses another kind's entity", async () => {
    const { status } = ctx.fx;
    const entities = { edit: await newEdit(), concept: await newConcept(), scene: await newScene() };
    for (const [kind, entity] of Object.entries(entities) as [TaskEntityKind, { id: Id }][]) {
      const taskTypeId = await typeFor(kind);
      const type = await ctx.adapter.get("taskType", taskTypeId);
      expect(type.forEntity).toBe(kind);
      expect(type.forShots).toBe(kind !== "concept");
      const task = await ctx.adapter.create("task", { entityId: entity.id, taskTypeId, statusId: status.todo.id });
      expect(task).toMatchObject({ entityId: entity.id, entityKind: kind, taskTypeId });
      expect((await ctx.adapter.get("task", task.id)).entityKind).toBe(kind);
    }
    // Zou asks for the same kind: a shot task type does not fit an edit, an edit type not a shot.
    await expectTrackerError(
      ctx.adapter.create("task", { entityId: entities.edit.id, taskTypeId: ctx.fx.shotTaskType.id }),
      "VALIDATION",
    );
    const shot = await ctx.newShot();
    await expectTrackerError(
      ctx.adapter.create("task", { entityId: shot.id, taskTypeId: await typeFor("edit") }),
      "VALIDATION",
    );
  });

  test("publish: a comment with a preview on an edit task sets the edit's main preview", async (t) => {
    t.skip(!ctx.has("previews"), "capabilities.previews is false");
    const edit = await newEdit();
    const task = await ctx.adapter.create("task", { entityId: edit.id, taskTypeId: await typeFor("edit") });
    const comment = await ctx.comment(task.id, ctx.fx.status.wfa.id, "cut v1");
    const preview = await ctx.adapter.addPreview(task.id, comment.id, await makeTempFile(tinyPng, "png", "cut_v001"));
    expect(preview).toMatchObject({ taskId: task.id, revision: 1 });
    await ctx.adapter.setMainPreview(preview.id);
    expect((await ctx.adapter.get("edit", edit.id)).previewId).toBe(preview.id);
    expect((await ctx.adapter.get("task", task.id)).statusId).toBe(ctx.fx.status.wfa.id);
  });

  test("remove: an edit or concept with tasks is canceled, forced it goes; a scene with tasks is canceled even forced", async () => {
    const edit = await newEdit();
    await ctx.adapter.create("task", { entityId: edit.id, taskTypeId: await typeFor("edit") });
    expect(await ctx.adapter.remove("edit", edit.id)).toEqual({ outcome: "canceled" });
    expect((await ctx.adapter.get("edit", edit.id)).canceled).toBe(true);
    expect(await ctx.adapter.remove("edit", edit.id, { force: true })).toEqual({ outcome: "deleted" });
    await expectTrackerError(ctx.adapter.get("edit", edit.id), "NOT_FOUND");
    const bare = await newConcept();
    expect(await ctx.adapter.remove("concept", bare.id)).toEqual({ outcome: "deleted" });
    const scene = await newScene();
    await ctx.adapter.create("task", { entityId: scene.id, taskTypeId: await typeFor("scene") });
    expect(await ctx.adapter.remove("scene", scene.id, { force: true })).toEqual({ outcome: "canceled" });
    expect((await ctx.adapter.get("scene", scene.id)).canceled).toBe(true);
  });

  test("events: edit:new, concept:new and scene:new carry the record's id; scene:delete even when a scene is canceled (as Zou announces it)", async (t) => {
    t.skip(!ctx.has("events"), "capabilities.events is false");
    const log = new EventRecorder(ctx.eventTimeoutMs);
    log.start(ctx.adapter);
    try {
      await warmUp(ctx.adapter, log, (await ctx.newShot()).id);
      const edit = await newEdit();
      const concept = await newConcept();
      const scene = await newScene();
      expect((await log.next("edit:new", edit.id)).data).toMatchObject({ editId: edit.id });
      expect((await log.next("concept:new", concept.id)).data).toMatchObject({ conceptId: concept.id });
      expect((await log.next("scene:new", scene.id)).data).toMatchObject({ sceneId: scene.id });
      await ctx.adapter.create("task", { entityId: scene.id, taskTypeId: await typeFor("scene") });
      const from = log.events.length;
      await ctx.adapter.remove("scene", scene.id);
      expect((await log.next("scene:delete", scene.id, from)).projectId).toBe(ctx.fx.project.id);
      expect((await ctx.adapter.get("scene", scene.id)).canceled).toBe(true);
    } finally {
      log.unsubscribe();
    }
  });

  test("playlists: edits and sequences are played in playlists of their kind; concepts and scenes are refused", async (t) => {
    t.skip(!ctx.has("playlists"), "capabilities.playlists is false");
    const { project } = ctx.fx;
    const edit = await newEdit();
    const cuts = await ctx.adapter.create("playlist", {
      name: ctx.name("cuts"),
      projectId: project.id,
      forEntity: "edit",
    });
    expect(cuts.forEntity).toBe("edit");
    const added = await ctx.adapter.addPlaylistEntries(cuts.id, [{ entityId: edit.id, previewId: null }]);
    expect(added.entries).toEqual([{ entityId: edit.id, previewId: null }]);
    expect((await ctx.adapter.get("playlist", cuts.id)).forEntity).toBe("edit");
    const sequence = await ctx.newSequence();
    const seqs = await ctx.adapter.create("playlist", {
      name: ctx.name("seqs"),
      projectId: project.id,
      forEntity: "sequence",
    });
    const withSeq = await ctx.adapter.addPlaylistEntries(seqs.id, [{ entityId: sequence.id, previewId: null }]);
    expect(withSeq.entries.map((e) => e.entityId)).toEqual([sequence.id]);
    for (const forEntity of ["concept", "scene"]) {
      const input = { name: ctx.name("refused"), projectId: project.id, forEntity } as never;
      await expectTrackerError(ctx.adapter.create("playlist", input), "VALIDATION");
    }
    const names = (await ctx.adapter.query("playlist", { projectId: project.id })).items.map((p) => p.name);
    expect(names.filter((n) => n.startsWith("refused"))).toEqual([]);
  });
}
