import type { Project, RawClient, Sequence } from "./deps.js";
import { ms, ratio, timed } from "./measure.js";
import type { WorkloadRow } from "./publish-workloads.js";
import type { Target } from "./target.js";

const names = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, "0")}`);

/** gazu's `new_shot` per shot, one at a time: a lookup by name, then the create. */
async function gazuLike(raw: RawClient, project: Project, sequence: Sequence, shots: readonly string[]) {
  for (const name of shots) {
    const found = await raw.get<unknown[]>("data/shots/all", { searchParams: { sequence_id: sequence.id, name } });
    if (found.length === 0) {
      await raw.post(`data/projects/${project.id}/shots`, { name, sequence_id: sequence.id, data: {} });
    }
  }
}

/** (d) creating `n` shots: `sequence.shots.newMany` against the gazu-like baseline, in the same run. */
export async function bulkWorkload(target: Target, project: Project, n: number): Promise<WorkloadRow[]> {
  const oursSeq = await project.sequences.new({ name: "bench_newmany" });
  const gazuSeq = await project.sequences.new({ name: "bench_gazu" });
  const session = project.tracker;

  target.counter.reset(session);
  const ours = await timed(() => oursSeq.shots.newMany(names("sh", n).map((name) => ({ name }))));
  const oursRequests = target.counter.total(session);

  target.counter.reset(session);
  const baseline = await timed(() => gazuLike(session.raw, project, gazuSeq, names("sh", n)));
  const baselineRequests = target.counter.total(session);

  return [
    {
      workload: `(d) ${ours.value.length} shots: sequence.shots.newMany (concurrency 8)`,
      requests: oursRequests ?? "—",
      target: "≥ 10× faster",
      gazu: `${2 * n + 2}`,
      time: ms(ours.ms),
    },
    {
      workload: `(d) ${n} shots: gazu-like baseline (lookup + create, one at a time)`,
      requests: baselineRequests ?? "—",
      target: "baseline",
      gazu: `${2 * n + 2}`,
      time: ms(baseline.ms),
    },
    {
      workload: "(d) speed-up: baseline time / newMany time",
      requests: "",
      target: "≥ 10×",
      gazu: "",
      time: ratio(baseline.ms, ours.ms),
    },
  ];
}
