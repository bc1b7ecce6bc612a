import { z } from "zod";
import { transferOptionsShape } from "./options.js";

/*
 * The options of `preview.download()` and `attachment.download()`: a misspelt key (`varient`) is
 * refused by name rather than read as a download of the original. `to` and `variant` are checked by
 * downloadTarget and parseVariant, whose messages name the fix.
 */

/** `attachment.download(options)`. */
export const attachmentDownloadOptionsSchema = z.strictObject({ ...transferOptionsShape, to: z.unknown().optional() });

/** `preview.download(options)`. */
export const previewDownloadOptionsSchema = z.strictObject({
  ...transferOptionsShape,
  to: z.unknown().optional(),
  variant: z.unknown().optional(),
});
