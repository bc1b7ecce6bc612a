import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { median, ms } from "./measure.js";

const run = promisify(execFile);
const runs = 5;

/**
 * `import("@gadget/kitsu-adapter")` as a script pays it: the built dist under plain node (no tsx,
 * no source conditions), each run a new process (cold), the median of 5. Needs `pnpm build`.
 */
export async function importCost(): Promise<string> {
  const dist = fileURLToPath(new URL("../packages/kitsu-adapter/dist/index.js", import.meta.url));
  const built = await stat(dist).then(
    () => true,
    () => false,
  );
  if (!built) return "import cost: run `pnpm build` first (the measure imports the built dist)";
  const script = `const s = performance.now(); await import(${JSON.stringify(dist)}); console.log(performance.now() - s);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script]);
    times.push(Number(stdout.trim()));
  }
  return `import("@gadget/kitsu-adapter"), built dist, plain node, cold: ${ms(median(times))} (median of ${runs}; target < 250 ms)`;
}
