import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { decodeTask } from "../packages/kitsu-adapter/src/codec/tasks.js";
import { type Kind, MockTracker, type Page, type PageRequest, type RecordOf, Tracker, type Where } from "./deps.js";
import { ms, timed } from "./measure.js";
import { zouTaskPage } from "./zou-task-rows.js";

/*
 * What decoding costs beside JSON.parse, which every client pays: the Kitsu codec alone (rows →
 * records) and with the session's entities (`project.tasks.all()`). The rows are JSON text made
 * up front, so no HTTP and no tracker is measured; each figure is the median of three runs.
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

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    times.push((await timed(work)).ms);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

export async function decodeWorkload(rows = 100_000): Promise<DecodeRow[]> {
  const pages = Array.from({ length: rows / pageSize }, (_, i) => zouTaskPage(i * pageSize, pageSize));
  let kept = 0;
  const parse = await median(async () => {
    for (const text of pages) kept += (JSON.parse(text) as unknown[]).length;
  });
  const codec = await median(async () => {
    for (const text of pages) kept += (JSON.parse(text) as unknown[]).map((row) => decodeTask(row, "shot")).length;
  });
  const materialize = await median(async () => {
    const adapter = new ZouPagesTracker(pages);
    const made = await adapter.create("project", { name: "Decode Bench", productionType: "short" });
    const project = await Tracker.connect(adapter).projects.get({ id: made.id });
    kept += (await project.tasks.all()).length;
  });
  if (kept === 0) throw new Error("decode workload: no rows");
  const x = (value: number) => `${(value / parse).toFixed(1)}× (${ms(value)})`;
  return [
    { measure: `JSON.parse of ${rows} Zou task rows`, value: ms(parse), target: "" },
    { measure: "  + Kitsu codec, / JSON.parse", value: x(codec), target: "≤ 2×" },
    { measure: "  + codec + entities (project.tasks.all()), / JSON.parse", value: x(materialize), target: "≤ 3×" },
  ];
}
