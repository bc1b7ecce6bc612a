import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import type { UploadFile } from "../adapter/files.js";
import { ValidationError } from "../errors.js";

/*
 * Files are checked before the first write of a publish, so that a typo in a path never leaves a
 * comment without its preview on the tracker.
 */

const contentTypes: Record<string, string> = {
  ".mp4": "video/mp4",
  ".mov": "video/quicktime",
  ".webm": "video/webm",
  ".mkv": "video/x-matroska",
  ".avi": "video/x-msvideo",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".exr": "image/x-exr",
  ".pdf": "application/pdf",
  ".txt": "text/plain",
  ".json": "application/json",
  ".zip": "application/zip",
  ".glb": "model/gltf-binary",
  ".obj": "model/obj",
  ".wav": "audio/wav",
  ".mp3": "audio/mpeg",
};

/** The content type of a file name, from its extension. */
export function contentTypeOf(fileName: string): string {
  return contentTypes[extname(fileName).toLowerCase()] ?? "application/octet-stream";
}

async function problemWith(path: string): Promise<{ problem: string } | { size: number }> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { problem: code === "ENOENT" ? "it does not exist" : `it cannot be inspected (${String(code)})` };
  }
  if (!info.isFile()) return { problem: info.isDirectory() ? "it is a directory, not a file" : "it is not a file" };
  try {
    await access(path, constants.R_OK);
  } catch {
    return { problem: "it cannot be read (check its permissions)" };
  }
  if (info.size === 0) return { problem: "it is empty" };
  return { size: info.size };
}

/** Checks every path (exists, is a file, readable, not empty); the first bad one is a ValidationError. */
export async function checkFiles(paths: readonly unknown[]): Promise<UploadFile[]> {
  const files: UploadFile[] = [];
  for (const path of paths) {
    if (typeof path !== "string" || path.length === 0) {
      throw ValidationError.file(String(path), "the path must be a non-empty string");
    }
    const absolute = resolve(path);
    const result = await problemWith(absolute);
    if ("problem" in result) throw ValidationError.file(path, result.problem);
    const fileName = basename(absolute);
    files.push({ path: absolute, fileName, size: result.size, contentType: contentTypeOf(fileName) });
  }
  return files;
}
