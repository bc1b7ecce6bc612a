import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { UploadFile } from "@gadget/core/adapter";
import busboy from "busboy";
import { zou } from "./zou-errors.js";

/*
 * Multipart bodies streamed to a temp directory (the contract's UploadFile is a path), never
 * buffered whole. The caller removes the directory with `cleanup()` once the tracker has the files.
 */

export interface UploadedPart extends UploadFile {
  field: string;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: UploadedPart[];
  cleanup(): Promise<void>;
}

export const isMultipart = (req: IncomingMessage): boolean =>
  (req.headers["content-type"] ?? "").startsWith("multipart/form-data");

export async function readMultipart(req: IncomingMessage): Promise<MultipartBody> {
  const dir = await mkdtemp(join(tmpdir(), "kitsu-upload-"));
  const fields: Record<string, string> = {};
  const files: UploadedPart[] = [];
  const writes: Promise<void>[] = [];
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const bb = busboy({ headers: req.headers });
      bb.on("field", (name, value) => {
        fields[name] = value;
      });
      bb.on("file", (field, stream, info) => {
        const fileName = info.filename || `${field}${extname(field)}`;
        const path = join(dir, `${files.length}-${fileName.replace(/[/\\]/g, "_")}`);
        const part: UploadedPart = { field, path, fileName, size: 0, contentType: info.mimeType };
        files.push(part);
        stream.on("data", (chunk: Buffer) => {
          part.size += chunk.length;
        });
        writes.push(pipeline(stream, createWriteStream(path)));
      });
      bb.on("error", reject);
      bb.on("close", () => resolve());
      req.pipe(bb);
    });
    await Promise.all(writes);
  } catch {
    await cleanup();
    throw zou.browserBadRequest();
  }
  return { fields, files, cleanup };
}
