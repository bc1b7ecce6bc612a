import { Readable, Transform } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { type Download, ServerError, streamFileName, type TransferOptions } from "@gadget/core/adapter";
import type { KitsuClient } from "./client.js";
import type { SearchParams } from "./request-spec.js";

/*
 * A GET whose answer is a file, handed over as a stream that counts bytes for `onProgress` and stops
 * on the abort signal: preview and attachment downloads, and `raw.stream()`.
 */

/** Sends the GET and streams its body; `fileName` undefined takes the name the answer announces. */
export async function streamDownload(
  client: KitsuClient,
  path: string,
  fileName: string | undefined,
  options: TransferOptions & { searchParams?: SearchParams } = {},
): Promise<Download> {
  const response = await client.send({
    method: "GET",
    path,
    searchParams: options.searchParams,
    responseType: "response",
    signal: options.signal,
    timeout: client.options.transferTimeout,
  });
  if (!response.body)
    throw ServerError.unexpectedResponse("download", "the answer has no body", {
      method: "GET",
      path: `/${path.replace(/^\/+/, "")}`,
      status: response.status,
    });
  const name = fileName ?? streamFileName(response.headers.get("content-disposition"), path);
  const length = response.headers.get("content-length");
  const total = length === null ? undefined : Number(length);
  let loaded = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      loaded += chunk.length;
      options.onProgress?.({ fileName: name, loaded, total });
      done(null, chunk);
    },
  });
  const source = Readable.fromWeb(response.body as NodeWebStream<Uint8Array>, { signal: options.signal });
  source.on("error", (e) => counter.destroy(e));
  return {
    fileName: name,
    size: total,
    contentType: response.headers.get("content-type") ?? undefined,
    stream: source.pipe(counter),
  };
}
