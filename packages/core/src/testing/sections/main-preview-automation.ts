import { beforeAll, expect, test } from "vitest";
import type { PublishData } from "../../adapter/contract.js";
import type { Id } from "../../schema/common.js";
import type { ProjectRecord, SequenceRecord } from "../../schema/production.js";
import type { PreviewRecord } from "../../schema/reviews.js";
import type { ComplianceContext } from "../compliance-context.js";
import { makeTempFile, tinyPng } from "../helpers/temp-file.js";
import { EventRecorder, warmUp } from "./event-recorder.js";

/*
 * Kitsu's "set main preview automatically" (`mainPreviewAutomated`, Zou's is_set_preview_automated):
 * the first preview of a comment, a picture or a movie, becomes the entity's main preview as its
 * file is stored, asked or not. Checked on a second project with the setting, and on the fixture
 * project (without it), where nothing changes unasked.
 */

interface Automated {
  project: ProjectRecord;
  sequence: SequenceRecord;
}

/** Publishes as core does: the adapter's one-call publish, or comment → previews → main preview. */
async function publishOn(ctx: ComplianceContext, taskId: Id, data: PublishData): Promise<PreviewRecord[]> {
  if (ctx.adapter.publish) return (await ctx.adapter.publish(taskId, data)).previews;
  const { previews: files, setMainPreview, ...comment } = data;
  const posted = await ctx.adapter.comment(taskId, comment);
  const previews: PreviewRecord[] = [];
  for (const file of files) previews.push(await ctx.adapter.addPreview(taskId, posted.id, file));
  if (setMainPreview && previews[0]) await ctx.adapter.setMainPreview(previews[0].id);
  return previews;
}

