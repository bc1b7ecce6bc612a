import type { CustomData, CustomValue } from "./ops.js";
import type { Rng } from "./prng.js";

/* Names and custom data for generated records: every JSON type, unicode, nesting. */

const words = ["hero", "forest", "Château", "naïve", "トトロ", "cam", "lens", "take", "🎬 clip", "a b", "x/y", ""];
const firstNames = ["Alice", "Bruno", "Chloé", "Dana", "Émile", "Ñoño", "Zoë"];
const assetNames = ["Hero", "Forest", "Château", "Lamp", "Rock", "Ship", "Tree"];

export function word(rng: Rng): string {
  return rng.pick(words);
}

export const firstName = (rng: Rng): string => rng.pick(firstNames);
export const assetName = (rng: Rng, n: number): string => `${rng.pick(assetNames)}${n}`;

/** A JSON value of any type, nested up to `depth` levels. */
export function customValue(rng: Rng, depth = 2): CustomValue {
  const kind = rng.weighted({
    string: 4,
    int: 3,
    float: 2,
    bool: 2,
    null: 1,
    object: depth > 0 ? 2 : 0,
    array: depth > 0 ? 2 : 0,
  });
  switch (kind) {
    case "string":
      return word(rng);
    case "int":
      return rng.int(-1000, 100_000);
    case "float":
      return rng.int(-400, 400) / 8;
    case "bool":
      return rng.chance(0.5);
    case "null":
      return null;
    case "object": {
      const out: Record<string, CustomValue> = {};
      for (let i = rng.int(0, 3); i > 0; i--)
        out[rng.pick(["k", "nested", "ünï", "list", "v2"])] = customValue(rng, depth - 1);
      return out;
    }
    default:
      return Array.from({ length: rng.int(0, 3) }, () => customValue(rng, depth - 1));
  }
}

/**
 * Custom data with a few keys. With `special`, one key holds a value JSON cannot carry (a Date or
 * NaN) under `x_date` / `x_nan`, the keys the allow-list knows.
 */
export function customData(rng: Rng, special = false): CustomData {
  const out: CustomData = {};
  for (let i = rng.int(1, 3); i > 0; i--)
    out[rng.pick(["cam", "notes", "ünï", "lens", "meta", "take"])] = customValue(rng);
  if (special) {
    if (rng.chance(0.5)) out.x_date = { $special: "date" };
    else out.x_nan = { $special: "nan" };
  }
  return out;
}

/** A `YYYY-MM-DD` day in early 2026. */
export function day(rng: Rng): string {
  return `2026-0${rng.int(1, 6)}-${String(rng.int(1, 28)).padStart(2, "0")}`;
}
