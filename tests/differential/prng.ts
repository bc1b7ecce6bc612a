import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** The seeded random source of one run: the same seed gives the same choices in the same order. */
export class Rng {
  private readonly generator: ReturnType<typeof xoroshiro128plus>;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** True with probability `p` (two decimals of precision are plenty here). */
  chance(p: number): boolean {
    return this.int(0, 99) < p * 100;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick: nothing to pick from");
    return items[this.int(0, items.length - 1)] as T;
  }

  /** Up to `max` distinct items, in the order they were drawn. */
  some<T>(items: readonly T[], max: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    const count = this.int(0, Math.min(max, pool.length));
    for (let i = 0; i < count; i++) out.push(...pool.splice(this.int(0, pool.length - 1), 1));
    return out;
  }

  /** One key of `weights`, drawn in proportion to its weight (zero weights are never drawn). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = (Object.entries(weights) as [K, number][]).filter(([, w]) => w > 0);
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.int(0, total - 1);
    for (const [key, weight] of entries) {
      if (roll < weight) return key;
      roll -= weight;
    }
    throw new Error("Rng.weighted: no positive weight");
  }
}
