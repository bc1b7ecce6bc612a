import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import type { ZouReply } from "./server-context.js";
import { zou } from "./zou-errors.js";

/* Reading request bodies and writing replies the way Flask/orjson does. */

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Flask's `request.json`: 415 unless the Content-Type is JSON; 400 on a body that does not parse. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  const body = await readBody(req);
  if (!type.includes("application/json")) throw zou.unsupportedMediaType();
  if (body.length === 0) return null;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw zou.browserBadRequest();
  }
}

export function send(res: ServerResponse, reply: ZouReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.ndjson) {
    res.writeHead(reply.status, { ...headers, "content-type": "application/x-ndjson" });
    res.end(reply.ndjson.map((line) => `${JSON.stringify(line)}\n`).join(""));
    return;
  }
  if (reply.body) {
    res.writeHead(reply.status, {
      ...headers,
      "content-type": reply.contentType ?? "application/octet-stream",
      ...(reply.contentLength === undefined ? {} : { "content-length": String(reply.contentLength) }),
    });
    if (Buffer.isBuffer(reply.body)) res.end(reply.body);
    // A file that fails mid-stream ends the response early; `pipe` would leave the error unhandled.
    else pipeline(reply.body, res, () => {});
    return;
  }
  if (reply.json === undefined) {
    res.writeHead(reply.status, { ...headers, "content-type": "text/html; charset=utf-8" });
    res.end();
    return;
  }
  const text = JSON.stringify(reply.json);
  res.writeHead(reply.status, {
    ...headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}
