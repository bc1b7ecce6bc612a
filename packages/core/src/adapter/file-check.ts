import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { type FileProblem, ValidationError } from "../errors.js";
import type { UploadFile } from "./files.js";

/*
 * Files are checked before the first write of a publish, so that a typo in a path never leaves a
 * comment without its preview on the tracker: by core when it turns paths into uploads, and by
 * adapters again on the uploads they are handed (a caller may skip core).
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

/** Size of a file that can be uploaded, or what is wrong with it. */
async function inspect(path: string): Promise<{ problem: FileProblem; detail?: string } | { size: number }> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === "ENOENT" ? { problem: "missing" } : { problem: "uninspectable", detail: String(code) };
  }
  if (!info.isFile()) return { problem: info.isDirectory() ? "directory" : "not-a-file" };
  try {
    await access(path, constants.R_OK);
  } catch {
    return { problem: "unreadable" };
  }
  if (info.size === 0) return { problem: "empty" };
  return { size: info.size };
}

/** Checks one path (exists, is a file, readable, not empty); a bad one is a ValidationError. */
export async function checkFile(path: unknown): Promise<UploadFile> {
  if (typeof path !== "string" || path.length === 0) throw ValidationError.file(String(path), "not-a-path");
  if (path.includes("\u0000")) throw ValidationError.file(path, "nul-byte");
  const absolute = resolve(path);
  const result = await inspect(absolute);
  if ("problem" in result) throw ValidationError.file(path, result.problem, result.detail);
  const fileName = basename(absolute);
  return { path: absolute, fileName, size: result.size, contentType: contentTypeOf(fileName) };
}

/** Checks every path, in order; the first bad one is a ValidationError. */
export async function checkFiles(paths: readonly unknown[]): Promise<UploadFile[]> {
  const files: UploadFile[] = [];
  for (const path of paths) files.push(await checkFile(path));
  return files;
}

/**
 * Checks the files an adapter was handed, before its first write: the same checks as `checkFiles`,
 * each file keeping its name and content type, with the size read again (what gets streamed is
 * what is on disk now).
 */
export async function checkUploads(files: readonly UploadFile[]): Promise<UploadFile[]> {
  const checked: UploadFile[] = [];
  for (const file of files) {
    const { path, size } = await checkFile(file.path);
    checked.push({ ...file, path, size });
  }
  return checked;
}
