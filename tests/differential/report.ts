import { formatDifferences } from "./diff.js";
import type { RunResult } from "./runner.js";

/** The command that replays a run's seed up to `until` (the step that differed). */
export function replayCommand(result: RunResult, ops: number, until?: number): string {
  const args = [`--seed ${result.seed}`, `--ops ${ops}`, ...(until === undefined ? [] : [`--until ${until}`])];
  return `pnpm --filter @gadget/tests diff -- ${args.join(" ")}`;
}

const allowedLine = (allowed: Record<string, number>): string => {
  const entries = Object.entries(allowed);
  return entries.length === 0 ? "none" : entries.map(([id, n]) => `${id} ×${n}`).join(", ");
};

/** What a person reads after a run: one line when it passed, the first difference in full when not. */
export function formatResult(result: RunResult, ops: number): string {
  const head = `seed ${result.seed} (run ${result.runTag}) on ${result.target}: ${result.steps} steps in ${(result.ms / 1000).toFixed(1)} s`;
  if (!result.failure) return `${head}, no difference (known differences skipped: ${allowedLine(result.allowed)})`;
  const f = result.failure;
  return [
    `${head}: FIRST DIFFERENCE at step ${f.step}`,
    `operation: ${JSON.stringify(f.op)}`,
    "differences (mock vs kitsu):",
    formatDifferences(f.differences),
    `mock outcome:  ${JSON.stringify(f.mock.outcome).slice(0, 600)}`,
    `kitsu outcome: ${JSON.stringify(f.kitsu.outcome).slice(0, 600)}`,
    "steps before it:",
    ...result.recent.slice(0, -1).map((op, i, all) => `  ${f.step - all.length + i}: ${JSON.stringify(op)}`),
    `known differences skipped: ${allowedLine(result.allowed)}`,
    `replay: ${replayCommand(result, ops, f.step)}`,
  ].join("\n");
}
