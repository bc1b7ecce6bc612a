/*
 * A preview's size as Kitsu measures it on upload: a picture's pixels and a duration of 0. The mock
 * reads a PNG's header (no image library); other files keep null sizes.
 */

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PictureSize {
  width: number | null;
  height: number | null;
  duration: number | null;
}

/** Width and height from a PNG's IHDR chunk (the first one, right after the signature). */
export function pictureSize(bytes: Uint8Array): PictureSize {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isPng =
    buf.length >= 24 && buf.subarray(0, 8).equals(pngSignature) && buf.toString("latin1", 12, 16) === "IHDR";
  if (!isPng) return { width: null, height: null, duration: null };
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), duration: 0 };
}