/** Cases of the previews section on a project that automates its main previews. */
export function mainPreviewAutomationCases(ctx: ComplianceContext): void {
  let automated: Automated | undefined;

  beforeAll(async () => {
    if (!ctx.has("previews")) return;
    let project = await ctx.adapter.create("project", {
      name: `Gadget Auto Preview ${ctx.suffix}`,
      productionType: "short",
      mainPreviewAutomated: true,
    });
    ctx.trackProject(project.id);
    project = await ctx.adapter.addToProject(project.id, "taskStatus", ctx.fx.status.todo.id);
    project = await ctx.adapter.addToProject(project.id, "taskStatus", ctx.fx.status.wfa.id);
    project = await ctx.adapter.addToProject(project.id, "taskType", ctx.fx.shotTaskType.id);
    const sequence = await ctx.adapter.create("sequence", { name: ctx.name("sq"), projectId: project.id });
    automated = { project, sequence };
  }, ctx.timeoutMs * 2);

  const auto = (): Automated => {
    expect(automated, "the automated project is built before these cases").toBeDefined();
    return automated!;
  };
  /** A fresh shot of the automated project with one task in `todo`. */
  const autoShotTask = async () => {
    const { project, sequence } = auto();
    const shot = await ctx.adapter.create("shot", {
      name: ctx.name("sh"),
      projectId: project.id,
      sequenceId: sequence.id,
    });
    return ctx.newTask(shot.id);
  };
  const png = (name: string) => makeTempFile(tinyPng, "png", name);
  const publishData = async (setMainPreview: boolean, ...names: string[]): Promise<PublishData> => ({
    statusId: ctx.fx.status.wfa.id,
    text: "automated main preview",
    previews: await Promise.all(names.map(png)),
    setMainPreview,
  });
  const mainPreviewOf = async (shotId: Id) => (await ctx.adapter.get("shot", shotId)).previewId;

  test("a project keeps mainPreviewAutomated from its create input (false by default) and changes it on update", async () => {
    const { project } = auto();
    expect(project.mainPreviewAutomated).toBe(true);
    expect((await ctx.adapter.get("project", project.id)).mainPreviewAutomated).toBe(true);
    expect((await ctx.adapter.get("project", ctx.fx.project.id)).mainPreviewAutomated).toBe(false);
    const off = await ctx.adapter.update("project", project.id, { mainPreviewAutomated: false });
    expect(off.mainPreviewAutomated).toBe(false);
    expect((await ctx.adapter.get("project", project.id)).mainPreviewAutomated).toBe(false);
    const on = await ctx.adapter.update("project", project.id, { mainPreviewAutomated: true });
    expect(on.mainPreviewAutomated).toBe(true);
  });

  test("on a project with mainPreviewAutomated, publishing a preview without setMainPreview makes it the main preview", async () => {
    const task = await autoShotTask();
    const [preview] = await publishOn(ctx, task.id, await publishData(false, "auto_v001"));
    expect(await mainPreviewOf(task.entityId)).toBe(preview!.id);
  });

  test("on a project with mainPreviewAutomated, setMainPreview: true gives the same main preview", async () => {
    const task = await autoShotTask();
    const [preview] = await publishOn(ctx, task.id, await publishData(true, "auto_v001"));
    expect(await mainPreviewOf(task.entityId)).toBe(preview!.id);
  });

  test("on a project with mainPreviewAutomated, only the first preview of a comment becomes main, and each new comment's does", async () => {
    const task = await autoShotTask();
    const [first, second] = await publishOn(ctx, task.id, await publishData(false, "auto_a", "auto_b"));
    expect(second!.position).toBe(2);
    expect(await mainPreviewOf(task.entityId)).toBe(first!.id);
    const [next] = await publishOn(ctx, task.id, await publishData(false, "auto_c"));
    expect(await mainPreviewOf(task.entityId)).toBe(next!.id);
  });

  test("on a project with mainPreviewAutomated, a preview added on its own becomes main; a file kept as sent (zip) does not", async () => {
    const task = await autoShotTask();
    const comment = await ctx.comment(task.id, ctx.fx.status.wfa.id, "add-preview");
    const zip = await ctx.adapter.addPreview(task.id, comment.id, await makeTempFile("not a picture", "zip", "pkg"));
    expect(zip.position).toBe(1);
    expect(await mainPreviewOf(task.entityId)).toBeNull();
    const other = await ctx.comment(task.id, ctx.fx.status.wfa.id, "add-preview 2");
    const picture = await ctx.adapter.addPreview(task.id, other.id, await png("auto_single"));
    expect(await mainPreviewOf(task.entityId)).toBe(picture.id);
  });

  test("on a project without the setting, publishing without setMainPreview leaves the main preview as it was", async () => {
    const task = await ctx.newShotTask();
    const [kept] = await publishOn(ctx, task.id, await publishData(true, "manual_v001"));
    expect(await mainPreviewOf(task.entityId)).toBe(kept!.id);
    await publishOn(ctx, task.id, await publishData(false, "manual_v002"));
    expect(await mainPreviewOf(task.entityId)).toBe(kept!.id);
    const bare = await ctx.newShotTask();
    await publishOn(ctx, bare.id, await publishData(false, "manual_v001"));
    expect(await mainPreviewOf(bare.entityId)).toBeNull();
  });

  test("on a project with mainPreviewAutomated, the upload sends preview-file:set-main and the entity's update", async (t) => {
    t.skip(!ctx.has("events"), "capabilities.events is false");
    const scratch = await autoShotTask();
    const task = await autoShotTask();
    const log = new EventRecorder(ctx.eventTimeoutMs);
    log.start(ctx.adapter);
    try {
      // Another shot warms up: the shot's own update must come from the upload alone.
      await warmUp(ctx.adapter, log, scratch.entityId);
      const from = log.events.length;
      const [preview] = await publishOn(ctx, task.id, await publishData(false, "auto_events"));
      const main = await log.next("preview-file:set-main", preview!.id, from);
      expect(main.projectId).toBe(auto().project.id);
      expect(main.data).toMatchObject({ entityId: task.entityId, previewFileId: preview!.id });
      const index = log.events.indexOf(main);
      await log.next("shot:update", task.entityId, index);
    } finally {
      log.unsubscribe();
    }
  });
}
