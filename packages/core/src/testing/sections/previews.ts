import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import type { TransferProgress } from "../../adapter/files.js";
import { kinds } from "../../schema/kinds.js";
import type { ComplianceContext } from "../compliance-context.js";
import { readDownload } from "../helpers/download.js";
import { makeTempFile, tinyPng } from "../helpers/temp-file.js";
import { mainPreviewAutomationCases } from "./main-preview-automation.js";
import { previewVariantCases } from "./preview-variants.js";

/** Section 5: preview revisions and positions, main preview, download (zou.md §2.9). */
export function previewsSection(ctx: ComplianceContext): void {
  test("revisions grow per task; previews of one comment share a revision with growing positions", async () => {
    const { status } = ctx.fx;
    const task = await ctx.newShotTask();
    const first = await ctx.comment(task.id, status.wfa.id, "v1");
    const p1 = await ctx.adapter.addPreview(task.id, first.id, await makeTempFile(tinyPng, "png", "frame_v001"));
    const p2 = await ctx.adapter.addPreview(task.id, first.id, await makeTempFile(tinyPng, "png", "frame_v001_alt"));
    const second = await ctx.comment(task.id, status.wfa.id, "v2");
    const p3 = await ctx.adapter.addPreview(task.id, second.id, await makeTempFile(tinyPng, "png", "frame_v002"));
    for (const p of [p1, p2, p3]) expect(() => kinds.preview.record.parse(p)).not.toThrow();
    expect(p1).toMatchObject({ taskId: task.id, commentId: first.id, revision: 1, position: 1, name: "frame_v001" });
    expect(p2).toMatchObject({ taskId: task.id, commentId: first.id, revision: 1, position: 2 });
    expect(p3).toMatchObject({ taskId: task.id, commentId: second.id, revision: 2, position: 1 });
    const comment = await ctx.adapter.get("comment", first.id);
    expect([...comment.previewIds].sort()).toEqual([p1.id, p2.id].sort());
    const ofComment = await ctx.adapter.query("preview", { commentId: first.id });
    expect(ofComment.items.map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort());
    expect(await ctx.adapter.get("preview", p3.id)).toMatchObject({ revision: 2, position: 1, taskId: task.id });
    expect((await ctx.adapter.get("task", task.id)).lastPreviewId).toBe(p3.id);
  });

  test("setMainPreview makes the preview the entity's previewId", async () => {
    const task = await ctx.newShotTask();
    const comment = await ctx.comment(task.id, ctx.fx.status.wfa.id);
    const preview = await ctx.adapter.addPreview(task.id, comment.id, await makeTempFile(tinyPng, "png", "thumb"));
    expect((await ctx.adapter.get("shot", task.entityId)).previewId).toBeNull();
    await ctx.adapter.setMainPreview(preview.id);
    expect((await ctx.adapter.get("shot", task.entityId)).previewId).toBe(preview.id);
  });

  test("upload reports progress up to the file size, and downloadPreview returns the same bytes", async () => {
    const task = await ctx.newShotTask();
    const comment = await ctx.comment(task.id, ctx.fx.status.wfa.id);
    // A file type trackers store as sent: Kitsu re-encodes pictures and movies (recorded 190/198).
    const bytes = randomBytes(4096);
    const file = await makeTempFile(bytes, "zip", "scene_package");
    const progress: TransferProgress[] = [];
    const preview = await ctx.adapter.addPreview(task.id, comment.id, file, { onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ fileName: file.fileName, loaded: file.size });
    const loaded = progress.map((p) => p.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(preview).toMatchObject({ extension: "zip", name: "scene_package" });
    const download = await ctx.adapter.downloadPreview(preview.id);
    expect((await readDownload(download)).equals(bytes)).toBe(true);
  });

  previewVariantCases(ctx);
  mainPreviewAutomationCases(ctx);
}
