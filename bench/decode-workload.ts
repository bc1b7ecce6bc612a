import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { decodeTask } from "../packages/kitsu-adapter/src/codec/tasks.js";
import { type Kind, MockTracker, type Page, type PageRequest, type RecordOf, Tracker, type Where } from "./deps.js";
import { ms, timed } from "./measure.js";
import { zouTaskPage } from "./zou-task-rows.js";

/*
 * What decoding costs beside JSON.parse, which every client pays: the Kitsu codec alone (rows →
 * records) and with the session's entities (`project.tasks.all()`), each keeping what it built as
 * a caller keeps what all() returns. The rows are JSON text made up front, so no HTTP and no
 * tracker is measured; each ratio is the median of three runs.
 */

export interface DecodeRow {
  measure: string;
  value: string;
  target: string;
}

const pageSize = 1_000;
const runs = 3;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * A MockTracker whose tasks are the bench's JSON pages, parsed and decoded by the Kitsu codec at
 * each query: core's materialization on top of exactly what the Kitsu adapter hands it.
 */
class ZouPagesTracker extends MockTracker {
  constructor(private readonly pages: readonly string[]) {
    super({ seed: 1 });
  }

  override async query<K extends Kind>(kind: K, where: Where<K>, page: PageRequest = {}): Promise<Page<RecordOf<K>>> {
    if (kind !== "task") return super.query(kind, where, page);
    const index = Number(page.cursor ?? 0);
    const items = (JSON.parse(this.pages[index] as string) as unknown[]).map((row) => decodeTask(row, "shot"));
    const next = index + 1 < this.pages.length ? String(index + 1) : null;
    return { items: items as RecordOf<K>[], next };
  }
}

/** Wall time of `work` after a full GC, so that no run pays for the garbage of the one before. */
async function clean(work: () => Promise<unknown>): Promise<number> {
  gc();
  return (await timed(work)).ms;
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * Each run times JSON.parse, the codec and the entities back to back, and the ratios are taken
 * within the run: the machine's load changes between runs more than between neighbours.
 */
export async function decodeWorkload(rows = 100_000): Promise<DecodeRow[]> {
  const pages = Array.from({ length: rows / pageSize }, (_, i) => zouTaskPage(i * pageSize, pageSize));
  let kept = 0;
  const parse: number[] = [];
  const codec: number[] = [];
  const entities: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Each keeps what it built, as the caller of all() keeps the entities.
    let held: unknown[][] = [];
    const parsed = await clean(async () => {
      for (const text of pages) held.push(JSON.parse(text) as unknown[]);
    });
    kept += held.length;
    held = [];
    const decoded = await clean(async () => {
      for (const text of pages) held.push((JSON.parse(text) as unknown[]).map((row) => decodeTask(row, "shot")));
    });
    kept += held.length;
    held = [];
    const adapter = new ZouPagesTracker(pages);
    const made = await adapter.create("project", { name: "Decode Bench", productionType: "short" });
    const project = await Tracker.connect(adapter).projects.get({ id: made.id });
    const materialized = await clean(async () => {
      kept += (await project.tasks.all()).length;
    });
    parse.push(parsed);
    codec.push(decoded / parsed);
    entities.push(materialized / parsed);
  }
  if (kept === 0) throw new Error("decode workload: no rows");
  const x = (ratio: number) => `${ratio.toFixed(1)}×`;
  return [
    { measure: `JSON.parse of ${rows} Zou task rows, kept (median of ${runs})`, value: ms(median(parse)), target: "" },
    { measure: "  + Kitsu codec, / JSON.parse", value: x(median(codec)), target: "≤ 2×" },
    { measure: "  + codec + entities (project.tasks.all()), / JSON.parse", value: x(median(entities)), target: "≤ 3×" },
  ];
}
