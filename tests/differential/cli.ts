import { parseArgs } from "node:util";
import { againstRealKitsu, againstTestServer, kitsuFromEnv } from "./backends.js";
import { Recorder } from "./recorder.js";
import { formatResult } from "./report.js";
import { runSequence } from "./runner.js";

/*
 * pnpm --filter @gadget/tests diff -- --seed 7 --ops 300 [--until 42] [--seeds 3] [--record]
 *
 * Against the real Kitsu when TRACKER_URL and credentials are set, against the Kitsu-compatible
 * test server otherwise. Exit code 1 when a seed found a difference.
 */

// pnpm hands the `--` of `pnpm … diff -- --seed 7` through (twice via the root `differential` script);
// parseArgs would take what follows as positionals.
const argv = process.argv.slice(2);
while (argv[0] === "--") argv.shift();
const { values } = parseArgs({
  args: argv,
  options: {
    seed: { type: "string", default: "1" },
    seeds: { type: "string", default: "1" },
    ops: { type: "string", default: "300" },
    until: { type: "string" },
    "run-id": { type: "string" },
    record: { type: "boolean", default: false },
    "record-dir": { type: "string" },
    "test-server": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
  allowPositionals: true,
});

if (values.help) {
  console.log(`usage: pnpm --filter @gadget/tests diff -- [options]
  --seed N        first seed (default 1)
  --seeds N       how many seeds from --seed on (default 1)
  --ops N         operations per seed (default 300)
  --until N       stop after step N (replay a reported difference)
  --run-id ID     part of every project/person name (default: random); keeps runs on a shared Zou apart
  --record        with a real Kitsu: record its HTTP answers as replayable fixtures
  --record-dir D  where (default tests/differential/recorded/seed-<seed>)
  --test-server   ignore TRACKER_* and use the Kitsu-compatible test server`);
  process.exit(0);
}

const first = Number(values.seed);
const ops = Number(values.ops);
const until = values.until === undefined ? undefined : Number(values.until);
const runId = values["run-id"] ?? Math.random().toString(36).slice(2, 7);
const real = values["test-server"] ? undefined : kitsuFromEnv();
if (values.record && !real) {
  console.error("--record needs a real Kitsu: set TRACKER_URL, TRACKER_LOGIN and TRACKER_PASSWORD");
  process.exit(2);
}

let failed = 0;
for (let seed = first; seed < first + Number(values.seeds); seed++) {
  const recorder = values.record ? new Recorder(values["record-dir"] ?? Recorder.defaultDir(seed)) : undefined;
  const backends = real ? await againstRealKitsu(real, recorder) : await againstTestServer();
  try {
    const result = await runSequence(backends, {
      seed,
      ops,
      runTag: `s${seed}-${runId}`,
      ...(until ? { until } : {}),
      ...(recorder ? { beforeStep: (step: number, op: { type: string }) => recorder.step(step, op.type) } : {}),
    });
    console.log(formatResult(result, ops));
    if (result.failure) failed += 1;
  } finally {
    await backends.close();
    if (recorder) console.log(`recorded ${await recorder.write()} cases in ${recorder.dir}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
