import { createWriteStream } from "node:fs";
import { rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Task } from "./deps.js";
import { ms, timed } from "./measure.js";
import type { WorkloadRow } from "./publish-workloads.js";

const MiB = 1024 * 1024;

/** Peak RSS growth over `work`, sampled every 10 ms, in MiB. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; growthMiB: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const run = await timed(work);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ...run, growthMiB: (peak - before) / MiB };
  } finally {
    clearInterval(sampler);
  }
}

const row = (what: string, sizeMiB: number, run: { ms: number; growthMiB: number }): WorkloadRow => ({
  workload: `(e) ${what} ${sizeMiB} MiB: peak client memory growth`,
  requests: `${run.growthMiB.toFixed(0)} MiB`,
  target: "≪ file size",
  gazu: "",
  time: `${ms(run.ms)}, ${(run.growthMiB / sizeMiB).toFixed(2)}× the file`,
});

/**
 * (e) a large preview up and back down: transfers stream, so the client's memory must not grow
 * with the file.
 */
export async function uploadMemoryWorkload(task: Task, sizeMiB: number): Promise<WorkloadRow[]> {
  const file = join(tmpdir(), `gadget-bench-${process.pid}-large.mp4`);
  await writeFile(file, "");
  await truncate(file, sizeMiB * MiB);
  try {
    const up = await peakGrowth(() => task.comments.new({ comment: "Large preview (bench e)", preview: [file] }));
    const [preview] = await up.value.previews.all();
    if (!preview) throw new Error("The large preview was not recorded on the comment.");
    const down = await peakGrowth(async () => {
      const download = await preview.download();
      await pipeline(download.stream, createWriteStream("/dev/null"));
    });
    return [row("upload", sizeMiB, up), row("download", sizeMiB, down)];
  } finally {
    await rm(file, { force: true });
  }
}
