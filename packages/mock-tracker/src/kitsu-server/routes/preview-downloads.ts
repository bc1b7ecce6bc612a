import { NotFoundError, type PreviewVariant, variantsOf } from "@gadget/core/adapter";
import type { RouteDef, ServerContext, ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { typedId } from "./helpers.js";
import { previewByPublicId } from "./previews.js";

/*
 * A preview's files (zou.md §2.9; recorded 195–210; zou previews/resources.py). Each route serves
 * one variant of the tracker's `downloadPreview`, which answers NotFoundError where Zou has no file
 * (a movie of a picture, a thumbnail of a zip): 404 here, as Zou. `pictures/originals/<id>.png` of a
 * movie is the frame Zou extracts; the mock has no frame and serves its `preview` placeholder.
 */

type Pick = (extension: string | null, requested: string) => PreviewVariant | undefined;

async function download(req: ZouRequest, ctx: ServerContext, pick: Pick, requested: string) {
  const p = await previewByPublicId(ctx, typedId(req.params.previewId));
  if (!p) throw zou.notFound();
  const variant = pick(p.extension, requested);
  if (!variant) throw zou.notFound();
  try {
    const file = await ctx.tracker.downloadPreview(p.id, { variant });
    return {
      status: 200,
      body: file.stream,
      contentType: file.contentType ?? "application/octet-stream",
      contentLength: file.size,
    };
  } catch (error) {
    if (error instanceof NotFoundError) throw zou.notFound();
    throw error;
  }
}

/** `pictures/originals/<id>.<ext>`: the picture (or a movie's frame) for png, the stored file for its own extension. */
const originalPicture: Pick = (extension, requested) => {
  const has = variantsOf(extension);
  if (requested !== "png") return requested === extension ? "original" : undefined;
  if (has.includes("movie")) return "preview";
  return has.includes("thumbnail") ? "original" : undefined;
};

const fileRoutes: [pattern: string, pick: Pick][] = [
  ["/pictures/thumbnails/preview-files/:previewFile", () => "thumbnail"],
  ["/pictures/thumbnails-square/preview-files/:previewFile", () => "square-thumbnail"],
  ["/pictures/previews/preview-files/:previewFile", () => "preview"],
  ["/pictures/originals/preview-files/:previewFile", originalPicture],
  ["/pictures/originals/preview-files/:previewId/download", () => "original"],
  ["/movies/originals/preview-files/:previewFile", () => "movie"],
  ["/movies/low/preview-files/:previewFile", () => "low-movie"],
];

/** The extension each `<id>.<ext>` route is declared with (the originals route takes any). */
const declared: Record<string, string> = {
  thumbnails: "png",
  "thumbnails-square": "png",
  previews: "png",
};

export const previewDownloadRoutes: RouteDef[] = fileRoutes.map(
  ([pattern, pick]): RouteDef => ({
    method: "GET",
    // The router matches whole segments: `<id>.<ext>` is one parameter, split here.
    pattern,
    handler: (req, ctx) => {
      const file = req.params.previewFile;
      let requested = "";
      if (file !== undefined) {
        const dot = file.indexOf(".");
        if (dot < 0) throw zou.notFound();
        req.params.previewId = file.slice(0, dot);
        requested = file.slice(dot + 1).toLowerCase();
        const folder = pattern.split("/")[2] ?? "";
        const wanted = pattern.startsWith("/movies/") ? "mp4" : declared[folder];
        if (wanted !== undefined && requested !== wanted) throw zou.notFound();
      }
      return download(req, ctx, pick, requested);
    },
  }),
);
