import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import type { TransferProgress, UploadFile } from "@gadget/core/adapter";
import type { BodyFactory } from "./request-spec.js";

export type Part = { field: string; value: string } | { field: string; file: UploadFile };

const encoder = new TextEncoder();
const quote = (s: string) => s.replace(/["\r\n\\]/g, (c) => encodeURIComponent(c));

function partHeader(boundary: string, part: Part): Uint8Array {
  const lines = [`--${boundary}`];
  if ("value" in part) {
    lines.push(`Content-Disposition: form-data; name="${quote(part.field)}"`, "", "");
  } else {
    lines.push(
      `Content-Disposition: form-data; name="${quote(part.field)}"; filename="${quote(part.file.fileName)}"`,
      `Content-Type: ${part.file.contentType || "application/octet-stream"}`,
      "",
      "",
    );
  }
  return encoder.encode(lines.join("\r\n"));
}

/**
 * A multipart/form-data body as a stream: text parts inline, files read from disk chunk by chunk
 * (never whole), with byte progress per file. Each call of the returned factory re-opens the files,
 * so a retried upload starts over cleanly. Content-Length is exact, which lets nginx refuse an
 * oversized upload (413) before it is sent.
 */
export function multipartBody(parts: readonly Part[], onProgress?: (p: TransferProgress) => void): BodyFactory {
  const boundary = `----gadget${randomBytes(12).toString("hex")}`;
  const closing = encoder.encode(`--${boundary}--\r\n`);
  const crlf = encoder.encode("\r\n");
  const headers = parts.map((p) => partHeader(boundary, p));
  const values = parts.map((p) => ("value" in p ? encoder.encode(p.value) : undefined));
  let length = closing.length;
  parts.forEach((p, i) => {
    length += (headers[i]?.length ?? 0) + crlf.length + ("file" in p ? p.file.size : (values[i]?.length ?? 0));
  });

  return () => {
    let index = 0;
    let reader: AsyncIterator<Buffer> | undefined;
    let loaded = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        for (;;) {
          if (reader) {
            const next = await reader.next();
            const part = parts[index] as { file: UploadFile };
            if (!next.done) {
              loaded += next.value.length;
              onProgress?.({ fileName: part.file.fileName, loaded, total: part.file.size });
              controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.length));
              return;
            }
            reader = undefined;
            controller.enqueue(crlf);
            index++;
            return;
          }
          const part = parts[index];
          if (!part) {
            controller.enqueue(closing);
            controller.close();
            return;
          }
          controller.enqueue(headers[index] as Uint8Array);
          if ("file" in part) {
            loaded = 0;
            reader = createReadStream(part.file.path, { highWaterMark: 256 * 1024 })[Symbol.asyncIterator]();
            return;
          }
          controller.enqueue(values[index] as Uint8Array);
          controller.enqueue(crlf);
          index++;
          return;
        }
      },
      async cancel() {
        await reader?.return?.();
      },
    });
    return {
      body,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(length) },
    };
  };
}
