import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { median, ms } from "./measure.js";

const run = promisify(execFile);
const runs = 5;
const bench = fileURLToPath(new URL(".", import.meta.url));

/** Median wall time of `import(specifier)` from the bench folder, each run a new plain-node process. */
async function coldImport(specifier: string): Promise<number> {
  const script = `const s = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - s);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: bench });
    times.push(Number(stdout.trim()));
  }
  return median(times);
}

/**
 * `import("@gadget/kitsu-adapter")` as a script pays it: the built package under plain node (no tsx,
 * no source condition), each run a new process (cold), the median of 5; beside it, in the same run,
 * tsc's unbundled output of the same code (one file per module, zod's ~95 included), which is what the
 * package loaded before the build bundled it (scripts/bundle-dist.mjs). Needs `pnpm build`.
 */
export async function importCost(): Promise<string> {
  const unbundled = fileURLToPath(new URL("../packages/kitsu-adapter/dist/index.js", import.meta.url));
  const built = await stat(new URL("../packages/kitsu-adapter/dist/bundle/index.js", import.meta.url)).then(
    () => true,
    () => false,
  );
  if (!built) return "import cost: run `pnpm build` first (the measure imports the built package)";
  const bundled = await coldImport("@gadget/kitsu-adapter");
  const files = await coldImport(unbundled);
  return (
    `import("@gadget/kitsu-adapter"), built package, plain node, cold: ${ms(bundled)} (median of ${runs}; target < 250 ms)\n` +
    `  tsc's unbundled output of the same code, same run: ${ms(files)} (${(files / bundled).toFixed(1)}× the bundle)`
  );
}
