import { describe, expect, test } from "vitest";
import { againstTestServer } from "./backends.js";
import { formatResult } from "./report.js";
import { runSequence } from "./runner.js";

/*
 * The differential run in CI: SEEDS × OPS generated operations on the mock tracker and on the
 * Kitsu adapter against the Kitsu-compatible test server, compared step by step. A failure
 * prints the seed, the step, the operation, a readable diff and the command that replays it.
 */

const SEEDS = [1, 2, 3, 4];
const OPS = 250;

describe("differential: mock tracker vs Kitsu (test server)", () => {
  for (const seed of SEEDS) {
    test(`seed ${seed} × ${OPS} operations`, { timeout: 60_000 }, async () => {
      const backends = await againstTestServer();
      try {
        const result = await runSequence(backends, { seed, ops: OPS, runTag: `ci${seed}` });
        expect(result.failure, formatResult(result, OPS)).toBeUndefined();
        expect(result.steps).toBe(OPS);
      } finally {
        await backends.close();
      }
    });
  }
});
