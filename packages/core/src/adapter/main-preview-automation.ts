import type { ProjectRecord } from "../schema/production.js";
import type { PreviewRecord } from "../schema/reviews.js";
import { isPictureOrMovie } from "./preview-variants.js";

/**
 * Kitsu's "set main preview automatically", as Zou 1.0.67 applies it when a preview's file is
 * stored (update_preview_file_info): on a project with `mainPreviewAutomated`, a preview that is
 * the first of its comment (position 1) and a picture or a movie becomes the main preview of its
 * task's entity, with the events of a set-main-preview. A file kept as sent (a zip) never does.
 *
 * @example
 * const [first] = comment.previewIds;
 * if (first && automatesMainPreview(project, await adapter.get("preview", first))) console.log("set by the tracker");
 */
export function automatesMainPreview(
  project: Pick<ProjectRecord, "mainPreviewAutomated">,
  preview: Pick<PreviewRecord, "position" | "extension">,
): boolean {
  return project.mainPreviewAutomated && preview.position === 1 && isPictureOrMovie(preview.extension);
}
