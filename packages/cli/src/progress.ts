import type { BatchProgress, TransferProgress } from "@gadget/core";
import { MultiBar, Presets, type SingleBar } from "cli-progress";

/*
 * Progress of uploads, downloads and batches: bars when a person watches (the stream is a TTY),
 * a few plain lines otherwise (farm logs, pipes), so that a log says how far a transfer got
 * without one line per chunk.
 */

/** Options of `createProgress()`. */
export interface ProgressOptions {
  /**
   * Where bars are drawn. Bars are drawn only when it is a TTY.
   *
   * @default process.stdout
   * @example
   * stream: process.stderr
   */
  stream?: NodeJS.WriteStream;
  /**
   * Where plain progress lines go when `stream` is not a TTY; `null` prints none.
   *
   * @default a line on process.stderr (stdout stays clean for `--json`)
   * @example
   * lines: console.log
   */
  lines?: ((line: string) => void) | null;
}

/** Reports progress to bars or plain lines; hand its callbacks to core's `onProgress` options. */
export interface ProgressReporter {
  /**
   * An `onProgress` for file transfers: one bar per file, labelled with `verb` and the file name.
   *
   * @example
   * const progress = createProgress();
   * await task.comments.new({ preview: [movie], onProgress: progress.files("upload") });
   */
  files(verb: string): (progress: TransferProgress) => void;
  /**
   * An `onProgress` for `newMany`: one bar counting the records created.
   *
   * @example
   * const progress = createProgress();
   * await seq.shots.newMany([{ name: "sh010" }, { name: "sh020" }], { onProgress: progress.batch("create shots") });
   */
  batch(label: string): (progress: BatchProgress) => void;
  /** Stops drawing (the bars stay on screen); call it before printing anything else. */
  stop(): void;
}

/** Plain lines are printed each time a quarter of the work is done. */
const LINE_STEP = 0.25;
/** Without a known total, a plain line every this many bytes. */
const UNKNOWN_TOTAL_STEP = 64 * 1024 * 1024;

/** `1.5 MiB`: sizes as people read them. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(1)} ${units[unit]}`;
}

/** True when going from `before` to `after` (out of `total`) passes a line step or finishes. */
function crossesStep(before: number, after: number, total: number | undefined): boolean {
  if (total === undefined || total <= 0)
    return Math.floor(after / UNKNOWN_TOTAL_STEP) > Math.floor(before / UNKNOWN_TOTAL_STEP);
  if (after >= total) return before < total;
  return Math.floor(after / total / LINE_STEP) > Math.floor(before / total / LINE_STEP);
}

const percent = (done: number, total: number | undefined) =>
  total ? `${Math.min(100, Math.floor((done / total) * 100))}%` : "";

/**
 * A progress reporter: bars on `stream` when it is a TTY, plain lines otherwise.
 *
 * @example
 * const progress = createProgress();
 * await task.comments.new({ comment: "v003", status: "wfa", preview: [movie], onProgress: progress.files("upload") });
 * progress.stop();
 */
export function createProgress(options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stdout;
  const lines = options.lines === undefined ? (line: string) => process.stderr.write(`${line}\n`) : options.lines;
  return stream.isTTY ? barReporter(stream) : lineReporter(lines);
}

function lineReporter(print: ((line: string) => void) | null): ProgressReporter {
  const seen = new Map<string, number>();
  const report = (key: string, done: number, total: number | undefined, describe: () => string) => {
    const before = seen.get(key) ?? 0;
    seen.set(key, done);
    if (print && crossesStep(before, done, total)) print(describe());
  };
  return {
    files: (verb) => (p) =>
      report(`${verb}\0${p.fileName}`, p.loaded, p.total, () => {
        const of = p.total === undefined ? "" : ` of ${formatBytes(p.total)}`;
        return `${verb} ${p.fileName}: ${percent(p.loaded, p.total) || formatBytes(p.loaded)}${p.total === undefined ? "" : ` (${formatBytes(p.loaded)}${of})`}`;
      }),
    batch: (label) => (p) => report(label, p.created, p.total, () => `${label}: ${p.created}/${p.total}`),
    stop: () => {},
  };
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  let bars: MultiBar | undefined;
  const open = new Map<string, SingleBar>();
  const bar = (key: string, total: number, payload: Record<string, string>, format: string): SingleBar => {
    bars ??= new MultiBar(
      { stream, hideCursor: true, autopadding: true, forceRedraw: true, barsize: 24 },
      Presets.shades_classic,
    );
    let one = open.get(key);
    if (!one) {
      one = bars.create(total, 0, payload, { format });
      open.set(key, one);
    }
    return one;
  };
  return {
    files: (verb) => (p) => {
      const total = p.total ?? p.loaded;
      const payload = { label: `${verb} ${p.fileName}`, loaded: formatBytes(p.loaded), size: formatBytes(total) };
      const one = bar(`${verb}\0${p.fileName}`, total, payload, "{label} {bar} {percentage}% | {loaded} / {size}");
      one.setTotal(total);
      one.update(p.loaded, payload);
    },
    batch: (label) => (p) => {
      bar(label, p.total, { label }, "{label} {bar} {value}/{total}").update(p.created);
    },
    stop: () => {
      bars?.stop();
      bars = undefined;
      open.clear();
    },
  };
}
