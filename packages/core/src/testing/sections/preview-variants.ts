import { expect, test } from "vitest";
import type { TransferProgress } from "../../adapter/files.js";
import type { PreviewVariant } from "../../adapter/preview-variants.js";
import type { Id } from "../../schema/common.js";
import type { ComplianceContext } from "../compliance-context.js";
import { readDownload } from "../helpers/download.js";
import { expectTrackerError } from "../helpers/expect-error.js";
import { makeTempFile, tinyPng } from "../helpers/temp-file.js";
import { tinyMp4 } from "../helpers/tiny-movie.js";
import { waitFor } from "../helpers/wait-for.js";

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height of a PNG, or undefined when the bytes are not one. */
function pngSize(bytes: Buffer): [number, number] | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(pngSignature)) return undefined;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** An mp4 starts with an `ftyp` box. */
const isMp4 = (bytes: Buffer) => bytes.toString("latin1", 4, 8) === "ftyp";

/** Preview variants (zou previews/resources.py): which files a picture, a movie and another file have. */
export function previewVariantCases(ctx: ComplianceContext): void {
  async function publish(bytes: Uint8Array, ext: string, name: string) {
    const task = await ctx.newShotTask();
    const comment = await ctx.comment(task.id, ctx.fx.status.wfa.id);
    return ctx.adapter.addPreview(task.id, comment.id, await makeTempFile(bytes, ext, name));
  }
  const download = async (id: Id, variant: PreviewVariant) =>
    readDownload(await ctx.adapter.downloadPreview(id, { variant }));

  test("a picture preview has its original, a 1200 px preview and the two thumbnails, as PNGs; no movie", async () => {
    const preview = await publish(tinyPng, "png", "still");
    expect(pngSize(await download(preview.id, "original"))).toEqual([1, 1]);
    expect(pngSize(await download(preview.id, "thumbnail"))).toEqual([150, 100]);
    expect(pngSize(await download(preview.id, "square-thumbnail"))).toEqual([100, 100]);
    expect(pngSize(await download(preview.id, "preview"))?.[0]).toBe(1200);
    const progress: TransferProgress[] = [];
    const file = await ctx.adapter.downloadPreview(preview.id, {
      variant: "thumbnail",
      onProgress: (p) => progress.push(p),
    });
    expect(file.fileName).toBe("still.thumbnail.png");
    const bytes = await readDownload(file);
    expect(progress.at(-1)?.loaded).toBe(bytes.length);
    for (const variant of ["movie", "low-movie"] as const) {
      const error = await expectTrackerError(ctx.adapter.downloadPreview(preview.id, { variant }), "NOT_FOUND");
      expect(error.message).toContain(`"${variant}"`);
      expect(error.message).toContain("original, preview, thumbnail, square-thumbnail");
    }
  });

  test("a file kept as sent (zip) has only its original: a thumbnail is a NotFoundError naming the variant", async () => {
    const preview = await publish(Buffer.from("PK\u0003\u0004 scene package"), "zip", "package");
    expect((await download(preview.id, "original")).toString("latin1")).toContain("scene package");
    const error = await expectTrackerError(
      ctx.adapter.downloadPreview(preview.id, { variant: "thumbnail" }),
      "NOT_FOUND",
    );
    expect(error.message).toContain('"thumbnail"');
  });

  test("a movie preview has its movie, low movie and the pictures built from it", async () => {
    const preview = await publish(tinyMp4, "mp4", "turntable");
    // Kitsu encodes a movie after the upload answers: its files exist once the preview is ready.
    await waitFor(async () => (await ctx.adapter.get("preview", preview.id)).status !== "processing", {
      timeoutMs: 60_000,
      intervalMs: 250,
      what: "the movie preview to be encoded",
    });
    expect((await ctx.adapter.get("preview", preview.id)).status).toBe("ready");
    const movie = await ctx.adapter.downloadPreview(preview.id, { variant: "movie" });
    expect(movie.fileName).toBe("turntable.mp4");
    expect(isMp4(await readDownload(movie))).toBe(true);
    expect(isMp4(await download(preview.id, "low-movie"))).toBe(true);
    expect(isMp4(await download(preview.id, "original"))).toBe(true);
    expect(pngSize(await download(preview.id, "thumbnail"))).toEqual([150, 100]);
    expect(pngSize(await download(preview.id, "square-thumbnail"))).toEqual([100, 100]);
  });

  test("an unknown variant is a ValidationError; an aborted signal rejects with its reason", async () => {
    const preview = await publish(tinyPng, "png", "still");
    await expectTrackerError(
      ctx.adapter.downloadPreview(preview.id, { variant: "poster" as PreviewVariant }),
      "VALIDATION",
    );
    const controller = new AbortController();
    controller.abort(new Error("stopped by the test"));
    await expect(
      ctx.adapter
        .downloadPreview(preview.id, { variant: "thumbnail", signal: controller.signal })
        .then((d) => readDownload(d)),
    ).rejects.toThrow("stopped by the test");
  });
}
