import { Readable, Transform } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { type Download, type Id, ServerError, type TransferOptions } from "@gadget/core/adapter";
import type { KitsuRow } from "../codec/values.js";
import { path, routes } from "../routes.js";
import type { OpsContext } from "./ops-context.js";
import { checkId } from "./validate.js";

async function stream(ctx: OpsContext, p: string, fileName: string, options: TransferOptions): Promise<Download> {
  const response = await ctx.client.send({
    method: "GET",
    path: p,
    responseType: "response",
    signal: options.signal,
    timeout: ctx.client.options.transferTimeout,
  });
  if (!response.body)
    throw ServerError.unexpectedResponse("download", "the answer has no body", {
      method: "GET",
      path: `/${p}`,
      status: response.status,
    });
  const length = response.headers.get("content-length");
  const total = length === null ? undefined : Number(length);
  let loaded = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      loaded += chunk.length;
      options.onProgress?.({ fileName, loaded, total });
      done(null, chunk);
    },
  });
  const source = Readable.fromWeb(response.body as NodeWebStream<Uint8Array>, { signal: options.signal });
  source.on("error", (e) => counter.destroy(e));
  return {
    fileName,
    size: total,
    contentType: response.headers.get("content-type") ?? undefined,
    stream: source.pipe(counter),
  };
}

const getRow = (ctx: OpsContext, model: "preview-files" | "attachment-files", id: Id) =>
  ctx.client.request<KitsuRow>({ method: "GET", path: path(routes.getModel, { model, id }) });

/** The original file of a preview: pictures are stored as png, movies as mp4, other files as sent. */
export async function downloadPreview(
  ctx: OpsContext,
  previewId: Id,
  options: TransferOptions = {},
): Promise<Download> {
  checkId(previewId, "preview");
  const row = await getRow(ctx, "preview-files", previewId);
  const ext = typeof row.extension === "string" && row.extension ? row.extension : "png";
  const route = ext === "png" ? routes.previewPicture : ext === "mp4" ? routes.previewMovie : routes.previewOther;
  const base = typeof row.original_name === "string" && row.original_name ? row.original_name : previewId;
  return stream(ctx, path(route, { id: previewId }), `${base}.${ext}`, options);
}

export async function downloadAttachment(
  ctx: OpsContext,
  attachmentId: Id,
  options: TransferOptions = {},
): Promise<Download> {
  checkId(attachmentId, "attachment");
  const row = await getRow(ctx, "attachment-files", attachmentId);
  const name = String(row.name ?? attachmentId);
  return stream(ctx, path(routes.attachmentFile, { id: attachmentId, name }), name, options);
}
