/**
 * `pnpm bench`: request counts and wall times of the Kitsu workloads, then the mock tracker's
 * seeding and lookup speed, and what importing the Kitsu adapter costs.
 *
 * Without TRACKER_URL: against the Kitsu-compatible server, in a child process, with 20 ms injected
 * per request (gazu's counts beside ours come from a real Zou 1.0.67).
 * With TRACKER_URL and credentials (TRACKER_LOGIN + TRACKER_PASSWORD, or TRACKER_TOKEN): W1-W4 on
 * that Kitsu, with Gadget and (when the Zou lab is here) gazu in the same run, at +0 and +80 ms per
 * request (real-mode.ts); a bench project is created there and deleted at the end.
 * Then the client's own costs, always local: decoding against JSON.parse, and peak memory while
 * iterating up to a million tasks.
 */
import { bulkWorkload } from "./bulk-workload.js";
import { decodeWorkload } from "./decode-workload.js";
import { table } from "./deps.js";
import { importCost } from "./import-cost.js";
import { iterateMemoryWorkload } from "./iterate-memory-workload.js";
import { mockSeedWorkload } from "./mock-seed-workload.js";
import { publishWorkloads } from "./publish-workloads.js";
import { realMode } from "./real-mode.js";
import { saveNamesWorkload } from "./save-names-workload.js";
import { localTarget } from "./target.js";
import { uploadMemoryWorkload } from "./upload-memory-workload.js";
import { withTasksCostWorkload } from "./with-tasks-cost-workload.js";
import { withTasksWorkload } from "./with-tasks-workload.js";

const latencyMs = 20;
const bulkShots = 500;
const largePreviewMiB = 256;

async function local(): Promise<void> {
  const target = await localTarget(latencyMs);
  try {
    console.log(`\nKitsu workloads on ${target.label}`);
    console.log(`(requests counted by the session's client; gazu = the same work with gazu on a real Zou 1.0.67)\n`);
    const { rows, project, task } = await publishWorkloads(target);
    try {
      rows.push(await withTasksWorkload(target, project));
      rows.push(...(await bulkWorkload(target, project, bulkShots)));
      rows.push(...(await uploadMemoryWorkload(task, largePreviewMiB)));
    } finally {
      await project.tracker.close();
    }
    console.log(
      table(
        ["workload", "requests", "target", "gazu", "time"],
        rows.map((r) => [r.workload, r.requests, r.target, r.gazu, r.time]),
      ),
    );
  } finally {
    await target.close();
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const real = Boolean(env.TRACKER_URL && (env.TRACKER_TOKEN || (env.TRACKER_LOGIN && env.TRACKER_PASSWORD)));
  if (real) await realMode(env);
  else await local();
  console.log("\nMock tracker (in memory, no HTTP)\n");
  const seed = [...(await mockSeedWorkload()), ...(await saveNamesWorkload())];
  console.log(
    table(
      ["measure", "value", "target"],
      seed.map((r) => [r.measure, r.value, r.target]),
    ),
  );
  console.log(
    "\nClient costs: decoding (no HTTP), memory while iterating, with-tasks beside fetch + JSON.parse (Kitsu-compatible server, no latency)\n",
  );
  const client = [...(await decodeWorkload()), ...(await iterateMemoryWorkload()), ...(await withTasksCostWorkload())];
  console.log(
    table(
      ["measure", "value", "target"],
      client.map((r) => [r.measure, r.value, r.target]),
    ),
  );
  await (await import("./paging-workload.js")).pagingWorkload();
  console.log(`\n${await importCost()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
