import { randomUUID } from "node:crypto";
import { asId, type Id } from "@gadget/core/adapter";

/** Makes record ids: random UUID v4, or a deterministic sequence of UUID v4 when seeded (tests, demo). */
export interface IdGenerator {
  next(): Id;
  /** The seed and how many ids it gave, so a snapshot can resume the sequence; null for random ids. */
  readonly seeded: { seed: number; state: number } | null;
}

/** A small fast PRNG (mulberry32) of 32-bit words: enough to spread ids and faults, not for security. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const byteHex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex = (n: number): string =>
  `${byteHex[(n >>> 24) & 255]}${byteHex[(n >>> 16) & 255]}${byteHex[(n >>> 8) & 255]}${byteHex[n & 255]}`;

/** A UUID v4 built from 4 words of 32 bits, with the version and variant bits set. */
function uuidFrom(w0: number, w1: number, w2: number, w3: number): string {
  const b = hex(((w1 & 0xffff0fff) | 0x00004000) >>> 0);
  const c = hex(((w2 & 0x3fffffff) | 0x80000000) >>> 0);
  return `${hex(w0)}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${hex(w3)}`;
}

/** Seeded generator: one PRNG stream, 4 draws per id, so resuming at `start` replays 4 × start draws. */
export function seededIds(seed: number, start = 0): IdGenerator {
  const rand = mulberry32(seed);
  for (let i = 0; i < start * 4; i++) rand();
  let counter = start;
  return {
    next() {
      counter += 1;
      return asId(uuidFrom(rand(), rand(), rand(), rand()));
    },
    get seeded() {
      return { seed, state: counter };
    },
  };
}

export function randomIds(): IdGenerator {
  return { next: () => asId(randomUUID()), seeded: null };
}
