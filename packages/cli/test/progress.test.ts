import { Writable } from "node:stream";
import { expect, test } from "vitest";
import { createProgress } from "../src/progress.js";

/** A stream that says it is a terminal, recording what is drawn on it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  let written = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream & Record<string, unknown>;
  Object.assign(stream, {
    isTTY: true,
    columns: 120,
    cursorTo: () => true,
    moveCursor: () => true,
    clearLine: () => true,
    clearScreenDown: () => true,
  });
  return { stream, text: () => written };
}

test("off a terminal, uploads print a plain line at each quarter and at the end, not one per chunk", () => {
  const lines: string[] = [];
  const progress = createProgress({ stream: { isTTY: false } as NodeJS.WriteStream, lines: (l) => lines.push(l) });
  const report = progress.files("upload");
  for (let loaded = 0; loaded <= 4096; loaded += 256) report({ fileName: "v003.mov", loaded, total: 4096 });
  expect(lines).toEqual([
    "upload v003.mov: 25% (1.0 KiB of 4.0 KiB)",
    "upload v003.mov: 50% (2.0 KiB of 4.0 KiB)",
    "upload v003.mov: 75% (3.0 KiB of 4.0 KiB)",
    "upload v003.mov: 100% (4.0 KiB of 4.0 KiB)",
  ]);
});

test("off a terminal, a batch prints its count at each quarter; lines: null prints nothing", () => {
  const lines: string[] = [];
  const batch = createProgress({ stream: { isTTY: false } as NodeJS.WriteStream, lines: (l) => lines.push(l) }).batch(
    "create shots",
  );
  for (let created = 1; created <= 8; created++) batch({ created, total: 8 });
  expect(lines).toEqual(["create shots: 2/8", "create shots: 4/8", "create shots: 6/8", "create shots: 8/8"]);

  const quiet = createProgress({ stream: { isTTY: false } as NodeJS.WriteStream, lines: null });
  quiet.files("upload")({ fileName: "a.png", loaded: 10, total: 10 });
  quiet.batch("create")({ created: 1, total: 1 });
});

test("on a terminal, uploads and batches draw bars with the file name, bytes and counts", () => {
  const terminal = fakeTerminal();
  const progress = createProgress({
    stream: terminal.stream,
    lines: () => expect.unreachable("no plain lines on a TTY"),
  });
  const upload = progress.files("upload");
  upload({ fileName: "v003.mov", loaded: 0, total: 2 * 1024 * 1024 });
  upload({ fileName: "v003.mov", loaded: 2 * 1024 * 1024, total: 2 * 1024 * 1024 });
  progress.batch("create shots")({ created: 3, total: 3 });
  progress.stop();
  const text = terminal.text();
  expect(text).toContain("upload v003.mov");
  expect(text).toContain("100% | 2.0 MiB / 2.0 MiB");
  expect(text).toContain("create shots");
  expect(text).toContain("3/3");
});
