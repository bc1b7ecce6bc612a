import { z } from "zod";
import { NotFoundError, ValidationError } from "../errors.js";
import type { PreviewRecord } from "../schema/reviews.js";
import type { TransferOptions } from "./files.js";

/*
 * Which files a preview has, as Kitsu builds them on upload (zou `previews/resources.py`,
 * `preview_files_service.save_variants` and `prepare_and_store_movie`): a picture (stored as png)
 * gets a 1200 px wide picture and two thumbnails; a movie (normalized to mp4) gets a low-definition
 * movie and the same three pictures, taken from its first frame; any other file is stored as sent,
 * with nothing built from it. Every backend answers from this table, so a variant a preview lacks is
 * the same NotFoundError everywhere.
 */

/** The schema of a preview variant name. */
export const previewVariantSchema = z.enum([
  "original",
  "movie",
  "low-movie",
  "preview",
  "thumbnail",
  "square-thumbnail",
]);

/**
 * A file of a preview: `original` (the uploaded file as the tracker keeps it: png for pictures,
 * mp4 for movies), `movie` (the full-definition movie), `low-movie` (the low-definition movie),
 * `preview` (a picture 1200 px wide), `thumbnail` (150×100) and `square-thumbnail` (100×100).
 */
export type PreviewVariant = z.infer<typeof previewVariantSchema>;

const pictureVariants: readonly PreviewVariant[] = ["original", "preview", "thumbnail", "square-thumbnail"];
// A movie has them all.
const movieVariants: readonly PreviewVariant[] = previewVariantSchema.options;
const fileVariants: readonly PreviewVariant[] = ["original"];

// Zou's ALLOWED_PICTURE_EXTENSION and ALLOWED_MOVIE_EXTENSION: Kitsu stores these as png and mp4;
// a tracker that keeps the uploaded extension (the mock) still builds the same variants.
const pictureExtensions = new Set(["png", "jpg", "jpeg", "jpe"]);
const movieExtensions = new Set(["mp4", "mov", "avi", "m4v", "mkv", "webm", "wmv"]);

/** The variants a preview of this extension has (`png`: a picture, `mp4`: a movie, else a file kept as sent). */
export function variantsOf(extension: string | null): readonly PreviewVariant[] {
  const ext = extension?.toLowerCase() ?? "";
  if (pictureExtensions.has(ext)) return pictureVariants;
  if (movieExtensions.has(ext)) return movieVariants;
  return fileVariants;
}

/**
 * A picture or a movie, as opposed to a file kept as sent: only these become an entity's main
 * preview on a project with `mainPreviewAutomated` (Zou runs update_preview_file_info for them alone).
 */
export function isPictureOrMovie(extension: string | null): boolean {
  return variantsOf(extension) !== fileVariants;
}

/** Options of `downloadPreview`: which file, plus progress and cancellation. */
export interface PreviewDownloadOptions extends TransferOptions {
  /**
   * Which file of the preview: the uploaded one, the movie, or a picture built from it. A variant
   * the preview does not have (a `movie` of a picture, a `thumbnail` of a zip) is a NotFoundError
   * that names it.
   *
   * @default "original"
   * @example
   * variant: "thumbnail"
   */
  variant?: PreviewVariant;
}

/** The variant asked for, checked: a ValidationError for a name that is not one. */
export function parseVariant(variant: unknown): PreviewVariant {
  if (variant === undefined) return "original";
  const parsed = previewVariantSchema.safeParse(variant);
  if (!parsed.success) {
    throw ValidationError.invalidOption(
      "variant",
      JSON.stringify(variant),
      `one of ${previewVariantSchema.options.join(", ")}`,
    );
  }
  return parsed.data;
}

/** Throws the NotFoundError naming the variant when the preview has no such file. */
export function checkVariant(preview: Pick<PreviewRecord, "id" | "extension">, variant: PreviewVariant): void {
  const has = variantsOf(preview.extension);
  if (!has.includes(variant)) throw NotFoundError.previewVariant(preview.id, preview.extension, variant, has);
}

/**
 * The file name a variant downloads as, the same on every backend: the preview's name with the
 * variant's extension, and the variant in between for the files the tracker built
 * (`layout_v003.thumbnail.png`).
 */
export function variantFileName(name: string, extension: string | null, variant: PreviewVariant): string {
  const ext = variant === "original" ? extension || "bin" : variant.endsWith("movie") ? "mp4" : "png";
  const suffix = variant === "original" || variant === "movie" ? "" : `.${variant}`;
  return `${name}${suffix}.${ext}`;
}
