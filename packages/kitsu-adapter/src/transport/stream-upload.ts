import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export interface StreamUpload {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array>;
  /** Aborts the upload: ky's per-attempt timeout, the total timeout, the caller's signal. */
  signal?: AbortSignal;
}

/**
 * Sends a streamed request body with node:http and hands the answer back as a fetch Response.
 * Node 20's fetch (undici 6) keeps every chunk of a streamed request body in memory until the
 * request ends (measured here: a 512 MiB upload held 512 MiB, with ky or fetch alone), while
 * node:http pipes it with backpressure (about 10 MiB held for the same upload). Uploads take this
 * path (as ky's `fetch`, so ky's timeout and retries apply); everything else is ky's own fetch.
 */
export function streamUpload(upload: StreamUpload): Promise<Response> {
  const send = upload.url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    // Cancelled before it began: no connection, no byte sent.
    if (upload.signal?.aborted) return reject(upload.signal.reason);
    const source = Readable.fromWeb(upload.body as NodeReadableStream<Uint8Array>);
    const request = send(upload.url, { method: upload.method, headers: upload.headers });
    const fail = (error: unknown) => {
      upload.signal?.removeEventListener("abort", onAbort);
      source.destroy();
      request.destroy();
      reject(error);
    };
    const onAbort = () => fail(upload.signal?.reason);
    // Listening before anything can destroy the request: its 'error' ("socket hang up") must never go unhandled.
    request.on("error", fail);
    source.on("error", fail);
    upload.signal?.addEventListener("abort", onAbort, { once: true });
    request.on("response", (answer: IncomingMessage) => {
      upload.signal?.removeEventListener("abort", onAbort);
      resolve(toResponse(answer));
    });
    source.pipe(request);
  });
}

function toResponse(answer: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const status = answer.statusCode ?? 502;
  const empty = status === 204 || status === 304;
  if (empty) answer.resume();
  return new Response(empty ? null : (Readable.toWeb(answer) as ReadableStream<Uint8Array>), {
    status,
    statusText: answer.statusMessage ?? "",
    headers,
  });
}
