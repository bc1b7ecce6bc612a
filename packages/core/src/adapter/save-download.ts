import { randomBytes } from "node:crypto";
import { constants, createWriteStream } from "node:fs";
import { access, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ValidationError } from "../errors.js";
import type { Download } from "./files.js";

/*
 * A download written to disk the way a pipeline expects: the place is checked before the request
 * (so a typo costs no transfer), the bytes go to a temp file beside the target, and only a complete
 * file is renamed onto it. A reader of `to` never sees half a file, and a failed or cancelled download
 * leaves what was there before.
 */

/** The `to` option of `preview.download()` and `attachment.download()`. */
export interface SaveTo {
  /**
   * Writes the file there instead of handing back a stream: a file path (replaced once the download
   * is complete), or an existing folder, where the file keeps the tracker's name.
   *
   * @default undefined (a stream is returned)
   * @example
   * to: "/shows/bunny/review/sh0010_v003.mp4"
   */
  to: string;
}

/** Where `to` points: a file to write, or a folder to write the tracker's file name into. */
export interface DownloadTarget {
  folder: string;
  /** Absent when `to` is a folder. */
  file?: string;
}

/** A file written by `download({ to })`. */
export interface SavedFile {
  /** Absolute path of the written file. */
  path: string;
  /** The file's name on the tracker. */
  fileName: string;
  /** Bytes written. */
  size: number;
  contentType: string | undefined;
}

async function statOf(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw ValidationError.downloadTarget(
      path,
      `it cannot be inspected (${String((error as { code?: unknown }).code)})`,
    );
  }
}

async function writableFolder(folder: string, shown: string): Promise<void> {
  const info = await statOf(folder);
  if (!info) throw ValidationError.downloadTarget(shown, `its folder ${folder} does not exist`);
  if (!info.isDirectory()) throw ValidationError.downloadTarget(shown, `${folder} is not a folder`);
  try {
    await access(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw ValidationError.downloadTarget(shown, `the folder ${folder} is not writable (check its permissions)`);
  }
}

/** Checks `to` before any request: a ValidationError when no file can be written there. */
export async function downloadTarget(to: unknown): Promise<DownloadTarget> {
  if (typeof to !== "string" || to.trim() === "" || to.includes("\u0000")) {
    throw ValidationError.downloadTarget(String(to), "the path must be a non-empty string without NUL bytes");
  }
  const path = resolve(to);
  const info = await statOf(path);
  if (info?.isDirectory()) {
    await writableFolder(path, to);
    return { folder: path };
  }
  if (/[/\\]$/.test(to)) throw ValidationError.downloadTarget(to, "the folder does not exist");
  if (info && !info.isFile()) throw ValidationError.downloadTarget(to, "it exists and is not a regular file");
  await writableFolder(dirname(path), to);
  return { folder: dirname(path), file: path };
}

/** The tracker's file name, kept inside the folder (no separators, no `..`). */
function safeName(fileName: string): string {
  const name = basename(fileName.replaceAll("\\", "/"));
  return name === "" || name === "." || name === ".." ? "download" : name;
}

/** Writes a download to the target through a temp file beside it, renamed once complete. */
export async function saveDownload(
  download: Download,
  target: DownloadTarget,
  signal?: AbortSignal,
): Promise<SavedFile> {
  const path = target.file ?? join(target.folder, safeName(download.fileName));
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.part`);
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(download.stream, count, createWriteStream(temp, { flags: "wx" }), signal ? { signal } : {});
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
  return { path, fileName: download.fileName, size, contentType: download.contentType };
}
