/*
 * Reading a custom action's request body: capped (a handler on a studio URL must not buffer whatever
 * a client streams at it), then parsed by its content type, JSON (AJAX actions) or
 * form-encoded (form actions).
 */

/** Why a body could not be read; the handler answers with `status`. */
export class BodyProblem extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The body's bytes, refused with 413 past `max` (before reading when Content-Length says so). */
export async function readCapped(
  chunks: AsyncIterable<Uint8Array> | null,
  max: number,
  contentLength: string | undefined,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new BodyProblem(413, `The request body is larger than ${max} bytes, the handler's maxBodyBytes.`);
  if (contentLength !== undefined && Number(contentLength) > max) throw tooLarge();
  const parts: Uint8Array[] = [];
  let size = 0;
  if (chunks) {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > max) throw tooLarge();
      parts.push(chunk);
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** How the body is encoded, from its Content-Type: what Kitsu sends, and nothing else. */
export function bodyEncoding(contentType: string | undefined): "json" | "form" {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") return "json";
  if (type === "application/x-www-form-urlencoded") return "form";
  throw new BodyProblem(
    415,
    `Unsupported Content-Type ${JSON.stringify(contentType ?? "")}: a custom action posts application/json (AJAX) or application/x-www-form-urlencoded (form).`,
  );
}

/** The body's fields: a JSON object, or the form's fields (the last value of a repeated name). */
export function parseBody(bytes: Uint8Array, encoding: "json" | "form"): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BodyProblem(400, "The request body is not UTF-8 text.");
  }
  if (encoding === "form") return Object.fromEntries(new URLSearchParams(text));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BodyProblem(400, "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new BodyProblem(400, "The request body must be a JSON object of the fields Kitsu posts.");
  return value as Record<string, unknown>;
}

/** A fetch body as chunks. */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
