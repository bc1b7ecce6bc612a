import { stat } from "node:fs/promises";
import { type UploadFile, ValidationError } from "@gadget/core";

/** Checks every file before the first write: a missing or empty file must leave the tracker untouched. */
export async function checkFiles(files: readonly UploadFile[]): Promise<UploadFile[]> {
  const checked: UploadFile[] = [];
  for (const file of files) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(file.path);
    } catch {
      throw ValidationError.file(file.path, "it does not exist or cannot be read");
    }
    if (!info.isFile()) throw ValidationError.file(file.path, "it is not a regular file");
    if (info.size === 0) throw ValidationError.file(file.path, "it is empty");
    // The size on disk is what gets streamed; Content-Length must match it exactly.
    checked.push({ ...file, size: info.size });
  }
  return checked;
}
