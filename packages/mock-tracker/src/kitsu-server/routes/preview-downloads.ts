import type { RouteDef, ServerContext, ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { typedId } from "./helpers.js";
import { previewByPublicId } from "./previews.js";

/*
 * A preview's files (zou.md §2.9; recorded 195–210). The tracker keeps one file per preview, so
 * every size (thumbnail, square, preview, original, low movie) serves it.
 */

async function download(req: ZouRequest, ctx: ServerContext) {
  const p = await previewByPublicId(ctx, typedId(req.params.previewId));
  if (!p) throw zou.notFound();
  const file = await ctx.tracker.downloadPreview(p.id);
  return {
    status: 200,
    body: file.stream,
    contentType: file.contentType ?? "application/octet-stream",
    contentLength: file.size,
  };
}

const filePatterns = [
  "/pictures/thumbnails/preview-files/:previewId.png",
  "/pictures/thumbnails-square/preview-files/:previewId.png",
  "/pictures/previews/preview-files/:previewId.png",
  "/pictures/originals/preview-files/:previewId.png",
  "/pictures/originals/preview-files/:previewId/download",
  "/movies/originals/preview-files/:previewId.mp4",
  "/movies/low/preview-files/:previewId.mp4",
];

export const previewDownloadRoutes: RouteDef[] = filePatterns.map(
  (pattern): RouteDef => ({
    method: "GET",
    // The router matches whole segments: `<id>.png` is one parameter, split here.
    pattern: pattern.replace(/:previewId\.(png|mp4)$/, ":previewFile"),
    handler: (req, ctx) => {
      const file = req.params.previewFile;
      if (file !== undefined) req.params.previewId = file.replace(/\.(png|mp4)$/, "");
      return download(req, ctx);
    },
  }),
);
