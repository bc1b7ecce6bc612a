import { automatesMainPreview, type Id, type PreviewRecord } from "@gadget/core/adapter";
import type { OpsContext } from "./ops-context.js";

/**
 * Whether Zou already made `preview` its entity's main preview while storing its file, the task's
 * project automating it (`automatesMainPreview`). Only what the session already knows counts (the
 * task's project and that project's row): when either is unknown the answer is false and the
 * caller sends set-main-preview, rather than spend a read to save a write. What the session knows
 * of a project is as old as its cacheTtl at most (the cache is dropped on that clock) and is
 * forgotten at a `project:update` event, so a setting turned off elsewhere is seen again.
 */
export function mainPreviewSetByTracker(ctx: OpsContext, taskId: Id, preview: PreviewRecord): boolean {
  const projectId = ctx.ref.projectOfTask(taskId);
  const automated = projectId === undefined ? undefined : ctx.ref.knownProject(projectId)?.mainPreviewAutomated;
  return automated !== undefined && automatesMainPreview({ mainPreviewAutomated: automated }, preview);
}
