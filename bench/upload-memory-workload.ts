import { rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Task } from "./deps.js";
import { ms, timed } from "./measure.js";
import type { WorkloadRow } from "./publish-workloads.js";

const MiB = 1024 * 1024;

/**
 * (e) publishing a large preview: uploads stream from disk, so the client's memory must not grow
 * with the file. Peak RSS growth over the publish, sampled every 10 ms, against the file size.
 */
export async function uploadMemoryWorkload(task: Task, sizeMiB: number): Promise<WorkloadRow> {
  const file = join(tmpdir(), `gadget-bench-${process.pid}-large.mp4`);
  await writeFile(file, "");
  await truncate(file, sizeMiB * MiB);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const run = await timed(() => task.comments.new({ comment: "Large preview (bench e)", preview: [file] }));
    peak = Math.max(peak, process.memoryUsage().rss);
    const growth = (peak - before) / MiB;
    return {
      workload: `(e) ${sizeMiB} MiB preview: peak client memory growth`,
      requests: `${growth.toFixed(0)} MiB`,
      target: "≪ file size",
      gazu: "",
      time: `${ms(run.ms)}, ${(growth / sizeMiB).toFixed(2)}× the file`,
    };
  } finally {
    clearInterval(sampler);
    await rm(file, { force: true });
  }
}
