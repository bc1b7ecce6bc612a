import {
  checkVariant,
  type Download,
  type Id,
  NotFoundError,
  type PreviewDownloadOptions,
  type PreviewVariant,
  parseVariant,
  variantFileName,
} from "@gadget/core/adapter";
import { solidPng } from "../seeds/demo-files.js";
import type { StoredFile, Studio } from "../studio/studio.js";
import { downloadOf } from "./files.js";

/*
 * The variants of a preview on the mock. It keeps the uploaded bytes only, and has no image or
 * movie library: `original`, `movie` and `low-movie` serve those bytes, and the pictures Kitsu builds
 * (`preview`, `thumbnail`, `square-thumbnail`) are grey placeholders of Kitsu's sizes (150×100,
 * 100×100, 1200 px wide at the picture's ratio), real PNGs, not scaled copies of the upload.
 */

const grey = [128, 128, 128] as const;

/** Kitsu's size of each built picture (zou `utils/thumbnail.py`), for a source of `width`×`height`. */
function pictureSize(variant: PreviewVariant, width: number | null, height: number | null): [number, number] {
  if (variant === "thumbnail") return [150, 100];
  if (variant === "square-thumbnail") return [100, 100];
  // `preview`: 1200 wide, the source's ratio (a movie's size is unknown to the mock: 16:9).
  const ratio = width && height ? height / width : 9 / 16;
  return [1200, Math.max(1, Math.round(1200 * ratio))];
}

/** The stored file of a variant: the upload's bytes, or a placeholder picture. */
export function previewVariantFile(studio: Studio, previewId: Id, variant: PreviewVariant): StoredFile {
  const preview = studio.require("preview", previewId);
  checkVariant(preview, variant);
  const file = studio.files.get(previewId);
  if (!file) throw NotFoundError.entity("preview file", previewId);
  const fileName = variantFileName(preview.name, preview.extension, variant);
  if (variant === "original" || variant === "movie" || variant === "low-movie") return { ...file, fileName };
  const [w, h] = pictureSize(variant, preview.width, preview.height);
  return { fileName, contentType: "image/png", bytes: solidPng(w, h, grey) };
}

/** A preview's variant as a download. */
export function downloadPreviewVariant(studio: Studio, previewId: Id, options: PreviewDownloadOptions = {}): Download {
  return downloadOf(previewVariantFile(studio, previewId, parseVariant(options.variant)), options);
}
