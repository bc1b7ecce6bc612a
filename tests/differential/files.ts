import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { solidPng } from "@gadget/mock-tracker";

/*
 * The files a sequence publishes: small valid PNGs of one colour (Zou makes thumbnails from
 * them, so they must decode) and text attachments, written once per run and shared by both
 * backends so that names and sizes match.
 */

/** An RGB PNG of `width` × `height` filled with `color` (0xRRGGBB). */
export function png(width: number, height: number, color: number): Buffer {
  return solidPng(width, height, [(color >> 16) & 0xff, (color >> 8) & 0xff, color & 0xff]);
}

/** A temporary folder for one run's files, removed by `dispose()`. */
export class RunFiles {
  private readonly dir = mkdtempSync(join(tmpdir(), "gadget-differential-"));

  write(name: string, bytes: Buffer | string): string {
    const path = join(this.dir, name);
    writeFileSync(path, bytes);
    return path;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
