import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { Download, Id, TransferOptions, UploadFile } from "@gadget/core/adapter";
import { NotFoundError, ValidationError } from "@gadget/core/adapter";
import type { StoredFile, Studio } from "../studio/studio.js";

/** An upload read into memory: the mock keeps bytes, a real tracker would stream them on. */
export interface ReadFile {
  fileName: string;
  contentType: string | undefined;
  bytes: Buffer;
}

/** Reads an upload as a stream, reporting progress and honouring the abort signal. */
export async function readUpload(file: UploadFile, options: TransferOptions = {}): Promise<ReadFile> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const chunks: Buffer[] = [];
  let loaded = 0;
  try {
    const stream = createReadStream(file.path, signal ? { signal } : {});
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      chunks.push(buffer);
      loaded += buffer.length;
      onProgress?.({ fileName: file.fileName, loaded, total: file.size });
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw ValidationError.file(file.path, "read-failed", error instanceof Error ? error.message : String(error));
  }
  return { fileName: file.fileName, contentType: file.contentType, bytes: Buffer.concat(chunks) };
}

export async function readUploads(files: readonly UploadFile[], options?: TransferOptions): Promise<ReadFile[]> {
  const out: ReadFile[] = [];
  for (const file of files) out.push(await readUpload(file, options));
  return out;
}

const CHUNK = 64 * 1024;

/** Stored bytes as a download stream, in chunks so progress and abort behave as over a network. */
export function downloadOf(file: StoredFile, options: TransferOptions = {}): Download {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const { bytes, fileName } = file;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      signal?.throwIfAborted();
      const chunk = bytes.subarray(at, Math.min(at + CHUNK, bytes.length));
      yield Buffer.from(chunk);
      onProgress?.({ fileName, loaded: at + chunk.length, total: bytes.length });
    }
  }
  return { fileName, size: bytes.length, contentType: file.contentType, stream: Readable.from(chunks()) };
}

/** The bytes of a preview or attachment record as a download. */
export function downloadRecordFile(
  studio: Studio,
  kind: "preview" | "attachment",
  id: Id,
  options?: TransferOptions,
): Download {
  studio.require(kind, id);
  const file = studio.files.get(id);
  if (!file) throw NotFoundError.entity(`${kind} file`, id);
  return downloadOf(file, options);
}

/** Splits `name.ext` into the name without extension and the lower-cased extension. */
export function splitFileName(fileName: string): { name: string; extension: string | null } {
  const dot = fileName.lastIndexOf(".");
  if (dot <= 0) return { name: fileName, extension: null };
  return { name: fileName.slice(0, dot), extension: fileName.slice(dot + 1).toLowerCase() };
}
