import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UploadFile } from "../../adapter/files.js";

const contentTypes: Readonly<Record<string, string>> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  mp4: "video/mp4",
  mov: "video/quicktime",
  txt: "text/plain",
  pdf: "application/pdf",
  zip: "application/zip",
  json: "application/json",
};

/** Folders made by makeTempFile in this process, removed by removeTempFiles. */
const folders = new Set<string>();

/**
 * Writes `bytes` to a fresh file in the system temp folder and describes it as core would before
 * an upload. Each call gets its own folder, so two files may share a name.
 *
 * @param baseName file name without extension, as the tracker will record it
 * @default baseName "file"
 * @example
 * const file = await makeTempFile(Buffer.from("notes"), "txt", "notes");
 */
export async function makeTempFile(bytes: Uint8Array | string, ext: string, baseName = "file"): Promise<UploadFile> {
  const extension = ext.replace(/^\./, "").toLowerCase();
  const folder = await mkdtemp(join(tmpdir(), "gadget-compliance-"));
  folders.add(folder);
  const fileName = `${baseName}.${extension}`;
  const path = join(folder, fileName);
  const data = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  await writeFile(path, data);
  return { path, fileName, size: data.byteLength, contentType: contentTypes[extension] ?? "application/octet-stream" };
}

/** Deletes every file makeTempFile wrote in this process; failures are ignored (temp folders get swept anyway). */
export async function removeTempFiles(): Promise<void> {
  const all = [...folders];
  folders.clear();
  await Promise.all(all.map((folder) => rm(folder, { recursive: true, force: true }).catch(() => undefined)));
}

/** A valid 1×1 PNG: trackers that decode pictures accept it. */
export const tinyPng: Uint8Array = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
