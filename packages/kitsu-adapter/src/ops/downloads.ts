import {
  checkVariant,
  type Download,
  type Id,
  NotFoundError,
  type PreviewDownloadOptions,
  type PreviewVariant,
  parseVariant,
  type TransferOptions,
  variantFileName,
  variantsOf,
} from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, type Route, routes } from "../routes.js";
import { streamDownload } from "../transport/download-stream.js";
import type { OpsContext } from "./ops-context.js";
import { checkId } from "./validate.js";

const getRow = (ctx: OpsContext, model: "preview-files" | "attachment-files", id: Id) =>
  ctx.client.request<KitsuRow>({ method: "GET", path: path(routes.getModel, { model, id }) });

/** Zou's route of each variant (previews/resources.py); `original` depends on what was uploaded. */
function variantRoute(variant: PreviewVariant, extension: string): Route {
  switch (variant) {
    case "original":
      if (extension === "png") return routes.previewPicture;
      return extension === "mp4" ? routes.previewMovie : routes.previewOther;
    case "movie":
      return routes.previewMovie;
    case "low-movie":
      return routes.previewLowMovie;
    case "preview":
      return routes.previewWidePicture;
    case "thumbnail":
      return routes.previewThumbnail;
    case "square-thumbnail":
      return routes.previewSquareThumbnail;
  }
}

/**
 * A file of a preview: pictures are stored as png, movies as mp4, other files as sent, and Zou
 * builds the pictures and the low movie of `variantsOf(extension)` from them. The variant is
 * checked against the preview's extension before the file is asked for; a movie Zou has not
 * finished (or failed) encoding answers 404, the same NotFoundError with its status.
 */
export async function downloadPreview(
  ctx: OpsContext,
  previewId: Id,
  options: PreviewDownloadOptions = {},
): Promise<Download> {
  checkId(previewId, "preview");
  const variant = parseVariant(options.variant);
  const row = await getRow(ctx, "preview-files", previewId);
  const extension = typeof row.extension === "string" && row.extension ? row.extension : "png";
  checkVariant({ id: previewId, extension }, variant);
  const base = typeof row.original_name === "string" && row.original_name ? row.original_name : previewId;
  const fileName = variantFileName(base, extension, variant);
  try {
    return await streamDownload(
      ctx.client,
      path(variantRoute(variant, extension), { id: previewId }),
      fileName,
      options,
    );
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const status = typeof row.status === "string" ? row.status : undefined;
    throw NotFoundError.previewVariant(previewId, extension, variant, variantsOf(extension), status);
  }
}

export async function downloadAttachment(
  ctx: OpsContext,
  attachmentId: Id,
  options: TransferOptions = {},
): Promise<Download> {
  checkId(attachmentId, "attachment");
  const row = await getRow(ctx, "attachment-files", attachmentId);
  const name = String(row.name ?? attachmentId);
  return streamDownload(ctx.client, path(routes.attachmentFile, { id: attachmentId, name }), name, options);
}
